import { describe, expect, it } from 'vitest';
import { BigramModel } from './bigrams.js';
import { fnv1a } from './hash.js';

const pairs = new Map([
  ['the cat', 3],
  ['the dog', 2],
  ['the end', 1],
  ['a cat', 2],
  ['cat sat', 1],
]);

describe('BigramModel', () => {
  it('counts pairs, contexts and the distinct words around each word, dropping rare pairs only from the pair counts', () => {
    const m = BigramModel.fromCounts(pairs, 2);
    expect(m.count('the', 'cat')).toBe(3);
    expect(m.count('the', 'end')).toBe(0);
    expect(m.leftCount('the')).toBe(6);
    expect(m.leftStats('the')[1]).toBe(3);
    expect(m.rightTypeCount('cat')).toBe(2);
    expect(m.rightTypeCount('sat')).toBe(1);
    expect(m.pairTypes).toBe(5);
  });

  it('reads back what it writes, and reads a checkpoint written without type counts', () => {
    const m = BigramModel.fromBuffer(BigramModel.fromCounts(pairs, 2).toBuffer());
    expect([m.count('a', 'cat'), m.leftStats('the')[1], m.rightTypeCount('cat'), m.pairTypes, m.hasTypes]).toEqual([2, 3, 2, 5, true]);
    // the older layout: header and the four sections only
    const full = BigramModel.fromCounts(pairs, 2).toBuffer();
    const [n, k] = [new Uint32Array(full.buffer, full.byteOffset, 2)[0], new Uint32Array(full.buffer, full.byteOffset, 2)[1]];
    const old = BigramModel.fromBuffer(Buffer.from(full.subarray(0, 4 * (2 + 2 * n + 2 * k))));
    expect([old.count('the', 'cat'), old.leftCount('the'), old.hasTypes, old.leftStats('the')[1], old.rightTypeCount('cat')]).toEqual([3, 6, false, 0, 0]);
  });
});

describe('BigramModel check bytes', () => {
  /** Two different words with the same FNV-1a key after `prefix` (found by the birthday bound in ~10^5 tries). */
  function collidingWords(prefix = ''): [string, string] {
    const seen = new Map<number, string>();
    for (let i = 0; ; i++) {
      const w = `w${i.toString(36)}`;
      const h = fnv1a(prefix + w);
      const other = seen.get(h);
      if (other !== undefined) return [other, w];
      seen.set(h, w);
    }
  }

  it('does not count a pair the corpus never had when its key collides with one it had', () => {
    const [a, b] = collidingWords('x ');
    expect(fnv1a(`x ${a}`)).toBe(fnv1a(`x ${b}`));
    const [c, d] = collidingWords();
    const m = BigramModel.fromBuffer(BigramModel.fromCounts(new Map([[`x ${a}`, 5], [`${c} y`, 4], [`z ${c}`, 3]]), 1).toBuffer());
    expect([m.count('x', a), m.count('x', b)]).toEqual([5, 0]);
    expect([m.leftCount(c), m.leftCount(d)]).toEqual([4, 0]);
    expect([m.rightTypeCount(c), m.rightTypeCount(d)]).toEqual([1, 0]);
    // both pairs kept apart when both were seen
    const both = BigramModel.fromCounts(new Map([[`x ${a}`, 5], [`x ${b}`, 2]]), 1);
    expect([both.count('x', a), both.count('x', b)]).toEqual([5, 2]);
  });

  it('reads a model written without check bytes, which cannot tell such pairs apart', () => {
    const [a, b] = collidingWords('x ');
    const full = BigramModel.fromCounts(new Map([[`x ${a}`, 5]]), 1).toBuffer();
    const words = new Uint32Array(full.buffer, full.byteOffset, full.byteLength / 4);
    const mark = words.indexOf(0x314b4843);
    const old = BigramModel.fromBuffer(Buffer.from(full.subarray(0, 4 * mark)));
    expect([old.count('x', a), old.count('x', b)]).toEqual([5, 5]);
  });
});
