import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/checkpoints/**', 'runs/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Packages never read process.env and never log: config and progress come in through options and callbacks.
    files: ['packages/*/src/**/*.ts'],
    ignores: ['packages/*/src/cli/**', 'packages/*/src/cli.ts', 'packages/*/src/**/*.test.ts', 'packages/*/scripts/**'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'packages take options; apps parse env' }],
    },
  },
);
