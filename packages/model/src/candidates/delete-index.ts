import { OsaPattern } from './edit-distance.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Buckets: 2^20, about four entries each for the 3.9 million deletes of 1.6 × 10^5 words (a bucket's entries lie
 * side by side, so a lookup reads no more memory than with one each, and the table of bucket starts stays small enough
 * to be filled quickly). */
const BUCKET_BITS = 20;

export interface DeleteIndexOptions {
  /** Largest edit distance looked up (default 2). */
  maxDistance?: number;
  /** Deletes are made from this many leading characters only (default 7), as in SymSpell. */
  prefixLength?: number;
}

/**
 * Symmetric-delete lookup (the SymSpell idea): every word is filed under the strings made by
 * deleting up to `maxDistance` characters of its prefix; a query's deletes meet them there.
 * Stored as typed arrays bucketed by hash (hash → word id), so 10^5 words take tens of MB, not hundreds.
 */
export class DeleteIndex {
  /** Per entry, side by side (one memory read for both): its hash, and the word id × 4 + how many characters were
   * deleted from the word to make it (0–2). */
  private readonly entryData: Uint32Array;
  /** bucket b holds entries starts[b] .. starts[b+1]-1 */
  private readonly starts: Uint32Array;
  readonly maxDistance: number;
  private readonly prefixLength: number;
  /** Per word, the number (mod 255) of the last lookup that met it, so each word is checked once per lookup (bytes:
   * a quarter of the memory a lookup reads scattered). */
  private readonly seen: Uint8Array;
  private generation = 0;
  /** FNV-1a states after each prefix of the word being hashed, so a delete's hash goes on from the state before its
   * first cut. */
  private readonly prefixStates: Int32Array;
  /** The hashes of a word's deletes (each word filed, then each query). */
  private readonly queryHashes: Uint32Array;
  /** What the last `find` found: `found` words, their ids and distances (buffers reused and grown as needed). */
  private found = 0;
  private ids = new Int32Array(256);
  private distances = new Uint8Array(256);
  /** The query of the lookup under way, measured against every word it meets. */
  private readonly pattern = new OsaPattern();
  /** Every word's character codes, end to end (`chars[wordStarts[id], wordStarts[id + 1])`): measuring the words a lookup meets
   * reads this one compact table, not strings scattered over the heap. */
  private readonly chars: Uint16Array;
  private readonly wordStarts: Uint32Array;

  constructor(
    private readonly words: readonly string[],
    opts: DeleteIndexOptions = {},
  ) {
    if (words.length >= 1 << 30) throw new RangeError('a delete index holds fewer than 2^30 words');
    this.maxDistance = opts.maxDistance ?? 2;
    this.prefixLength = opts.prefixLength ?? 7;
    this.prefixStates = new Int32Array(this.prefixLength + 1);
    this.queryHashes = new Uint32Array(1 + this.prefixLength + (this.prefixLength * (this.prefixLength - 1)) / 2);
    // a counting sort of all (hash, id) entries into 2^BUCKET_BITS buckets by the hash's top bits, in two passes over
    // the words (count, then place), the hashes made twice rather than kept: O(n), no temporary arrays
    const starts = new Uint32Array((1 << BUCKET_BITS) + 1);
    const shift = 32 - BUCKET_BITS;
    let total = 0;
    const hashes = this.queryHashes;
    for (let id = 0; id < words.length; id++) {
      const n = this.deleteHashes(words[id], this.maxDistance, hashes);
      for (let i = 0; i < n; i++) starts[(hashes[i] >>> shift) + 1]++;
      total += n;
    }
    for (let b = 0; b < 1 << BUCKET_BITS; b++) starts[b + 1] += starts[b];
    const fill = starts.slice(0, 1 << BUCKET_BITS);
    const data = (this.entryData = new Uint32Array(2 * total));
    for (let id = 0; id < words.length; id++) {
      const n = this.deleteHashes(words[id], this.maxDistance, hashes);
      for (let i = 0; i < n; i++) {
        const h = hashes[i];
        const pos = 2 * fill[h >>> shift]++;
        data[pos] = h;
        data[pos + 1] = id * 4 + levelOf(i, this.prefixLength, words[id].length);
      }
    }
    this.starts = starts;
    this.seen = new Uint8Array(words.length);
    this.wordStarts = new Uint32Array(words.length + 1);
    for (let id = 0; id < words.length; id++) this.wordStarts[id + 1] = this.wordStarts[id] + words[id].length;
    this.chars = new Uint16Array(this.wordStarts[words.length]);
    for (let id = 0, k = 0; id < words.length; id++) for (let j = 0; j < words[id].length; j++) this.chars[k++] = words[id].charCodeAt(j);
  }

  get entries(): number {
    return this.entryData.length / 2;
  }

  /** Ids of words within `maxDistance` (OSA) of `query`, with their distances, in the order first met. */
  lookup(query: string, maxDistance = this.maxDistance): Array<{ id: number; distance: number }> {
    const n = this.find(query, maxDistance);
    return Array.from({ length: n }, (_, k) => ({ id: this.foundIds[k], distance: this.foundDistances[k] }));
  }

  /**
   * `lookup` without building objects: returns how many words were found; their ids and distances are
   * `foundIds[0, n)` and `foundDistances[0, n)` until the next call (read them through the getters after each call).
   */
  find(query: string, maxDistance = this.maxDistance): number {
    if (++this.generation === 0xff) {
      this.seen.fill(0);
      this.generation = 1;
    }
    this.found = 0;
    this.pattern.set(query);
    const hashes = this.queryHashes;
    for (let i = 0, n = this.deleteHashes(query, maxDistance, hashes); i < n; i++) this.visit(hashes[i], maxDistance);
    return this.found;
  }

  /** Ids of the words the last `find` found (the first `find(...)` of them). */
  get foundIds(): Int32Array {
    return this.ids;
  }

  /** Their distances. */
  get foundDistances(): Uint8Array {
    return this.distances;
  }

  /** Checks the words filed under hash `h` that this lookup has not met yet. */
  private visit(h: number, maxDistance: number): void {
    const bucket = h >>> (32 - BUCKET_BITS);
    const gen = this.generation;
    const data = this.entryData;
    for (let i = this.starts[bucket], end = this.starts[bucket + 1]; i < end; i++) {
      // a word within d edits meets the query through at most d deletes on each side
      const packed = data[2 * i + 1];
      if (data[2 * i] !== h || (packed & 3) > maxDistance) continue;
      const id = packed >>> 2;
      if (this.seen[id] === gen) continue;
      this.seen[id] = gen;
      const start = this.wordStarts[id];
      let distance = this.pattern.distanceOf(this.chars, start, this.wordStarts[id + 1] - start, maxDistance);
      if (distance < 0) distance = this.pattern.distance(this.words[id], maxDistance);
      if (distance <= maxDistance) {
        if (this.found === this.ids.length) {
          this.ids = grown(this.ids, new Int32Array(2 * this.ids.length));
          this.distances = grown(this.distances, new Uint8Array(2 * this.distances.length));
        }
        this.ids[this.found] = id;
        this.distances[this.found++] = distance;
      }
    }
  }

  /**
   * Writes into `out` the FNV-1a hashes of the word's prefix with 0, 1 and 2 characters deleted (up to
   * `maxDistance`), in that order, computed from the states after each prefix rather than by building strings; the
   * level of the i-th is `levelOf(i, …)`. Returns the count. Filing a word and looking one up make the same hashes.
   */
  private deleteHashes(word: string, maxDistance: number, out: Uint32Array): number {
    const len = Math.min(word.length, this.prefixLength);
    const pre = this.prefixStates;
    pre[0] = FNV_OFFSET;
    for (let k = 0; k < len; k++) pre[k + 1] = Math.imul(pre[k] ^ word.charCodeAt(k), FNV_PRIME);
    let n = 0;
    out[n++] = pre[len] >>> 0;
    if (maxDistance >= 1) {
      for (let i = 0; i < len; i++) {
        let h = pre[i];
        for (let k = i + 1; k < len; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
        out[n++] = h >>> 0;
      }
    }
    if (maxDistance >= 2) {
      for (let i = 0; i < len; i++) {
        // s: the state after the prefix up to position j with position i deleted
        let s = pre[i];
        for (let j = i + 1; j < len; j++) {
          let h = s;
          for (let k = j + 1; k < len; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
          out[n++] = h >>> 0;
          s = Math.imul(s ^ word.charCodeAt(j), FNV_PRIME);
        }
      }
    }
    return n;
  }
}

/** How many characters the i-th hash of `deleteHashes` deleted, for a word of `length` and prefixes of `prefixLength`. */
function levelOf(i: number, prefixLength: number, length: number): number {
  const len = Math.min(length, prefixLength);
  return i === 0 ? 0 : i <= len ? 1 : 2;
}

/** `bigger` holding `small`'s values at its start. */
function grown<T extends Int32Array | Uint8Array>(small: T, bigger: T): T {
  bigger.set(small);
  return bigger;
}
