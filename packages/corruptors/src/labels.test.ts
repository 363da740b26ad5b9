import { describe, expect, it } from 'vitest';
import { alignPair } from './align-pair.js';
import { createCorruptor } from './create-corruptor.js';
import { corruptedCharMask, corruptedWordMask, corruptedWords } from './labels.js';

describe('labels', () => {
  it('flags changed words, both sides of a merge, and words with insertions', () => {
    const clean = 'the cat sat on the mat';
    const noisy = 'tbe cat saton the mmat';
    const edits = alignPair(noisy, clean);
    expect(corruptedWordMask(clean, edits)).toEqual([true, false, true, true, false, true]);
    const words = corruptedWords(clean, edits);
    expect(words[5]).toEqual({ start: 19, end: 22, text: 'mat', corrupted: true });
    const mask = corruptedCharMask(clean, edits);
    expect(mask[1]).toBe(1);
    expect(mask[0]).toBe(0);
    expect(mask[11]).toBe(1); // the merged space
    expect(mask[7]).toBe(0);
  });

  it('agrees with the corruptor alignment: unflagged words are unchanged in the noisy text', () => {
    const c = createCorruptor('mixed', { scale: 3 });
    const clean = 'Some plain words here that will be corrupted in a few places, not all of them though.';
    for (let s = 0; s < 50; s++) {
      const r = c.corrupt(clean, s);
      const words = corruptedWords(clean, r.alignment);
      const noisyWords = new Set(r.noisy.split(/\s+/));
      for (const w of words) if (!w.corrupted) expect(noisyWords.has(w.text)).toBe(true);
      expect(words.some((w) => w.corrupted)).toBe(r.alignment.length > 0);
    }
  });
});
