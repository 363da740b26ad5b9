import { binarySearch, fnv1a, packU32, unpackU32 } from './hash.js';

/** Boundary token used for sentence starts/ends and punctuation breaks. */
export const BOUNDARY = '<s>';

/**
 * Word-pair counts keyed by a 32-bit hash of "w1 w2" (lower-cased): a few MB for ~10^6 pairs,
 * loaded without parsing. A false hit needs a hash collision (≈ pairs / 2^32 per lookup).
 */
export class BigramModel {
  constructor(
    private readonly keys: Uint32Array,
    private readonly counts: Uint32Array,
    /** Occurrences of each word as a left element, by hash of the word. */
    private readonly leftKeys: Uint32Array,
    private readonly leftCounts: Uint32Array,
  ) {}

  get size(): number {
    return this.keys.length;
  }

  count(w1: string, w2: string): number {
    const i = binarySearch(this.keys, fnv1a(w1 + ' ' + w2));
    return i < 0 ? 0 : this.counts[i];
  }

  /** How often `w` starts a pair (its count as a context word). */
  leftCount(w: string): number {
    const i = binarySearch(this.leftKeys, fnv1a(w));
    return i < 0 ? 0 : this.leftCounts[i];
  }

  static fromCounts(pairs: Map<string, number>, minCount: number): BigramModel {
    const kept: Array<[number, number]> = [];
    const left = new Map<number, number>();
    for (const [k, c] of pairs) {
      const w1 = k.slice(0, k.indexOf(' '));
      const lh = fnv1a(w1);
      left.set(lh, (left.get(lh) ?? 0) + c);
      if (c >= minCount) kept.push([fnv1a(k), c]);
    }
    return new BigramModel(...sortedPairs(kept), ...sortedPairs([...left]));
  }

  /** Binary layout: u32 n, u32 m, keys[n], counts[n], leftKeys[m], leftCounts[m] (little endian). */
  toBuffer(): Buffer {
    return packU32([Uint32Array.of(this.keys.length, this.leftKeys.length), this.keys, this.counts, this.leftKeys, this.leftCounts]);
  }

  static fromBuffer(buf: Buffer): BigramModel {
    const [keys, counts, leftKeys, leftCounts] = unpackU32(buf, 2, ([n, m]) => [n, n, m, m]);
    return new BigramModel(keys, counts, leftKeys, leftCounts);
  }
}

function sortedPairs(pairs: Array<[number, number]>): [Uint32Array, Uint32Array] {
  pairs.sort((a, b) => a[0] - b[0]);
  // merge hash collisions by summing
  const keys: number[] = [];
  const counts: number[] = [];
  for (const [k, c] of pairs) {
    if (keys.length && keys[keys.length - 1] === k) counts[counts.length - 1] += c;
    else {
      keys.push(k);
      counts.push(c);
    }
  }
  return [Uint32Array.from(keys), Uint32Array.from(counts)];
}
