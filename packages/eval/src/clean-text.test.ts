import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CLEAN_TEXT_FILES, heldOutSplit, isHeldOutParagraph, loadCleanTextSet, loadHeldOutParagraphs } from './clean-text.js';
import { fnv1a32, stableHash } from './fnv.js';

const paragraphs = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `Paragraph ${i} of the ${tag} file, written for this test only.`);

describe('fnv1a32', () => {
  it('matches the published FNV-1a test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes UTF-8 bytes', () => {
    expect(fnv1a32('é')).not.toBe(fnv1a32('e'));
    expect(stableHash('é')).toBe(stableHash('\u00e9'));
  });
});

describe('isHeldOutParagraph', () => {
  const sample = paragraphs(40_000, 'sample');

  it('is deterministic and depends only on the trimmed text', () => {
    const first = sample.map(isHeldOutParagraph);
    expect(sample.map(isHeldOutParagraph)).toEqual(first);
    const held = sample.filter(isHeldOutParagraph);
    expect(held.length).toBeGreaterThan(0);
    for (const p of held.slice(0, 20)) {
      expect(isHeldOutParagraph(`  ${p}\r`)).toBe(true);
      expect(heldOutSplit(`${p}\n`)).toBe(heldOutSplit(p));
    }
    expect(isHeldOutParagraph('')).toBe(false);
    expect(isHeldOutParagraph('   ')).toBe(false);
  });

  it('holds out about 0.5 % and halves them into dev and test', () => {
    const held = sample.filter(isHeldOutParagraph);
    expect(held.length / sample.length).toBeGreaterThan(0.003);
    expect(held.length / sample.length).toBeLessThan(0.007);
    const dev = held.filter((p) => heldOutSplit(p) === 'dev').length;
    expect(dev / held.length).toBeGreaterThan(0.3);
    expect(dev / held.length).toBeLessThan(0.7);
  });
});

describe('clean-text set', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eval-clean-'));
  const all: string[] = [];
  for (const f of CLEAN_TEXT_FILES) {
    const lines = paragraphs(3000, f);
    all.push(...lines);
    // one paragraph per line, an empty line between documents
    writeFileSync(join(dir, f), gzipSync(`${lines.slice(0, 1500).join('\n')}\n\n${lines.slice(1500).join('\n')}\n`));
  }

  it('collects exactly the held-out paragraphs of a split, as identity pairs', async () => {
    const dev = await loadHeldOutParagraphs(dir, 'dev');
    const test = await loadHeldOutParagraphs(dir, 'test');
    const expected = all.filter(isHeldOutParagraph);
    expect(dev.length + test.length).toBe(expected.length);
    expect(new Set([...dev, ...test].map((i) => i.noisy))).toEqual(new Set(expected));
    expect(dev.every((i) => i.noisy === i.clean && heldOutSplit(i.clean) === 'dev')).toBe(true);
    expect(test.every((i) => heldOutSplit(i.clean) === 'test')).toBe(true);
  });

  it('samples a fixed-seed subset', async () => {
    const a = await loadCleanTextSet(dir, { split: 'test', size: 10, seed: 3 });
    const b = await loadCleanTextSet(dir, { split: 'test', size: 10, seed: 3 });
    const c = await loadCleanTextSet(dir, { split: 'test', size: 10, seed: 4 });
    expect(a).toHaveLength(10);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
