import { describe, expect, it } from 'vitest';
import { buildTrigrams, TrigramModel } from './trigrams.js';
import { lmWords } from './lm-words.js';

const corpus = ['The cat sat on the mat.', 'The cat sat on the hat.', 'A dog sat on the mat, and the dog slept.'];

describe('TrigramModel', () => {
  it('counts word triples and prunes rare ones', async () => {
    const all = await buildTrigrams({ paragraphs: () => corpus, minCount: 1 });
    expect(all.count('on', 'the', 'mat')).toBe(2);
    expect(all.count('on', 'the', 'hat')).toBe(1);
    expect(all.count('the', 'mat', 'on')).toBe(0);
    const pruned = await buildTrigrams({ paragraphs: () => corpus, minCount: 2 });
    expect(pruned.count('on', 'the', 'mat')).toBe(2);
    expect(pruned.count('on', 'the', 'hat')).toBe(0);
  });

  it('does not count triples across a sentence or clause break', async () => {
    const m = await buildTrigrams({ paragraphs: () => corpus, minCount: 1 });
    // "mat , and": the comma is a boundary, so no history "mat <s>" exists and the lower order is returned as is
    expect(m.prob('mat', '<s>', 'and', 0.25, 0.75)).toBe(0.25);
  });

  it('gives a distribution that sums to one over the vocabulary, pruned mass included', async () => {
    const vocab = [...new Set(corpus.flatMap((p) => lmWords(p)))];
    for (const minCount of [1, 2]) {
      const m = await buildTrigrams({ paragraphs: () => corpus, minCount });
      const lower = 1 / vocab.length;
      const sum = vocab.reduce((s, w) => s + m.prob('on', 'the', w, lower, 0.75), 0);
      expect(sum).toBeCloseTo(1, 9);
      // a seen continuation beats an unseen one, which still gets some mass
      expect(m.prob('on', 'the', 'mat', lower, 0.75)).toBeGreaterThan(m.prob('on', 'the', 'dog', lower, 0.75));
      expect(m.prob('on', 'the', 'dog', lower, 0.75)).toBeGreaterThan(0);
    }
  });

  it('skips held-out paragraphs and survives a round trip through its binary form', async () => {
    const m = await buildTrigrams({ paragraphs: () => corpus, minCount: 1, skip: (p) => p.startsWith('A dog') });
    expect(m.count('on', 'the', 'mat')).toBe(1);
    const back = TrigramModel.fromBuffer(m.toBuffer());
    expect(back.size).toBe(m.size);
    expect(back.count('on', 'the', 'hat')).toBe(1);
    expect(back.prob('sat', 'on', 'the', 0.1, 0.75)).toBe(m.prob('sat', 'on', 'the', 0.1, 0.75));
  });
});
