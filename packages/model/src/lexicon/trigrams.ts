import { BOUNDARY } from './bigrams.js';
import { fnv1a, packU32, SortedHashes, unpackU32 } from './hash.js';
import { lmWords } from './lm-words.js';

/**
 * Word-triple counts keyed by a 32-bit hash of "w1 w2 w3" (lower-cased), with per-history statistics for
 * interpolated absolute discounting: p(w | u v) = max(c(uvw) − D, 0) / c(uv·) + γ(uv) · p(w | v), where
 * γ(uv) · c(uv·) = D · (kept triples of the history) + (count of its triples pruned below the minimum count).
 * Triples whose middle word is a boundary are not counted (the context restarts there).
 */
export class TrigramModel {
  /** The sorted key arrays below, indexed by their hashes' top bits. */
  private readonly tripleIndex: SortedHashes;
  private readonly historyIndex: SortedHashes;

  constructor(
    private readonly keys: Uint32Array,
    private readonly counts: Uint32Array,
    /** Histories "u v" by hash: all triple occurrences, distinct kept triples, and the sum of their counts. */
    private readonly historyKeys: Uint32Array,
    private readonly historyTotals: Uint32Array,
    private readonly historyKept: Uint32Array,
    private readonly historyKeptSums: Uint32Array,
  ) {
    this.tripleIndex = new SortedHashes(keys);
    this.historyIndex = new SortedHashes(historyKeys);
  }

  get size(): number {
    return this.keys.length;
  }

  count(u: string, v: string, w: string): number {
    const i = this.tripleIndex.find(fnv1a(u + ' ' + v + ' ' + w));
    return i < 0 ? 0 : this.counts[i];
  }

  /** p(w | u v), backing off to `lower` = p(w | v) with discount `d`; `lower` itself when the history is unseen. */
  prob(u: string, v: string, w: string, lower: number, d: number): number {
    if (v === BOUNDARY) return lower;
    const h = this.historyIndex.find(fnv1a(u + ' ' + v));
    if (h < 0) return lower;
    const total = this.historyTotals[h];
    const leftover = total - this.historyKeptSums[h] + d * this.historyKept[h];
    const c = this.count(u, v, w);
    return (Math.max(c - d, 0) + leftover * lower) / total;
  }

  /** Binary layout (little endian): u32 n, u32 m, key deltas[n], counts[n], history key deltas[m], totals[m], kept[m], kept sums[m]. */
  toBuffer(): Buffer {
    const header = Uint32Array.of(this.keys.length, this.historyKeys.length);
    // sorted hashes stored as differences: small numbers that compress to about half
    return packU32([header, deltas(this.keys), this.counts, deltas(this.historyKeys), this.historyTotals, this.historyKept, this.historyKeptSums]);
  }

  static fromBuffer(buf: Buffer): TrigramModel {
    const [keys, counts, historyKeys, totals, kept, keptSums] = unpackU32(buf, 2, ([n, m]) => [n, n, m, m, m, m]);
    return new TrigramModel(undelta(keys), counts, undelta(historyKeys), totals, kept, keptSums);
  }
}

export interface BuildTrigramsOptions {
  /** Opens the corpus; called twice (counting, then history statistics). */
  paragraphs: () => AsyncIterable<string> | Iterable<string>;
  skip?: (paragraph: string) => boolean;
  /** Triples seen fewer times are pruned (default 2). */
  minCount?: number;
  onProgress?: (pass: 1 | 2, paragraphs: number) => void;
}

/** Counts the word triples of a corpus in two passes over it, keyed by hash (no strings kept). */
export async function buildTrigrams(opts: BuildTrigramsOptions): Promise<TrigramModel> {
  const min = opts.minCount ?? 2;
  const triples = new Map<number, number>();
  const totals = new Map<number, number>();
  await forEachTriple(opts, 1, (t, h) => {
    triples.set(t, (triples.get(t) ?? 0) + 1);
    totals.set(h, (totals.get(h) ?? 0) + 1);
  });
  // second pass: which history each kept triple belongs to (a triple's hash does not tell)
  const kept = new Map<number, [number, number]>();
  const seen = new Set<number>();
  await forEachTriple(opts, 2, (t, h) => {
    const c = triples.get(t)!;
    if (c < min || seen.has(t)) return;
    seen.add(t);
    const k = kept.get(h) ?? [0, 0];
    k[0]++;
    k[1] += c;
    kept.set(h, k);
  });
  const keys = [...seen].sort((a, b) => a - b);
  const historyKeys = [...kept.keys()].sort((a, b) => a - b);
  return new TrigramModel(
    Uint32Array.from(keys),
    Uint32Array.from(keys, (k) => triples.get(k)!),
    Uint32Array.from(historyKeys),
    Uint32Array.from(historyKeys, (h) => totals.get(h)!),
    Uint32Array.from(historyKeys, (h) => kept.get(h)![0]),
    Uint32Array.from(historyKeys, (h) => kept.get(h)![1]),
  );
}

async function forEachTriple(opts: BuildTrigramsOptions, pass: 1 | 2, fn: (triple: number, history: number) => void): Promise<void> {
  let n = 0;
  for await (const p of opts.paragraphs()) {
    if (!p || opts.skip?.(p)) continue;
    const ws = lmWords(p);
    for (let i = 2; i < ws.length; i++) {
      if (ws[i - 1] === BOUNDARY) continue;
      const history = ws[i - 2] + ' ' + ws[i - 1];
      fn(fnv1a(history + ' ' + ws[i]), fnv1a(history));
    }
    if (++n % 5000 === 0) opts.onProgress?.(pass, n);
  }
}

function deltas(sorted: Uint32Array): Uint32Array {
  const out = new Uint32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i] - (i ? sorted[i - 1] : 0);
  return out;
}

function undelta(d: Uint32Array): Uint32Array {
  const out = new Uint32Array(d.length);
  let acc = 0;
  for (let i = 0; i < d.length; i++) out[i] = acc = (acc + d[i]) >>> 0;
  return out;
}
