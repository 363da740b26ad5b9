import { describe, expect, it } from 'vitest';
import { WordShape } from './word-shape.js';
import { TINY_CORPUS } from '../test-support/tiny-checkpoint.js';

describe('WordShape', () => {
  const words = new Set(TINY_CORPUS.join(' ').toLowerCase().match(/[a-z]+/g));
  const shape = new WordShape(words);
  it('scores strings built like the lexicon words above scanner garbage', () => {
    // unseen words made of the corpus's own letter sequences, against OCR-like strings
    for (const good of ['reported', 'timber', 'harbours']) {
      for (const bad of ['tbcrn', 'cxqzj', 'rnvvl']) expect(shape.score(good), `${good} > ${bad}`).toBeGreaterThan(shape.score(bad));
    }
  });
  it('copes with characters outside a–z and the empty string', () => {
    expect(Number.isFinite(shape.score('naïve'))).toBe(true);
    expect(Number.isFinite(shape.score(''))).toBe(true);
  });
});
