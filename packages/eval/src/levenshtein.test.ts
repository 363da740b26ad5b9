import { describe, expect, it } from 'vitest';
import { align, charEdits, codePoints, levenshtein } from './levenshtein.js';

describe('levenshtein', () => {
  it('counts unit-cost edits', () => {
    expect(charEdits('kitten', 'sitting')).toBe(3);
    expect(charEdits('', 'abc')).toBe(3);
    expect(charEdits('abc', '')).toBe(3);
    expect(charEdits('same', 'same')).toBe(0);
    expect(charEdits('ab', 'ba')).toBe(2); // no transpositions
  });

  it('is symmetric', () => {
    expect(charEdits('Tbe c4t', 'The cat')).toBe(charEdits('The cat', 'Tbe c4t'));
  });

  it('counts an astral character as one', () => {
    expect(codePoints('a😀b')).toHaveLength(3);
    expect(charEdits('a😀b', 'ab')).toBe(1);
  });

  it('works on id sequences', () => {
    expect(levenshtein([1, 2, 3], [1, 3])).toBe(1);
  });
});

describe('align', () => {
  it('returns a path consistent with the distance', () => {
    const hyp = codePoints('tbe cat');
    const ref = codePoints('the cats');
    const { distance, steps } = align(hyp, ref);
    expect(distance).toBe(2);
    expect(steps.filter((s) => s.op !== 'match')).toHaveLength(2);
    expect(steps.filter((s) => s.op !== 'ins')).toHaveLength(ref.length);
    expect(steps.filter((s) => s.op !== 'del')).toHaveLength(hyp.length);
    expect(steps.find((s) => s.op === 'sub')).toMatchObject({ hyp: 1, ref: 1 });
    expect(steps.at(-1)).toMatchObject({ op: 'del', ref: 7 });
  });

  it('handles empty sides', () => {
    expect(align([], [1, 2]).steps.map((s) => s.op)).toEqual(['del', 'del']);
    expect(align([1], []).steps.map((s) => s.op)).toEqual(['ins']);
  });
});
