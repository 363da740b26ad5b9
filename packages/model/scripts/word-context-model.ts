/**
 * A small word-level context model for research (not shipped): a log-bilinear model with a diagonal weight per
 * context position (vLBL), `width` words either side, trained with negative sampling. Its score of a word in context,
 * u(word)·h(context) + b(word), estimates the word's log-probability there less the log of its noise probability
 * (a PMI-like figure): 0 for a word it does not know, so that unknown words are neither favoured nor penalised.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORD = /[\p{L}\d]+(?:['’]\p{L}+)*/gu;
/** The words of a text as the model reads them: letters and figures, lower-cased, one kind of apostrophe. */
export function contextWords(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"));
}

export interface TrainOptions {
  dim: number;
  width: number;
  vocabSize: number;
  epochs: number;
  negatives: number;
  learningRate: number;
  seed: number;
  /** Called every 2M words with the words seen, the mean loss since the last call and the learning rate. */
  onProgress?: (seen: number, total: number, loss: number, rate: number) => void;
}

/** Index 0 is every word outside the vocabulary; index 1 stands past a paragraph's ends. */
const UNKNOWN = 0;
const EDGE = 1;

export class WordContextModel {
  private readonly ids: Map<string, number>;
  constructor(
    readonly dim: number,
    readonly width: number,
    readonly vocab: readonly string[],
    private readonly R: Float32Array,
    private readonly U: Float32Array,
    private readonly B: Float32Array,
    private readonly C: Float32Array,
  ) {
    this.ids = new Map(vocab.map((w, i) => [w, i]));
  }

  /** The sum of the scores of `reading`'s words, each with the words around it (`left` ends and `right` starts beside it). */
  score(left: readonly string[], reading: readonly string[], right: readonly string[]): number {
    const { dim: D, width: P } = this;
    const lead = left.slice(-P);
    const seq = [...lead, ...reading, ...right.slice(0, P)].map((w) => this.ids.get(w) ?? UNKNOWN);
    const h = new Float32Array(D);
    let total = 0;
    for (let t = lead.length; t < lead.length + reading.length; t++) {
      const w = seq[t];
      if (w === UNKNOWN) continue;
      h.fill(0);
      // (words past the text given are unknown, not a paragraph's edge: left out)
      for (let p = 0; p < P; p++) {
        const a = t - P + p;
        const b = t + 1 + p;
        if (a >= 0) for (let i = 0; i < D; i++) h[i] += this.C[p * D + i] * this.R[seq[a] * D + i];
        if (b < seq.length) for (let i = 0; i < D; i++) h[i] += this.C[(P + p) * D + i] * this.R[seq[b] * D + i];
      }
      let s = this.B[w];
      for (let i = 0; i < D; i++) s += this.U[w * D + i] * h[i];
      total += s;
    }
    return total;
  }

  save(dir: string): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'vocab.json'), JSON.stringify({ dim: this.dim, width: this.width, vocab: this.vocab }));
    const all = new Float32Array(this.R.length + this.U.length + this.B.length + this.C.length);
    let o = 0;
    for (const part of [this.R, this.U, this.B, this.C]) {
      all.set(part, o);
      o += part.length;
    }
    writeFileSync(join(dir, 'weights.bin'), Buffer.from(all.buffer));
  }

  static load(dir: string): WordContextModel {
    const { dim, width, vocab } = JSON.parse(readFileSync(join(dir, 'vocab.json'), 'utf8')) as { dim: number; width: number; vocab: string[] };
    const buf = readFileSync(join(dir, 'weights.bin'));
    const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    const V = vocab.length;
    const at = [0, V * dim, 2 * V * dim, 2 * V * dim + V, 2 * V * dim + V + 2 * width * dim];
    if (all.length !== at[4]) throw new Error(`${dir}/weights.bin holds ${all.length} numbers, not the ${at[4]} its vocab.json implies`);
    const part = (i: number) => all.subarray(at[i], at[i + 1]);
    return new WordContextModel(dim, width, vocab, part(0), part(1), part(2), part(3));
  }
}

/** Trains a model on paragraphs given as words (`contextWords`), one pass over them per epoch in a seeded order. */
export function trainWordContextModel(paragraphs: readonly string[][], o: TrainOptions): WordContextModel {
  const counts = new Map<string, number>();
  for (const p of paragraphs) for (const w of p) counts.set(w, (counts.get(w) ?? 0) + 1);
  const vocab = ['<unknown>', '<edge>', ...[...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, o.vocabSize - 2).map(([w]) => w)];
  const ids = new Map(vocab.map((w, i) => [w, i]));
  const seqs = paragraphs.map((p) => Int32Array.from(p, (w) => ids.get(w) ?? UNKNOWN));
  const total = seqs.reduce((n, s) => n + s.length, 0);
  const V = vocab.length;
  const D = o.dim;
  const P = o.width;
  // negatives drawn from the words' frequencies to the power 0.75 (the edge mark never)
  const freq = new Float64Array(V);
  for (const s of seqs) for (const x of s) freq[x]++;
  const TABLE = 1 << 24;
  const table = new Int32Array(TABLE);
  {
    const z = freq.reduce((a, f) => a + f ** 0.75, 0);
    let acc = 0;
    let t = 0;
    for (let i = 0; i < V && t < TABLE; i++) {
      acc += freq[i] ** 0.75 / z;
      while (t < TABLE && t < acc * TABLE) table[t++] = i;
    }
    while (t < TABLE) table[t++] = V - 1;
  }
  let seed = o.seed | 0 || 1;
  const rnd = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const R = Float32Array.from({ length: V * D }, () => (rnd() - 0.5) / D);
  const U = new Float32Array(V * D);
  const B = new Float32Array(V);
  const C = new Float32Array(2 * P * D).fill(1 / P);
  const h = new Float32Array(D);
  const gh = new Float32Array(D);
  const ctx = new Int32Array(2 * P);
  const steps = total * o.epochs;
  let seen = 0;
  let loss = 0;
  let lossN = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    const order = Array.from(seqs.keys());
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const si of order) {
      const s = seqs[si];
      for (let t = 0; t < s.length; t++) {
        const rate = o.learningRate * Math.max(0.05, 1 - seen / steps);
        seen++;
        for (let p = 0; p < P; p++) {
          ctx[p] = t - P + p >= 0 ? s[t - P + p] : EDGE;
          ctx[P + p] = t + 1 + p < s.length ? s[t + 1 + p] : EDGE;
        }
        h.fill(0);
        for (let p = 0; p < 2 * P; p++) for (let i = 0; i < D; i++) h[i] += C[p * D + i] * R[ctx[p] * D + i];
        gh.fill(0);
        for (let k = 0; k <= o.negatives; k++) {
          const x = k === 0 ? s[t] : table[(rnd() * TABLE) | 0];
          if (k > 0 && x === s[t]) continue;
          let sc = B[x];
          for (let i = 0; i < D; i++) sc += U[x * D + i] * h[i];
          const sig = 1 / (1 + Math.exp(-sc));
          loss -= Math.log(Math.max(k === 0 ? sig : 1 - sig, 1e-9));
          if (k === 0) lossN++;
          const g = ((k === 0 ? 1 : 0) - sig) * rate;
          for (let i = 0; i < D; i++) {
            gh[i] += g * U[x * D + i];
            U[x * D + i] += g * h[i];
          }
          B[x] += g;
        }
        for (let p = 0; p < 2 * P; p++) {
          for (let i = 0; i < D; i++) {
            const r = R[ctx[p] * D + i];
            R[ctx[p] * D + i] += gh[i] * C[p * D + i];
            C[p * D + i] += 0.1 * gh[i] * r;
          }
        }
        if (seen % 2_000_000 === 0) {
          o.onProgress?.(seen, steps, loss / lossN, rate);
          loss = 0;
          lossN = 0;
        }
      }
    }
  }
  return new WordContextModel(D, P, vocab, R, U, B, C);
}
