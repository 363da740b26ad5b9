import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataFormatError } from './errors.js';
import { loadJsonlPairs, loadTsvPairs } from './loaders.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

describe('loadJsonlPairs', () => {
  it('reads noisy/clean pairs, skips blank lines, keeps ids and Unicode', async () => {
    const items = await loadJsonlPairs(fixture('pairs.jsonl'));
    expect(items).toEqual([
      { id: 'p-1', noisy: 'Tbe c4t sat.', clean: 'The cat sat.', count: 1 },
      { id: 'p-2', noisy: 'café £ 5', clean: 'café £5', count: 1 },
      { id: '4', noisy: 'no id', clean: 'no id', count: 1 },
    ]);
  });

  it('reads the same pairs from .jsonl.gz', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-loaders-'));
    const gz = join(dir, 'pairs.jsonl.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixture('pairs.jsonl'))));
    expect(await loadJsonlPairs(gz)).toEqual(await loadJsonlPairs(fixture('pairs.jsonl')));
  });

  it('names the file and line of a bad row', async () => {
    await expect(loadJsonlPairs(fixture('bad-missing-clean.jsonl'))).rejects.toThrow(DataFormatError);
    await expect(loadJsonlPairs(fixture('bad-missing-clean.jsonl'))).rejects.toThrow(/bad-missing-clean\.jsonl:1: .*"clean"/);
  });

  it('fails clearly on a missing file', async () => {
    await expect(loadJsonlPairs(fixture('nope.jsonl'))).rejects.toThrow(/ENOENT/);
    await expect(loadJsonlPairs(fixture('nope.jsonl.gz'))).rejects.toThrow(/ENOENT/);
  });
});

describe('loadTsvPairs', () => {
  it('reads word pairs by header names, spaces kept', async () => {
    const items = await loadTsvPairs(fixture('words.tsv'), { noisy: 'misspelling', clean: 'correct' });
    expect(items.map((i) => [i.noisy, i.clean, i.count])).toEqual([
      ['recieve', 'receive', 1],
      ['Nevade', 'Nevada', 1],
      ['bechuarnia land', 'Bechuanaland', 1],
    ]);
  });

  it('reads a count column', async () => {
    const items = await loadTsvPairs(fixture('ocr-words.tsv'), { noisy: 'ocr', clean: 'correct', count: 'count' });
    expect(items.map((i) => [i.noisy, i.clean, i.count])).toEqual([
      ['tbe', 'the', 12],
      ['arc', 'are', 3],
    ]);
  });

  it('rejects a header without the named columns', async () => {
    await expect(loadTsvPairs(fixture('bad-header.tsv'), { noisy: 'misspelling', clean: 'correct' })).rejects.toThrow(/header lacks/);
  });
});
