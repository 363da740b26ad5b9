import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir.js';

describe('defaultDataDir', () => {
  it('is ../shared/data next to the repository root', () => {
    const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
    expect(defaultDataDir()).toBe(resolve(repoRoot, '..', 'shared', 'data'));
  });
});
