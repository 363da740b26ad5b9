import { fnv1a, packU32, SortedHashes, unpackU32 } from './hash.js';

/** Boundary token used for sentence starts/ends and punctuation breaks. */
export const BOUNDARY = '<s>';

/**
 * Word-pair counts keyed by a 32-bit hash of "w1 w2" (lower-cased): a few MB for ~10^6 pairs,
 * loaded without parsing. A false hit needs a hash collision (≈ pairs / 2^32 per lookup).
 */
export class BigramModel {
  /** The sorted key arrays below, indexed by their hashes' top bits. */
  private readonly pairIndex: SortedHashes;
  private readonly leftIndex: SortedHashes;
  private readonly rightIndex: SortedHashes;

  constructor(
    private readonly keys: Uint32Array,
    private readonly counts: Uint32Array,
    /** Occurrences of each word as a left element, by hash of the word. */
    private readonly leftKeys: Uint32Array,
    private readonly leftCounts: Uint32Array,
    /** Distinct words seen after each left word (aligned with leftKeys); empty in checkpoints built without them. */
    private readonly leftTypes: Uint32Array = new Uint32Array(0),
    /** Distinct words seen before each word, by hash of the word (its "continuation" count). */
    private readonly rightKeys: Uint32Array = new Uint32Array(0),
    private readonly rightTypes: Uint32Array = new Uint32Array(0),
    /** Distinct pairs of the corpus (the sum of rightTypes). */
    readonly pairTypes = 0,
  ) {
    this.pairIndex = new SortedHashes(keys);
    this.leftIndex = new SortedHashes(leftKeys);
    this.rightIndex = new SortedHashes(rightKeys);
  }

  /** True when the checkpoint holds type counts (leftTypes, rightTypes). */
  get hasTypes(): boolean {
    return this.leftTypes.length > 0;
  }

  get size(): number {
    return this.keys.length;
  }

  count(w1: string, w2: string): number {
    return this.countAfter(BigramModel.contextHash(w1), w2);
  }

  /** The pair key's hash up to the second word, for `countAfter` (many pairs with the same first word). */
  static contextHash(w1: string): number {
    return fnv1a(' ', fnv1a(w1));
  }

  /** `count(w1, w2)` with `contextHash(w1)` given. */
  countAfter(context: number, w2: string): number {
    const i = this.pairIndex.find(fnv1a(w2, context));
    return i < 0 ? 0 : this.counts[i];
  }

  /** How often `w` starts a pair (its count as a context word). */
  leftCount(w: string): number {
    const i = this.leftIndex.find(fnv1a(w));
    return i < 0 ? 0 : this.leftCounts[i];
  }

  /** How often `w` starts a pair, and how many distinct words follow it (0 when not stored), with one lookup. */
  leftStats(w: string): [count: number, types: number] {
    const i = this.leftIndex.find(fnv1a(w));
    if (i < 0) return [0, 0];
    return [this.leftCounts[i], this.hasTypes ? this.leftTypes[i] : 0];
  }

  /** Distinct words seen before `w` (0 when unknown or not stored). */
  rightTypeCount(w: string): number {
    const i = this.rightIndex.find(fnv1a(w));
    return i < 0 ? 0 : this.rightTypes[i];
  }

  /** Pair counts (all pairs, before pairs seen fewer than `minCount` times are dropped) into the hashed model. */
  static fromCounts(pairs: Map<string, number>, minCount: number): BigramModel {
    const kept: Array<[number, number]> = [];
    const left = new Map<number, [number, number]>();
    const right = new Map<number, number>();
    for (const [k, c] of pairs) {
      const cut = k.indexOf(' ');
      const lh = fnv1a(k.slice(0, cut));
      const l = left.get(lh);
      if (l) {
        l[0] += c;
        l[1]++;
      } else left.set(lh, [c, 1]);
      const rh = fnv1a(k.slice(cut + 1));
      right.set(rh, (right.get(rh) ?? 0) + 1);
      if (c >= minCount) kept.push([fnv1a(k), c]);
    }
    const leftKeys = Uint32Array.from([...left.keys()].sort((a, b) => a - b));
    const leftCounts = leftKeys.map((h) => left.get(h)![0]);
    const leftTypes = leftKeys.map((h) => left.get(h)![1]);
    const [rightKeys, rightTypes] = sortedPairs([...right]);
    return new BigramModel(...sortedPairs(kept), leftKeys, leftCounts, leftTypes, rightKeys, rightTypes, pairs.size);
  }

  /**
   * Binary layout: u32 n, u32 m, keys[n], counts[n], leftKeys[m], leftCounts[m], then (when type counts are held)
   * leftTypes[m], u32 r, u32 pairTypes, rightKeys[r], rightTypes[r] (little endian).
   */
  toBuffer(): Buffer {
    const base = [Uint32Array.of(this.keys.length, this.leftKeys.length), this.keys, this.counts, this.leftKeys, this.leftCounts];
    if (!this.hasTypes) return packU32(base);
    return packU32([...base, this.leftTypes, Uint32Array.of(this.rightKeys.length, this.pairTypes), this.rightKeys, this.rightTypes]);
  }

  static fromBuffer(buf: Buffer): BigramModel {
    const [keys, counts, leftKeys, leftCounts, rest] = unpackU32(buf, 2, ([n, m]) => [n, n, m, m, buf.byteLength / 4 - 2 - 2 * n - 2 * m]);
    if (rest.length === 0) return new BigramModel(keys, counts, leftKeys, leftCounts);
    const m = leftKeys.length;
    const r = rest[m];
    return new BigramModel(keys, counts, leftKeys, leftCounts, rest.subarray(0, m), rest.subarray(m + 2, m + 2 + r), rest.subarray(m + 2 + r, m + 2 + 2 * r), rest[m + 1]);
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
