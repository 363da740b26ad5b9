import * as tf from '@tensorflow/tfjs';
import { attention, causalBias, feedForward, layerNorm, linear, paddingBias, sinusoidalPositions, type WeightMap } from './layers.js';
import { BOS, EOS, PAD } from './vocab.js';

export interface TransformerConfig {
  vocabSize: number;
  /** Model width. */
  dModel: number;
  heads: number;
  encLayers: number;
  decLayers: number;
  /** Hidden width of the feed-forward blocks. */
  ffn: number;
  /** Longest encoder input (ids, including word markers). */
  maxEncLen: number;
  /** Longest decoder sequence: target chars + EOS. */
  maxDecLen: number;
  /** Dropout rate used while training (0 disables it). */
  dropout: number;
}

export const DEFAULT_CONFIG: Omit<TransformerConfig, 'vocabSize'> = {
  dModel: 128,
  heads: 4,
  encLayers: 3,
  decLayers: 1,
  ffn: 512,
  maxEncLen: 64,
  maxDecLen: 24,
  dropout: 0.1,
};

export function validateConfig(c: TransformerConfig): void {
  const ints: (keyof TransformerConfig)[] = ['vocabSize', 'dModel', 'heads', 'encLayers', 'decLayers', 'ffn', 'maxEncLen', 'maxDecLen'];
  for (const k of ints) {
    const v = c[k];
    if (!Number.isInteger(v) || v < (k === 'encLayers' || k === 'decLayers' ? 0 : 1)) {
      throw new Error(`transformer config: ${k} must be a positive integer, got ${v}`);
    }
  }
  if (c.dModel % c.heads !== 0) throw new Error(`transformer config: dModel ${c.dModel} not divisible by heads ${c.heads}`);
  if (!(c.dropout >= 0 && c.dropout < 1)) throw new Error(`transformer config: dropout must be in [0,1), got ${c.dropout}`);
}

/** Encoder output: memory [B,Le,d] and the additive padding bias [B,1,1,Le] for cross-attention. */
export type Encoded = {
  memory: tf.Tensor3D;
  bias: tf.Tensor4D;
};

export interface Hypothesis {
  /** Decoded char ids, without BOS/EOS. */
  ids: number[];
  /** Total log-probability, including EOS when `finished`. */
  logprob: number;
  /** True when the hypothesis ended with EOS (false: cut at maxDecLen). */
  finished: boolean;
}

type IdsInput = number[][] | tf.Tensor2D;

/** Pads rows of ids with PAD to the longest row (or `len`). */
export function padIds(rows: ArrayLike<number>[], len?: number): { data: Int32Array; len: number } {
  const l = len ?? rows.reduce((m, r) => Math.max(m, r.length), 1);
  const data = new Int32Array(rows.length * l);
  rows.forEach((r, i) => {
    if (r.length > l) throw new Error(`row ${i} has ${r.length} ids, more than ${l}`);
    for (let j = 0; j < r.length; j++) data[i * l + j] = r[j];
  });
  return { data, len: l };
}

let instanceCounter = 0;

/**
 * Pre-LN transformer encoder-decoder over characters, built from core ops.
 * Input/output embeddings are shared (one table, tied output projection with its own bias).
 */
export class CharTransformer {
  readonly config: TransformerConfig;
  readonly weights: WeightMap = new Map();
  private readonly positions: tf.Tensor2D;
  private readonly causal: tf.Tensor4D;
  private disposed = false;

  /**
   * @param seed seeds the initialisation (same seed → same weights).
   * @param initial weights to start from (all names must match; see `weightSpecs`).
   */
  constructor(config: TransformerConfig, opts: { seed?: number; initial?: Map<string, tf.Tensor> } = {}) {
    validateConfig(config);
    this.config = { ...config };
    const { dModel: d, ffn, vocabSize: v } = config;
    let seed = opts.seed ?? 1;
    const nextSeed = () => seed++ * 7919 + 17;
    const glorot = (rows: number, cols: number) => {
      const limit = Math.sqrt(6 / (rows + cols));
      return tf.randomUniform([rows, cols], -limit, limit, 'float32', nextSeed());
    };
    const add = (name: string, make: () => tf.Tensor) => {
      const init = opts.initial?.get(name);
      const value = init ? tf.clone(init) : make();
      this.weights.set(name, tf.variable(value, true, `ct${instanceCounter}/${name}`));
      value.dispose();
    };
    instanceCounter++;
    tf.tidy(() => {
      add('emb', () => tf.randomNormal([v, d], 0, 1 / Math.sqrt(d), 'float32', nextSeed()));
      add('out.b', () => tf.zeros([v]));
      const ln = (p: string) => {
        add(`${p}.g`, () => tf.ones([d]));
        add(`${p}.b`, () => tf.zeros([d]));
      };
      const ff = (p: string) => {
        ln(`${p}.ln`);
        add(`${p}.w1`, () => glorot(d, ffn));
        add(`${p}.b1`, () => tf.zeros([ffn]));
        add(`${p}.w2`, () => glorot(ffn, d));
        add(`${p}.b2`, () => tf.zeros([d]));
      };
      for (let i = 0; i < config.encLayers; i++) {
        const p = `enc.${i}`;
        ln(`${p}.self.ln`);
        add(`${p}.self.wqkv`, () => glorot(d, 3 * d));
        add(`${p}.self.bqkv`, () => tf.zeros([3 * d]));
        add(`${p}.self.wo`, () => glorot(d, d));
        add(`${p}.self.bo`, () => tf.zeros([d]));
        ff(`${p}.ff`);
      }
      ln('enc.ln');
      for (let i = 0; i < config.decLayers; i++) {
        const p = `dec.${i}`;
        ln(`${p}.self.ln`);
        add(`${p}.self.wqkv`, () => glorot(d, 3 * d));
        add(`${p}.self.bqkv`, () => tf.zeros([3 * d]));
        add(`${p}.self.wo`, () => glorot(d, d));
        add(`${p}.self.bo`, () => tf.zeros([d]));
        ln(`${p}.cross.ln`);
        add(`${p}.cross.wq`, () => glorot(d, d));
        add(`${p}.cross.bq`, () => tf.zeros([d]));
        add(`${p}.cross.wkv`, () => glorot(d, 2 * d));
        add(`${p}.cross.bkv`, () => tf.zeros([2 * d]));
        add(`${p}.cross.wo`, () => glorot(d, d));
        add(`${p}.cross.bo`, () => tf.zeros([d]));
        ff(`${p}.ff`);
      }
      ln('dec.ln');
    });
    if (opts.initial) {
      for (const name of opts.initial.keys()) {
        if (!this.weights.has(name)) throw new Error(`unknown weight "${name}" for this config`);
      }
      for (const [name, w] of this.weights) {
        const init = opts.initial.get(name);
        if (!init) throw new Error(`missing weight "${name}"`);
        if (init.shape.join(',') !== w.shape.join(',')) {
          throw new Error(`weight "${name}" has shape [${init.shape}], expected [${w.shape}]`);
        }
      }
    }
    this.positions = sinusoidalPositions(Math.max(config.maxEncLen, config.maxDecLen), d);
    this.causal = causalBias(config.maxDecLen);
  }

  /** Number of trainable parameters. */
  get paramCount(): number {
    let n = 0;
    for (const w of this.weights.values()) n += w.size;
    return n;
  }

  /** Trainable variables in a fixed order. */
  variables(): tf.Variable[] {
    return [...this.weights.values()];
  }

  private w<R extends tf.Rank>(name: string): tf.Tensor<R> {
    const t = this.weights.get(name);
    if (!t) throw new Error(`no weight ${name}`);
    return t as unknown as tf.Tensor<R>;
  }

  private causalBias(l: number): tf.Tensor4D {
    return l === this.config.maxDecLen ? this.causal : this.causal.slice([0, 0, 0, 0], [1, 1, l, l]);
  }

  private embed(ids: tf.Tensor2D, training: boolean): tf.Tensor3D {
    const [, l] = ids.shape;
    const d = this.config.dModel;
    const e = tf.gather(this.w<tf.Rank.R2>('emb'), ids);
    let x: tf.Tensor = tf.add(tf.mul(e, Math.sqrt(d)), this.positions.slice([0, 0], [l, d]));
    if (training && this.config.dropout > 0) x = tf.dropout(x, this.config.dropout);
    return x as tf.Tensor3D;
  }

  private drop(x: tf.Tensor, training: boolean): tf.Tensor {
    return training && this.config.dropout > 0 ? tf.dropout(x, this.config.dropout) : x;
  }

  private selfAttention(p: string, x: tf.Tensor, bias: tf.Tensor | undefined, training: boolean): tf.Tensor {
    const d = this.config.dModel;
    const h = layerNorm(x, this.w(`${p}.ln.g`), this.w(`${p}.ln.b`));
    const qkv = linear(h, this.w(`${p}.wqkv`), this.w(`${p}.bqkv`));
    const [q, k, v] = tf.split(qkv, [d, d, d], -1);
    const a = attention(q, k, v, this.config.heads, bias, training ? this.config.dropout : 0);
    return tf.add(x, this.drop(linear(a, this.w(`${p}.wo`), this.w(`${p}.bo`)), training));
  }

  private ffBlock(p: string, x: tf.Tensor, training: boolean): tf.Tensor {
    const h = layerNorm(x, this.w(`${p}.ln.g`), this.w(`${p}.ln.b`));
    const y = feedForward(h, this.w(`${p}.w1`), this.w(`${p}.b1`), this.w(`${p}.w2`), this.w(`${p}.b2`));
    return tf.add(x, this.drop(y, training));
  }

  private toIds(ids: IdsInput, maxLen: number, what: string): tf.Tensor2D {
    if (ids instanceof tf.Tensor) {
      if (ids.shape[1] > maxLen) throw new Error(`${what} length ${ids.shape[1]} exceeds ${maxLen}`);
      return ids;
    }
    if (ids.length === 0) throw new Error(`${what}: empty batch`);
    const { data, len } = padIds(ids);
    if (len > maxLen) throw new Error(`${what} length ${len} exceeds ${maxLen}`);
    return tf.tensor2d(data, [ids.length, len], 'int32');
  }

  /** Runs the encoder. Caller owns the returned tensors (or call inside tf.tidy). */
  encode(encIds: IdsInput, training = false): Encoded {
    this.assertAlive();
    return tf.tidy(() => {
      const ids = this.toIds(encIds, this.config.maxEncLen, 'encoder input');
      const bias = paddingBias(ids);
      let x: tf.Tensor = this.embed(ids, training);
      for (let i = 0; i < this.config.encLayers; i++) {
        x = this.selfAttention(`enc.${i}.self`, x, bias, training);
        x = this.ffBlock(`enc.${i}.ff`, x, training);
      }
      const memory = layerNorm(x, this.w('enc.ln.g'), this.w('enc.ln.b')) as tf.Tensor3D;
      return { memory, bias };
    });
  }

  /**
   * Decoder logits [N,Ld,V] for decoder inputs (BOS-prefixed) given encoder output of B rows.
   * N must be a multiple G of B: decoder rows r*G .. r*G+G-1 all read memory row r. Cross-attention then
   * runs once per memory row with the G sequences' queries stacked (no copies of the memory).
   */
  decodeLogits(enc: Encoded, decIn: IdsInput, training = false): tf.Tensor3D {
    this.assertAlive();
    return tf.tidy(() => {
      const ids = this.toIds(decIn, this.config.maxDecLen, 'decoder input');
      const [n, l] = ids.shape;
      const d = this.config.dModel;
      const nMem = enc.memory.shape[0];
      if (n % nMem !== 0) throw new Error(`decoder batch ${n} is not a multiple of the encoder batch ${nMem}`);
      const g = n / nMem;
      const causal = this.causalBias(l);
      let x: tf.Tensor = this.embed(ids, training);
      for (let i = 0; i < this.config.decLayers; i++) {
        const p = `dec.${i}`;
        x = this.selfAttention(`${p}.self`, x, causal, training);
        const h = layerNorm(x, this.w(`${p}.cross.ln.g`), this.w(`${p}.cross.ln.b`));
        const q = linear(h, this.w(`${p}.cross.wq`), this.w(`${p}.cross.bq`));
        const kv = linear(enc.memory, this.w(`${p}.cross.wkv`), this.w(`${p}.cross.bkv`));
        const [k, v] = tf.split(kv, [d, d], -1);
        const qg = g === 1 ? q : q.reshape([nMem, g * l, d]);
        const ag = attention(qg, k, v, this.config.heads, enc.bias, training ? this.config.dropout : 0);
        const a = g === 1 ? ag : ag.reshape([n, l, d]);
        x = tf.add(x, this.drop(linear(a, this.w(`${p}.cross.wo`), this.w(`${p}.cross.bo`)), training));
        x = this.ffBlock(`${p}.ff`, x, training);
      }
      const h = layerNorm(x, this.w('dec.ln.g'), this.w('dec.ln.b'));
      const embT = tf.transpose(this.w<tf.Rank.R2>('emb'), [1, 0]) as tf.Tensor2D;
      return linear(h, embT, this.w('out.b')) as tf.Tensor3D;
    });
  }

  /** Repeats encoder rows: row i of the result is row `index[i]` of `enc`. */
  static selectRows(enc: Encoded, index: number[]): Encoded {
    return tf.tidy(() => {
      const idx = tf.tensor1d(index, 'int32');
      return { memory: tf.gather(enc.memory, idx), bias: tf.gather(enc.bias, idx) };
    });
  }

  /**
   * Teacher-forced total log-probabilities log p(candidate + EOS | encoder input).
   * `candidates[i]` are the candidate id sequences (no BOS/EOS) for item i; the encoder runs once per item.
   * Candidates are scored in chunks of at most `chunk` rows. Returns scores[i][j] for candidates[i][j].
   */
  scoreSequences(encIds: number[][], candidates: number[][][], opts: { chunk?: number } = {}): number[][] {
    this.assertAlive();
    if (candidates.length !== encIds.length) {
      throw new Error(`scoreSequences: ${encIds.length} inputs but ${candidates.length} candidate lists`);
    }
    const out = candidates.map((c) => new Array<number>(c.length).fill(0));
    candidates.forEach((list, item) =>
      list.forEach((ids, j) => {
        if (ids.length > this.config.maxDecLen - 1) {
          throw new Error(`candidate ${item}/${j} has ${ids.length} chars; at most ${this.config.maxDecLen - 1} fit`);
        }
      }),
    );
    const kMax = candidates.reduce((m, c) => Math.max(m, c.length), 0);
    if (kMax === 0) return out;
    // Every item gets kMax decoder rows (missing ones are empty and ignored), grouped under its memory row.
    const itemsPerChunk = Math.max(1, Math.floor((opts.chunk ?? 512) / kMax));
    const enc = this.encode(encIds);
    try {
      for (let s = 0; s < encIds.length; s += itemsPerChunk) {
        const e = Math.min(encIds.length, s + itemsPerChunk);
        const rows: number[][] = [];
        for (let item = s; item < e; item++) for (let j = 0; j < kMax; j++) rows.push(candidates[item][j] ?? []);
        const scores = tf.tidy(() => {
          const sel =
            s === 0 && e === encIds.length
              ? enc
              : { memory: enc.memory.slice([s, 0, 0], [e - s, -1, -1]), bias: enc.bias.slice([s, 0, 0, 0], [e - s, -1, -1, -1]) };
          const decIn = padIds(rows.map((r) => [BOS, ...r]));
          const tgt = padIds(
            rows.map((r, i) => (candidates[s + Math.floor(i / kMax)][i % kMax] ? [...r, EOS] : [])),
            decIn.len,
          );
          const logits = this.decodeLogits(sel, tf.tensor2d(decIn.data, [rows.length, decIn.len], 'int32'));
          return sequenceLogProbs(logits, tf.tensor2d(tgt.data, [rows.length, tgt.len], 'int32'));
        });
        const vals = scores.dataSync();
        scores.dispose();
        for (let item = s; item < e; item++) {
          candidates[item].forEach((_, j) => (out[item][j] = vals[(item - s) * kMax + j]));
        }
      }
    } finally {
      tf.dispose(enc);
    }
    return out;
  }

  /** Greedy decoding: the most likely next char at each step, up to `maxLen` chars (default maxDecLen - 1). */
  greedyDecode(encIds: number[][], maxLen = this.config.maxDecLen - 1): Hypothesis[] {
    this.assertAlive();
    const n = encIds.length;
    const hyps: Hypothesis[] = encIds.map(() => ({ ids: [], logprob: 0, finished: false }));
    if (n === 0) return hyps;
    const steps = Math.min(maxLen + 1, this.config.maxDecLen);
    const enc = this.encode(encIds);
    try {
      for (let t = 0; t < steps; t++) {
        const live = hyps.map((h, i) => (h.finished ? -1 : i)).filter((i) => i >= 0);
        if (live.length === 0) break;
        const lastLogp = tf.tidy(() => {
          const sel = live.length === n ? enc : CharTransformer.selectRows(enc, live);
          const decIn = live.map((i) => [BOS, ...hyps[i].ids]);
          const logits = this.decodeLogits(sel, decIn);
          const last = logits.slice([0, t, 0], [live.length, 1, -1]).reshape([live.length, -1]);
          return tf.logSoftmax(last);
        });
        const v = this.config.vocabSize;
        const vals = lastLogp.dataSync();
        lastLogp.dispose();
        live.forEach((i, r) => {
          const mustEnd = t === steps - 1;
          let best = EOS;
          if (!mustEnd) {
            best = -1;
            for (let c = 0; c < v; c++) {
              if (c === PAD || c === BOS) continue;
              if (best < 0 || vals[r * v + c] > vals[r * v + best]) best = c;
            }
          }
          hyps[i].logprob += vals[r * v + best];
          if (best === EOS) hyps[i].finished = true;
          else hyps[i].ids.push(best);
        });
      }
    } finally {
      tf.dispose(enc);
    }
    // Hypotheses cut by maxLen have no EOS: report them unfinished.
    return hyps;
  }

  /**
   * Beam search. Returns, per input, up to `beam` hypotheses sorted by total log-probability (best first).
   * Finished hypotheses include the EOS log-prob; if none finished within maxLen, the live ones are returned.
   */
  beamDecode(encIds: number[][], beam = 4, maxLen = this.config.maxDecLen - 1): Hypothesis[][] {
    this.assertAlive();
    const n = encIds.length;
    if (n === 0) return [];
    const v = this.config.vocabSize;
    const steps = Math.min(maxLen + 1, this.config.maxDecLen);
    let live: { item: number; ids: number[]; logprob: number }[][] = encIds.map((_, item) => [{ item, ids: [], logprob: 0 }]);
    const finished: Hypothesis[][] = encIds.map(() => []);
    const enc = this.encode(encIds);
    try {
      for (let t = 0; t < steps && live.some((l) => l.length > 0); t++) {
        const rows = live.flat();
        const lastLogp = tf.tidy(() => {
          const sel = CharTransformer.selectRows(enc, rows.map((r) => r.item));
          const logits = this.decodeLogits(sel, rows.map((r) => [BOS, ...r.ids]));
          return tf.logSoftmax(logits.slice([0, t, 0], [rows.length, 1, -1]).reshape([rows.length, -1]));
        });
        const vals = lastLogp.dataSync();
        lastLogp.dispose();
        let r0 = 0;
        const nextLive: typeof live = [];
        for (let item = 0; item < n; item++) {
          const mine = live[item];
          const expansions: { ids: number[]; logprob: number; end: boolean }[] = [];
          mine.forEach((h, k) => {
            const base = (r0 + k) * v;
            // Keep only the top `beam` tokens per hypothesis (enough for a beam of that size).
            const top: number[] = [];
            for (let c = 0; c < v; c++) {
              if (c === PAD || c === BOS) continue;
              if (t === steps - 1 && c !== EOS) continue;
              if (top.length < beam) {
                top.push(c);
                top.sort((a, b) => vals[base + b] - vals[base + a]);
              } else if (vals[base + c] > vals[base + top[beam - 1]]) {
                top[beam - 1] = c;
                top.sort((a, b) => vals[base + b] - vals[base + a]);
              }
            }
            for (const c of top) {
              expansions.push({
                ids: c === EOS ? h.ids : [...h.ids, c],
                logprob: h.logprob + vals[base + c],
                end: c === EOS,
              });
            }
          });
          r0 += mine.length;
          expansions.sort((a, b) => b.logprob - a.logprob);
          const keep: (typeof live)[number] = [];
          for (const e of expansions) {
            if (keep.length >= beam) break;
            if (e.end) finished[item].push({ ids: e.ids, logprob: e.logprob, finished: true });
            else keep.push({ item, ids: e.ids, logprob: e.logprob });
          }
          finished[item].sort((a, b) => b.logprob - a.logprob);
          if (finished[item].length > beam) finished[item].length = beam;
          // Log-probs only fall: stop this item once `beam` finished ones beat every live one.
          const worstKept = finished[item].length >= beam ? finished[item][beam - 1].logprob : -Infinity;
          nextLive.push(keep.filter((h) => h.logprob > worstKept));
        }
        live = nextLive;
      }
    } finally {
      tf.dispose(enc);
    }
    return finished.map((f, item) => {
      if (f.length > 0) return f;
      return live[item].map((h) => ({ ids: h.ids, logprob: h.logprob, finished: false }));
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const w of this.weights.values()) w.dispose();
    this.positions.dispose();
    this.causal.dispose();
  }

  private assertAlive(): void {
    if (this.disposed) throw new Error('CharTransformer used after dispose()');
  }
}

/**
 * Sum over positions of log p(target) for rows of logits [N,L,V] and targets [N,L] (PAD = ignored).
 * Returns [N].
 */
export function sequenceLogProbs(logits: tf.Tensor3D, targets: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const v = logits.shape[2];
    const logp = tf.logSoftmax(logits, -1);
    const picked = tf.sum(tf.mul(logp, tf.oneHot(targets, v)), -1);
    const mask = tf.cast(tf.notEqual(targets, PAD), 'float32');
    return tf.sum(tf.mul(picked, mask), -1) as tf.Tensor1D;
  });
}
