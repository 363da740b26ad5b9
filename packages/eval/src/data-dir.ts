import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** `../shared/data` relative to the repository root (this file sits in packages/eval/src or dist). */
export function defaultDataDir(): string {
  const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
  return resolve(repoRoot, '../shared/data');
}
