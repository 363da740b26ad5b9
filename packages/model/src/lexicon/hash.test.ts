import { describe, expect, it } from 'vitest';
import { fnv1a, SortedHashes } from './hash.js';

describe('SortedHashes', () => {
  it('finds every key of a sorted array at its index, and no other key', () => {
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (const size of [0, 1, 2, 3, 100, 5000]) {
      const keys = Uint32Array.from(new Set(Array.from({ length: size }, next))).sort();
      const index = new SortedHashes(keys);
      keys.forEach((k, i) => expect(index.find(k)).toBe(i));
      const present = new Set(keys);
      for (let t = 0; t < 200; t++) {
        const probe = next();
        if (!present.has(probe)) expect(index.find(probe)).toBe(-1);
      }
    }
  });

  it('gives the first of repeated keys, and finds the largest and smallest hashes', () => {
    const keys = Uint32Array.of(0, 7, 7, 7, 2 ** 31, 2 ** 32 - 1);
    const index = new SortedHashes(keys);
    expect(index.find(7)).toBe(1);
    expect(index.find(0)).toBe(0);
    expect(index.find(2 ** 32 - 1)).toBe(5);
    expect(index.find(8)).toBe(-1);
  });
});

describe('fnv1a', () => {
  it('continues from a seed as if the strings were joined', () => {
    expect(fnv1a(' ', fnv1a('the'))).toBe(fnv1a('the '));
    expect(fnv1a('b', fnv1a('a'))).toBe(fnv1a('ab'));
  });
});
