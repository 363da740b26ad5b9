import { OsaPattern } from './edit-distance.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Buckets: 2^22, about one entry each for 10^5 words. */
const BUCKET_BITS = 22;

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
  private readonly prefixStates: Int32Array;
  /** What the last `find` found: `found` words, their ids and distances (buffers reused and grown as needed). */
  private found = 0;
  private ids = new Int32Array(256);
  private distances = new Uint8Array(256);
  /** The query of the lookup under way, measured against every word it meets. */
  private readonly pattern = new OsaPattern();

  constructor(
    private readonly words: readonly string[],
    opts: DeleteIndexOptions = {},
  ) {
    if (words.length >= 1 << 30) throw new RangeError('a delete index holds fewer than 2^30 words');
    this.maxDistance = opts.maxDistance ?? 2;
    this.prefixLength = opts.prefixLength ?? 7;
    // all (hash, id) pairs, then a counting sort into 2^BUCKET_BITS buckets by the hash's top bits: O(n)
    const cap = words.length * (1 + this.prefixLength + (this.prefixLength * (this.prefixLength - 1)) / 2);
    const tmpKeys = new Uint32Array(cap);
    const tmpIds = new Int32Array(cap);
    const tmpLevels = new Uint8Array(cap);
    const hashes: number[] = [];
    const levels: number[] = [];
    let total = 0;
    for (let id = 0; id < words.length; id++) {
      const n = this.deleteHashes(words[id], this.maxDistance, hashes, levels);
      for (let i = 0; i < n; i++) {
        tmpKeys[total] = hashes[i];
        tmpLevels[total] = levels[i];
        tmpIds[total++] = id;
      }
    }
    const starts = new Uint32Array((1 << BUCKET_BITS) + 1);
    for (let i = 0; i < total; i++) starts[(tmpKeys[i] >>> (32 - BUCKET_BITS)) + 1]++;
    for (let b = 0; b < 1 << BUCKET_BITS; b++) starts[b + 1] += starts[b];
    const fill = starts.slice(0, 1 << BUCKET_BITS);
    this.entryData = new Uint32Array(2 * total);
    for (let i = 0; i < total; i++) {
      const pos = fill[tmpKeys[i] >>> (32 - BUCKET_BITS)]++;
      this.entryData[2 * pos] = tmpKeys[i];
      this.entryData[2 * pos + 1] = tmpIds[i] * 4 + tmpLevels[i];
    }
    this.starts = starts;
    this.seen = new Uint8Array(words.length);
    this.prefixStates = new Int32Array(this.prefixLength + 1);
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
    const len = Math.min(query.length, this.prefixLength);
    // FNV-1a states after each prefix, so a delete's hash continues from the state before its first cut
    const pre = this.prefixStates;
    pre[0] = FNV_OFFSET;
    for (let k = 0; k < len; k++) pre[k + 1] = Math.imul(pre[k] ^ query.charCodeAt(k), FNV_PRIME);
    this.visit(pre[len] >>> 0, maxDistance);
    if (maxDistance >= 1) {
      for (let i = 0; i < len; i++) {
        let h = pre[i];
        for (let k = i + 1; k < len; k++) h = Math.imul(h ^ query.charCodeAt(k), FNV_PRIME);
        this.visit(h >>> 0, maxDistance);
      }
    }
    if (maxDistance >= 2) {
      for (let i = 0; i < len; i++) {
        // s: the state after the prefix up to position j with position i deleted
        let s = pre[i];
        for (let j = i + 1; j < len; j++) {
          let h = s;
          for (let k = j + 1; k < len; k++) h = Math.imul(h ^ query.charCodeAt(k), FNV_PRIME);
          this.visit(h >>> 0, maxDistance);
          s = Math.imul(s ^ query.charCodeAt(j), FNV_PRIME);
        }
      }
    }
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
      const distance = this.pattern.distance(this.words[id], maxDistance);
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
   * Writes into `out` the FNV-1a hashes of the word's prefix with 0..maxDistance (≤ 2) characters deleted, computed
   * by skipping positions rather than building strings, and into `levels` how many were deleted. Returns the count.
   */
  private deleteHashes(word: string, maxDistance: number, out: number[], levels: number[]): number {
    const len = Math.min(word.length, this.prefixLength);
    let n = 0;
    const push = (h: number, level: number) => {
      out[n] = h;
      levels[n++] = level;
    };
    push(hashSkipping(word, len, -1, -1), 0);
    if (maxDistance >= 1) for (let i = 0; i < len; i++) push(hashSkipping(word, len, i, -1), 1);
    if (maxDistance >= 2) for (let i = 0; i < len; i++) for (let j = i + 1; j < len; j++) push(hashSkipping(word, len, i, j), 2);
    return n;
  }
}

/** FNV-1a of word[0, len) without the characters at positions a and b (-1 = none). Same as fnv1a of the string. */
function hashSkipping(word: string, len: number, a: number, b: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < len; i++) {
    if (i === a || i === b) continue;
    h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/** `bigger` holding `small`'s values at its start. */
function grown<T extends Int32Array | Uint8Array>(small: T, bigger: T): T {
  bigger.set(small);
  return bigger;
}
