import { fnv1a } from '../lexicon/hash.js';
import { osaDistance } from './edit-distance.js';

export interface DeleteIndexOptions {
  /** Largest edit distance looked up (default 2). */
  maxDistance?: number;
  /** Deletes are made from this many leading characters only (default 7), as in SymSpell. */
  prefixLength?: number;
}

/**
 * Symmetric-delete lookup (the SymSpell idea): every word is filed under the strings made by
 * deleting up to `maxDistance` characters of its prefix; a query's deletes meet them there.
 * Stored as two sorted typed arrays (hash → word id), so 10^5 words take tens of MB, not hundreds.
 */
export class DeleteIndex {
  private readonly keys: Uint32Array;
  private readonly ids: Int32Array;
  readonly maxDistance: number;
  private readonly prefixLength: number;

  constructor(
    private readonly words: readonly string[],
    opts: DeleteIndexOptions = {},
  ) {
    this.maxDistance = opts.maxDistance ?? 2;
    this.prefixLength = opts.prefixLength ?? 7;
    const packed: number[] = [];
    const seen = new Set<number>();
    for (let id = 0; id < words.length; id++) {
      seen.clear();
      for (const d of this.deletes(words[id])) {
        const h = fnv1a(d);
        if (seen.has(h)) continue;
        seen.add(h);
        packed.push(h * 0x40000 + id); // hash (32 bits) then id (18 bits)
      }
    }
    if (words.length >= 0x40000) throw new Error(`DeleteIndex holds at most ${0x40000} words`);
    const sorted = Float64Array.from(packed).sort();
    this.keys = new Uint32Array(sorted.length);
    this.ids = new Int32Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i];
      const id = v % 0x40000;
      this.ids[i] = id;
      this.keys[i] = (v - id) / 0x40000;
    }
  }

  get entries(): number {
    return this.keys.length;
  }

  /** Ids of words within `maxDistance` (OSA) of `query`, with their distances. */
  lookup(query: string, maxDistance = this.maxDistance): Array<{ id: number; distance: number }> {
    const found = new Map<number, number>();
    const qs = new Set<number>();
    for (const d of this.deletes(query, maxDistance)) {
      const h = fnv1a(d);
      if (qs.has(h)) continue;
      qs.add(h);
      let i = lowerBound(this.keys, h);
      for (; i < this.keys.length && this.keys[i] === h; i++) {
        const id = this.ids[i];
        if (found.has(id)) continue;
        found.set(id, osaDistance(query, this.words[id], maxDistance));
      }
    }
    const out: Array<{ id: number; distance: number }> = [];
    for (const [id, distance] of found) if (distance <= maxDistance) out.push({ id, distance });
    return out;
  }

  private *deletes(word: string, maxDistance = this.maxDistance): Generator<string> {
    const prefix = word.length > this.prefixLength ? word.slice(0, this.prefixLength) : word;
    yield prefix;
    let frontier = [prefix];
    for (let d = 1; d <= maxDistance; d++) {
      const next = new Set<string>();
      for (const w of frontier) {
        for (let i = 0; i < w.length; i++) next.add(w.slice(0, i) + w.slice(i + 1));
      }
      frontier = [...next];
      yield* frontier;
    }
  }
}

function lowerBound(a: Uint32Array, key: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
