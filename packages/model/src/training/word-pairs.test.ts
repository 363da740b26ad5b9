import { describe, expect, it } from 'vitest';
import { createCorruptor, createRng } from '@unsmudge/corruptors';
import { makeWordPairs } from './word-pairs.js';

const TEXT =
  'The committee of the harbour board met on Tuesday afternoon to consider the report of the engineer upon the proposed extension of the eastern wharf.';

describe('makeWordPairs', () => {
  it('cuts examples whose noisy word sits in the noisy text and whose clean word is a word of the clean text', () => {
    const c = createCorruptor('ocr-heavy');
    const rng = createRng(7);
    let n = 0;
    let changed = 0;
    for (let i = 0; i < 200; i++) {
      for (const p of makeWordPairs(TEXT, c.fn, rng, { perPassage: 4 })) {
        n++;
        expect(TEXT).toContain(p.clean);
        expect(p.noisy).not.toMatch(/\s/);
        expect(p.left.length).toBeLessThanOrEqual(32);
        if (p.noisy !== p.clean) changed++;
      }
    }
    expect(n).toBeGreaterThan(400);
    expect(changed / n).toBeGreaterThan(0.5);
    expect(changed / n).toBeLessThan(0.95);
  });

  it('keeps the share of clean examples it is given, however lightly the passage was corrupted', () => {
    for (const [preset, share] of [['ocr-light', 0.2], ['ocr-heavy', 0.2], ['ocr-light', 0.05]] as const) {
      const c = createCorruptor(preset);
      const rng = createRng(11);
      let n = 0;
      let clean = 0;
      for (let i = 0; i < 600; i++) {
        for (const p of makeWordPairs(TEXT, c.fn, rng, { perPassage: 4, cleanShare: share })) {
          n++;
          if (p.noisy === p.clean) clean++;
        }
      }
      expect(n).toBeGreaterThan(300);
      expect(Math.abs(clean / n - share)).toBeLessThan(0.05);
    }
  });

  it('maps each word to its own noisy span: noisy and clean words differ by a few edits at most', () => {
    const c = createCorruptor('typing');
    const rng = createRng(3);
    let changed = 0;
    for (let i = 0; i < 300; i++) {
      for (const p of makeWordPairs(TEXT, c.fn, rng, { perPassage: 6 })) {
        expect(osa(p.noisy.toLowerCase(), p.clean.toLowerCase())).toBeLessThanOrEqual(3);
        if (p.noisy !== p.clean) changed++;
      }
    }
    expect(changed).toBeGreaterThan(100);
  });
});

function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}
