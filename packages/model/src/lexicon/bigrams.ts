import { checkByte, checkState, fnv1a, packU32, SortedHashes, unpackU32 } from './hash.js';

/** Boundary token used for sentence starts/ends and punctuation breaks. */
export const BOUNDARY = '<s>';

/** Marks the section of check bytes at the end of a model's buffer ("CHK1"). */
const CHECKS_MARK = 0x314b4843;

/** A first word's part of pair keys: its FNV-1a key and check state up to the second word. */
export interface PairContext {
  key: number;
  check: number;
}

/**
 * Word-pair counts keyed by a 32-bit hash of "w1 w2" (lower-cased): a few MB for ~10^6 pairs,
 * loaded without parsing. Each key carries a check byte from a second hash, so a lookup of a pair the corpus
 * never had hits another pair's key about pairs / 2^40 of the time (pairs / 2^32 without checks: about 1 in 4,700
 * lookups of a million-pair model gave some unseen pair a count).
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
    /** Check bytes aligned with keys, leftKeys and rightKeys (empty in checkpoints built without them). */
    private readonly checks: Checks = NO_CHECKS,
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
    return this.countAfter(BigramModel.context(w1), w2);
  }

  /** The pair key's hashes up to the second word, for `countAfter` (many pairs with the same first word). */
  static context(w1: string): PairContext {
    return { key: fnv1a(' ', fnv1a(w1)), check: checkState(' ', checkState(w1)) };
  }

  /** `count(w1, w2)` with `context(w1)` given. */
  countAfter(context: PairContext, w2: string): number {
    const key = fnv1a(w2, context.key);
    let i = this.pairIndex.find(key);
    // (the check is worked out only for a key found: most lookups miss)
    if (i >= 0 && this.checks.pairs.length > 0) i = this.pairIndex.withCheck(i, this.checks.pairs, checkByte(checkState(w2, context.check)));
    return i < 0 ? 0 : this.counts[i];
  }

  /** How often `w` starts a pair (its count as a context word). */
  leftCount(w: string): number {
    const i = this.findWord(this.leftIndex, this.checks.left, w);
    return i < 0 ? 0 : this.leftCounts[i];
  }

  /** How often `w` starts a pair, and how many distinct words follow it (0 when not stored), with one lookup. */
  leftStats(w: string): [count: number, types: number] {
    const i = this.findWord(this.leftIndex, this.checks.left, w);
    if (i < 0) return [0, 0];
    return [this.leftCounts[i], this.hasTypes ? this.leftTypes[i] : 0];
  }

  /** Distinct words seen before `w` (0 when unknown or not stored). */
  rightTypeCount(w: string): number {
    const i = this.findWord(this.rightIndex, this.checks.right, w);
    return i < 0 ? 0 : this.rightTypes[i];
  }

  private findWord(index: SortedHashes, checks: Uint8Array, w: string): number {
    const i = index.find(fnv1a(w));
    return i < 0 || checks.length === 0 ? i : index.withCheck(i, checks, checkByte(checkState(w)));
  }

  /** Pair counts (all pairs, before pairs seen fewer than `minCount` times are dropped) into the hashed model. */
  static fromCounts(pairs: Map<string, number>, minCount: number): BigramModel {
    const kept: Entry[] = [];
    // by key and check byte together (key · 256 + check: below 2^40, exact in a double)
    const left = new Map<number, [number, number]>();
    const right = new Map<number, number>();
    for (const [k, c] of pairs) {
      const cut = k.indexOf(' ');
      const lh = wordKey(k.slice(0, cut));
      const l = left.get(lh);
      if (l) {
        l[0] += c;
        l[1]++;
      } else left.set(lh, [c, 1]);
      const rh = wordKey(k.slice(cut + 1));
      right.set(rh, (right.get(rh) ?? 0) + 1);
      if (c >= minCount) kept.push([fnv1a(k) * 256 + checkByte(checkState(k)), c]);
    }
    const [keys, counts, pairChecks] = sortedEntries(kept);
    const [leftKeys, leftCounts, leftChecks] = sortedEntries([...left].map(([h, [c]]) => [h, c]));
    const leftTypes = leftKeys.map((k, i) => left.get(k * 256 + leftChecks[i])![1]);
    const [rightKeys, rightTypes, rightChecks] = sortedEntries([...right]);
    return new BigramModel(keys, counts, leftKeys, leftCounts, leftTypes, rightKeys, rightTypes, pairs.size, {
      pairs: pairChecks,
      left: leftChecks,
      right: rightChecks,
    });
  }

  /**
   * Binary layout: u32 n, u32 m, keys[n], counts[n], leftKeys[m], leftCounts[m], then (when type counts are held)
   * leftTypes[m], u32 r, u32 pairTypes, rightKeys[r], rightTypes[r], then (when check bytes are held) u32 "CHK1" and
   * the check bytes of the pairs, the left words and the right words, each padded to whole u32s (little endian).
   */
  toBuffer(): Buffer {
    const base = [Uint32Array.of(this.keys.length, this.leftKeys.length), this.keys, this.counts, this.leftKeys, this.leftCounts];
    if (!this.hasTypes) return packU32(base);
    const types = [this.leftTypes, Uint32Array.of(this.rightKeys.length, this.pairTypes), this.rightKeys, this.rightTypes];
    if (this.checks.pairs.length === 0) return packU32([...base, ...types]);
    const { pairs, left, right } = this.checks;
    return packU32([...base, ...types, Uint32Array.of(CHECKS_MARK), bytesAsU32(pairs), bytesAsU32(left), bytesAsU32(right)]);
  }

  static fromBuffer(buf: Buffer): BigramModel {
    const [keys, counts, leftKeys, leftCounts, rest] = unpackU32(buf, 2, ([n, m]) => [n, n, m, m, buf.byteLength / 4 - 2 - 2 * n - 2 * m]);
    if (rest.length === 0) return new BigramModel(keys, counts, leftKeys, leftCounts);
    const m = leftKeys.length;
    const r = rest[m];
    const end = m + 2 + 2 * r;
    const tail = rest.subarray(end);
    let checks: Checks = NO_CHECKS;
    if (tail.length > 0 && tail[0] === CHECKS_MARK) {
      const n = keys.length;
      const words = (len: number) => Math.ceil(len / 4);
      const at = [1, 1 + words(n), 1 + words(n) + words(m)];
      const bytes = (from: number, len: number) => new Uint8Array(tail.buffer, tail.byteOffset + 4 * from, len);
      checks = { pairs: bytes(at[0], n), left: bytes(at[1], m), right: bytes(at[2], r) };
    }
    return new BigramModel(keys, counts, leftKeys, leftCounts, rest.subarray(0, m), rest.subarray(m + 2, m + 2 + r), rest.subarray(m + 2 + r, end), rest[m + 1], checks);
  }
}

interface Checks {
  pairs: Uint8Array;
  left: Uint8Array;
  right: Uint8Array;
}

const NO_CHECKS: Checks = { pairs: new Uint8Array(0), left: new Uint8Array(0), right: new Uint8Array(0) };

/** A key with its check byte (key · 256 + check) and a count. */
type Entry = [number, number];

/** A word's FNV-1a key with its check byte, as one number (key · 256 + check). */
function wordKey(w: string): number {
  return fnv1a(w) * 256 + checkByte(checkState(w));
}

/**
 * Entries sorted by key and check into keys, counts and check bytes; entries with the same key and check (a
 * collision of both hashes) are merged by summing.
 */
function sortedEntries(entries: Entry[]): [Uint32Array, Uint32Array, Uint8Array] {
  entries.sort((a, b) => a[0] - b[0]);
  const combined: number[] = [];
  const counts: number[] = [];
  for (const [k, c] of entries) {
    if (combined.length && combined[combined.length - 1] === k) counts[counts.length - 1] += c;
    else {
      combined.push(k);
      counts.push(c);
    }
  }
  return [Uint32Array.from(combined, (k) => Math.floor(k / 256)), Uint32Array.from(counts), Uint8Array.from(combined, (k) => k % 256)];
}

/** Bytes packed four to a u32 (the last one padded with zeros). */
function bytesAsU32(bytes: Uint8Array): Uint32Array {
  const out = new Uint32Array(Math.ceil(bytes.length / 4));
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
