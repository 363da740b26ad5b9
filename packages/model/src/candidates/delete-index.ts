import { osaDistance } from './edit-distance.js';

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
  private readonly keys: Uint32Array;
  private readonly ids: Int32Array;
  /** bucket b holds entries starts[b] .. starts[b+1]-1 */
  private readonly starts: Uint32Array;
  readonly maxDistance: number;
  private readonly prefixLength: number;

  constructor(
    private readonly words: readonly string[],
    opts: DeleteIndexOptions = {},
  ) {
    this.maxDistance = opts.maxDistance ?? 2;
    this.prefixLength = opts.prefixLength ?? 7;
    // all (hash, id) pairs, then a counting sort into 2^BUCKET_BITS buckets by the hash's top bits: O(n)
    const cap = words.length * (1 + this.prefixLength + (this.prefixLength * (this.prefixLength - 1)) / 2);
    const tmpKeys = new Uint32Array(cap);
    const tmpIds = new Int32Array(cap);
    const hashes: number[] = [];
    let total = 0;
    for (let id = 0; id < words.length; id++) {
      const n = this.deleteHashes(words[id], this.maxDistance, hashes, false);
      for (let i = 0; i < n; i++) {
        tmpKeys[total] = hashes[i];
        tmpIds[total++] = id;
      }
    }
    const starts = new Uint32Array((1 << BUCKET_BITS) + 1);
    for (let i = 0; i < total; i++) starts[(tmpKeys[i] >>> (32 - BUCKET_BITS)) + 1]++;
    for (let b = 0; b < 1 << BUCKET_BITS; b++) starts[b + 1] += starts[b];
    const fill = starts.slice(0, 1 << BUCKET_BITS);
    this.keys = new Uint32Array(total);
    this.ids = new Int32Array(total);
    for (let i = 0; i < total; i++) {
      const pos = fill[tmpKeys[i] >>> (32 - BUCKET_BITS)]++;
      this.keys[pos] = tmpKeys[i];
      this.ids[pos] = tmpIds[i];
    }
    this.starts = starts;
  }

  get entries(): number {
    return this.keys.length;
  }

  /** Ids of words within `maxDistance` (OSA) of `query`, with their distances. */
  lookup(query: string, maxDistance = this.maxDistance): Array<{ id: number; distance: number }> {
    const found = new Map<number, number>();
    const hashes: number[] = [];
    const n = this.deleteHashes(query, maxDistance, hashes);
    for (let q = 0; q < n; q++) {
      const h = hashes[q];
      const bucket = h >>> (32 - BUCKET_BITS);
      for (let i = this.starts[bucket], end = this.starts[bucket + 1]; i < end; i++) {
        if (this.keys[i] !== h) continue;
        const id = this.ids[i];
        if (!found.has(id)) found.set(id, osaDistance(query, this.words[id], maxDistance));
      }
    }
    const out: Array<{ id: number; distance: number }> = [];
    for (const [id, distance] of found) if (distance <= maxDistance) out.push({ id, distance });
    return out;
  }

  /**
   * Writes into `out` the (optionally distinct) FNV-1a hashes of the word's prefix with 0..maxDistance (≤ 2)
   * characters deleted, computed by skipping positions rather than building strings. Returns the count.
   */
  private deleteHashes(word: string, maxDistance: number, out: number[], distinct = true): number {
    const len = Math.min(word.length, this.prefixLength);
    let n = 0;
    const push = (h: number) => {
      if (distinct) for (let i = 0; i < n; i++) if (out[i] === h) return;
      out[n++] = h;
    };
    push(hashSkipping(word, len, -1, -1));
    if (maxDistance >= 1) for (let i = 0; i < len; i++) push(hashSkipping(word, len, i, -1));
    if (maxDistance >= 2) for (let i = 0; i < len; i++) for (let j = i + 1; j < len; j++) push(hashSkipping(word, len, i, j));
    return n;
  }
}

/** FNV-1a of word[0, len) without the characters at positions a and b (-1 = none). Same as fnv1a of the string. */
function hashSkipping(word: string, len: number, a: number, b: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < len; i++) {
    if (i === a || i === b) continue;
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
