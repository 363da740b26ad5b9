import { describe, expect, it } from 'vitest';
import { BigramModel } from './bigrams.js';

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
