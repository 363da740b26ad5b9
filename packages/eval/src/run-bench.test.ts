import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createIdentityCorrector } from './baselines/identity.js';
import { UnknownNameError } from './errors.js';
import { replaceSection, renderMarkdown } from './report.js';
import { CorrectorOutputError, runBench, type BenchProgress } from './run-bench.js';
import { getSet, loadSet, setNames } from './sets.js';
import { wordByWord } from './word-by-word.js';

// A miniature data root in the shared layout, with text written for this test.
function makeDataDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'eval-bench-'));
  const put = (rel: string, text: string) => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), rel.endsWith('.gz') ? gzipSync(text) : text);
  };
  const rows = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `r${i}`, noisy: `teh line ${i} is here`, clean: `the line ${i} is here` }));
  put('ocr/overproof/test.jsonl.gz', rows.join('\n') + '\n');
  put('ocr/overproof/dev.jsonl.gz', rows.slice(0, 2).join('\n') + '\n');
  put('typos/aspell/test.tsv', 'misspelling\tcorrect\nteh\tthe\nTeh\tThe\nrecieve\treceive\n');
  put('typos/tweet_typo_corpus/test.tsv', 'misspelling\tcorrect\tcount\nteh\tthe\t4\n');
  return root;
}

const toy = wordByWord((w) => (w === 'teh' ? 'the' : w === 'Teh' ? 'The' : w));

describe('set registry', () => {
  it('knows every required set', () => {
    for (const s of ['bln600', 'overproof', 'icdar_en', 'acl_arc', 'birkbeck', 'toefl_spell', 'wikipedia', 'aspell', 'jfleg_spell', 'clean_text']) {
      expect(setNames()).toContain(s);
    }
    expect(getSet('icdar_en').files.test).toBe('ocr/icdar_en/segments/test.jsonl.gz');
    expect(getSet('birkbeck').unit).toBe('word');
    expect(() => getSet('nope')).toThrow(UnknownNameError);
  });

  it('loads splits from a data root', async () => {
    const dir = makeDataDir();
    expect(await loadSet('overproof', 'dev', { dataDir: dir })).toHaveLength(2);
    expect((await loadSet('tweet', 'test', { dataDir: dir }))[0]).toMatchObject({ noisy: 'teh', clean: 'the', count: 4 });
  });
});

describe('runBench', () => {
  it('runs several correctors on the same items and scores them', async () => {
    const dir = makeDataDir();
    const events: BenchProgress[] = [];
    const batches: number[] = [];
    const counting = async (texts: string[]) => (batches.push(texts.length), toy(texts));
    const result = await runBench({
      correctors: { identity: createIdentityCorrector(), toy: counting },
      sets: ['overproof', 'aspell'],
      split: 'test',
      dataDir: dir,
      sample: 10,
      seed: 5,
      batchSize: 4,
      onProgress: (p) => events.push(p),
    });
    const [over, asp] = result.sets;
    expect(over).toMatchObject({ set: 'overproof', total: 30, used: 10, sampled: true });
    expect(asp).toMatchObject({ set: 'aspell', total: 3, used: 3, sampled: false, unit: 'word' });
    expect(batches).toEqual([4, 4, 2, 3]);
    const [id, fix] = over.results;
    expect(id.metrics.cerAfter).toBe(id.metrics.cerBefore);
    expect(fix.metrics.cerAfter).toBe(0);
    expect(fix.metrics.fixRate).toBe(1);
    expect(fix.metrics.brokenRate).toBe(0);
    expect(asp.results[1].metrics.exactMatch).toBeCloseTo(2 / 3);
    expect(events.filter((e) => e.phase === 'scored')).toHaveLength(4);
    const again = await runBench({ correctors: { toy }, sets: ['overproof'], split: 'test', dataDir: dir, sample: 10, seed: 5 });
    expect(again.sets[0].results[0].counts).toEqual(fix.counts);

    const md = renderMarkdown(result);
    expect(md).toContain('#### overproof — test, n = 10 sampled of 30 (seed 5)');
    expect(md).toMatch(/\| toy \| \d+\.\d\d \| 0\.00 \| 100\.0 \|/);
  });

  it('rejects a corrector that returns the wrong number of texts', async () => {
    const dir = makeDataDir();
    const bad = async (texts: string[]) => texts.slice(1);
    await expect(runBench({ correctors: { bad }, sets: ['aspell'], split: 'test', dataDir: dir })).rejects.toThrow(CorrectorOutputError);
  });

  it('reads part of a set by id: `name/part` keeps, `name/!part` drops the matching items', async () => {
    const dir = makeDataDir();
    const seen: string[][] = [];
    const recording = async (texts: string[]) => (seen.push(texts), texts);
    const result = await runBench({ correctors: { identity: recording }, sets: ['overproof/r1', 'overproof/!r1'], split: 'test', dataDir: dir });
    // r1 and r10…r19 contain "r1"
    expect(result.sets.map((s) => [s.set, s.total])).toEqual([
      ['overproof/r1', 11],
      ['overproof/!r1', 19],
    ]);
    expect(seen[0]).toContain('teh line 1 is here');
    expect(seen[1]).not.toContain('teh line 1 is here');
    await expect(runBench({ correctors: { identity: recording }, sets: ['overproof/!'], split: 'test', dataDir: dir })).rejects.toThrow(UnknownNameError);
  });

  it('rejects unknown sets before doing any work', async () => {
    await expect(runBench({ correctors: { toy }, sets: ['nope'], split: 'test', dataDir: '/nonexistent' })).rejects.toThrow(/unknown set "nope"/);
  });
});

describe('replaceSection', () => {
  it('replaces a marked block and leaves the rest', () => {
    const doc = '# Doc\n\nintro\n\n<!-- bench:a:start -->\nold\n<!-- bench:a:end -->\n\nafter\n';
    expect(replaceSection(doc, 'a', 'new table\n')).toBe('# Doc\n\nintro\n\n<!-- bench:a:start -->\nnew table\n<!-- bench:a:end -->\n\nafter\n');
  });

  it('appends a block when the markers are absent', () => {
    expect(replaceSection('# Doc\n', 'b', 'x')).toBe('# Doc\n\n<!-- bench:b:start -->\nx\n<!-- bench:b:end -->\n');
  });
});

describe('overproof_system baseline', () => {
  it('replays overproof_output by noisy line and leaves unknown text alone', async () => {
    const { createOverproofSystemCorrector } = await import('./baselines/overproof-system.js');
    const root = mkdtempSync(join(tmpdir(), 'eval-op-'));
    mkdirSync(join(root, 'ocr/overproof'), { recursive: true });
    const row = (noisy: string, out: string) => JSON.stringify({ id: noisy, noisy, clean: 'x', overproof_output: out });
    writeFileSync(join(root, 'ocr/overproof/dev.jsonl.gz'), gzipSync(row('Tbe line', 'The line') + '\n'));
    writeFileSync(join(root, 'ocr/overproof/test.jsonl.gz'), gzipSync(row('c4t', 'cat') + '\n'));
    const c = await createOverproofSystemCorrector(root);
    expect(await c(['c4t', 'Tbe line', 'other'])).toEqual(['cat', 'The line', 'other']);
  });
});
