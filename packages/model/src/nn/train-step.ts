import * as tf from '@tensorflow/tfjs';
import type { CharTransformer } from './architecture.js';
import { padIds } from './architecture.js';
import { BOS, EOS, PAD } from './vocab.js';

/** One training batch: encoder ids (word in context) and the clean target chars (no BOS/EOS). */
export interface TrainBatch {
  src: number[][];
  tgt: number[][];
}

export interface TrainerOptions {
  /** Peak learning rate (default 1e-3). */
  lr?: number;
  /** Linear warm-up steps (default 200). */
  warmupSteps?: number;
  /** After warm-up: 'inverse-sqrt' (default), 'cosine' (needs totalSteps) or 'constant'. */
  decay?: 'inverse-sqrt' | 'cosine' | 'constant';
  totalSteps?: number;
  /** Floor of the learning rate for cosine decay (default lr / 20). */
  minLr?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  /** Global gradient-norm clip (default 1; 0 disables). */
  clipNorm?: number;
  /** Label smoothing of the cross-entropy (default 0). */
  labelSmoothing?: number;
  /** Decoupled weight decay (AdamW), applied to 2-D weights only (default 0). */
  weightDecay?: number;
}

type ResolvedOptions = Required<Omit<TrainerOptions, 'totalSteps'>> & { totalSteps?: number };

function resolve(o: TrainerOptions): ResolvedOptions {
  const lr = o.lr ?? 1e-3;
  return {
    lr,
    warmupSteps: o.warmupSteps ?? 200,
    decay: o.decay ?? 'inverse-sqrt',
    totalSteps: o.totalSteps,
    minLr: o.minLr ?? lr / 20,
    beta1: o.beta1 ?? 0.9,
    beta2: o.beta2 ?? 0.98,
    epsilon: o.epsilon ?? 1e-9,
    clipNorm: o.clipNorm ?? 1,
    labelSmoothing: o.labelSmoothing ?? 0,
    weightDecay: o.weightDecay ?? 0,
  };
}

/** Learning rate for 1-based step `step`. */
export function learningRate(step: number, opts: TrainerOptions = {}): number {
  const o = resolve(opts);
  const warm = Math.max(1, o.warmupSteps);
  if (step <= warm) return (o.lr * step) / warm;
  if (o.decay === 'constant') return o.lr;
  if (o.decay === 'inverse-sqrt') return o.lr * Math.sqrt(warm / step);
  if (!o.totalSteps) throw new Error('cosine decay needs totalSteps');
  const p = Math.min(1, (step - warm) / Math.max(1, o.totalSteps - warm));
  return o.minLr + 0.5 * (o.lr - o.minLr) * (1 + Math.cos(Math.PI * p));
}

/** Adam moments of one variable, by the model's weight name. */
export interface OptimizerSlot {
  name: string;
  shape: number[];
  m: Float32Array;
  v: Float32Array;
}

/** Everything needed to resume training exactly. */
export interface OptimizerState {
  /** Steps taken so far. */
  step: number;
  slots: OptimizerSlot[];
}

/** Tensors for a batch: decoder input (BOS + tgt) and targets (tgt + EOS), padded; tgt cut to fit maxDecLen. */
export function batchTensors(batch: TrainBatch, maxDecLen: number): { src: tf.Tensor2D; decIn: tf.Tensor2D; target: tf.Tensor2D } {
  if (batch.src.length !== batch.tgt.length || batch.src.length === 0) {
    throw new Error(`batch needs as many src as tgt rows (got ${batch.src.length} and ${batch.tgt.length})`);
  }
  const n = batch.src.length;
  const src = padIds(batch.src);
  const tgts = batch.tgt.map((t) => t.slice(0, maxDecLen - 1));
  const decIn = padIds(tgts.map((t) => [BOS, ...t]));
  const target = padIds(tgts.map((t) => [...t, EOS]), decIn.len);
  return {
    src: tf.tensor2d(src.data, [n, src.len], 'int32'),
    decIn: tf.tensor2d(decIn.data, [n, decIn.len], 'int32'),
    target: tf.tensor2d(target.data, [n, target.len], 'int32'),
  };
}

/** Mean masked cross-entropy (with optional label smoothing) of logits [N,L,V] against targets [N,L]. */
export function maskedCrossEntropy(logits: tf.Tensor3D, target: tf.Tensor2D, labelSmoothing = 0): tf.Scalar {
  return tf.tidy(() => {
    const v = logits.shape[2];
    const logp = tf.logSoftmax(logits, -1);
    let perTok: tf.Tensor = tf.neg(tf.sum(tf.mul(logp, tf.oneHot(target, v)), -1));
    if (labelSmoothing > 0) {
      const smooth = tf.neg(tf.mean(logp, -1));
      perTok = tf.add(tf.mul(perTok, 1 - labelSmoothing), tf.mul(smooth, labelSmoothing));
    }
    const mask = tf.cast(tf.notEqual(target, PAD), 'float32');
    return tf.div(tf.sum(tf.mul(perTok, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
  });
}

/** Adam(W) trainer with warm-up + decay and global-norm gradient clipping. */
export class Trainer {
  readonly options: ResolvedOptions;
  private stepCount = 0;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();
  private lastGradNorm = 0;

  constructor(
    readonly model: CharTransformer,
    options: TrainerOptions = {},
  ) {
    this.options = resolve(options);
    for (const [name, w] of model.weights) {
      this.m.set(name, tf.variable(tf.zerosLike(w), false));
      this.v.set(name, tf.variable(tf.zerosLike(w), false));
    }
  }

  /** Steps taken so far. */
  get stepsDone(): number {
    return this.stepCount;
  }

  /** Global gradient norm before clipping, from the last step. */
  get gradNorm(): number {
    return this.lastGradNorm;
  }

  /** Current learning rate (for the next step). */
  get currentLr(): number {
    return learningRate(this.stepCount + 1, this.options);
  }

  /** Loss of a batch in training mode (dropout on); used by `step`. */
  private lossFn(t: { src: tf.Tensor2D; decIn: tf.Tensor2D; target: tf.Tensor2D }, training: boolean): tf.Scalar {
    const enc = this.model.encode(t.src, training);
    const logits = this.model.decodeLogits(enc, t.decIn, training);
    return maskedCrossEntropy(logits, t.target, training ? this.options.labelSmoothing : 0);
  }

  /** Loss without updating weights (dropout off, no label smoothing). */
  evaluate(batch: TrainBatch): number {
    const loss = tf.tidy(() => this.lossFn(batchTensors(batch, this.model.config.maxDecLen), false));
    const value = loss.dataSync()[0];
    loss.dispose();
    return value;
  }

  /** One optimisation step; returns the training loss of the batch (before the update). */
  step(batch: TrainBatch): number {
    const o = this.options;
    const vars = this.model.variables();
    const names = [...this.model.weights.keys()];
    const t = this.stepCount + 1;
    const lr = learningRate(t, o);
    const result = tf.tidy(() => {
      const tensors = batchTensors(batch, this.model.config.maxDecLen);
      const { value, grads } = tf.variableGrads(() => this.lossFn(tensors, true), vars);
      const gs = vars.map((w, i) => {
        const g = grads[w.name];
        if (!g) throw new Error(`no gradient for weight "${names[i]}"`);
        return g;
      });
      const norm = tf.sqrt(tf.addN(gs.map((g) => tf.sum(tf.square(g)))));
      const scale = o.clipNorm > 0 ? tf.minimum(1, tf.div(o.clipNorm, tf.add(norm, 1e-6))) : tf.scalar(1);
      const bc1 = 1 - Math.pow(o.beta1, t);
      const bc2 = 1 - Math.pow(o.beta2, t);
      vars.forEach((w, i) => {
        const g = tf.mul(gs[i], scale);
        const m = this.m.get(names[i])!;
        const v = this.v.get(names[i])!;
        const mNew = tf.add(tf.mul(m, o.beta1), tf.mul(g, 1 - o.beta1));
        const vNew = tf.add(tf.mul(v, o.beta2), tf.mul(tf.square(g), 1 - o.beta2));
        let update: tf.Tensor = tf.div(tf.div(mNew, bc1), tf.add(tf.sqrt(tf.div(vNew, bc2)), o.epsilon));
        if (o.weightDecay > 0 && w.rank >= 2) update = tf.add(update, tf.mul(w, o.weightDecay));
        m.assign(mNew);
        v.assign(vNew);
        w.assign(tf.sub(w, tf.mul(update, lr)));
      });
      return tf.stack([value, norm]);
    });
    const [loss, norm] = result.dataSync();
    result.dispose();
    this.lastGradNorm = norm;
    this.stepCount = t;
    return loss;
  }

  /** Copies the optimizer state out (for checkpoints). */
  getState(): OptimizerState {
    return {
      step: this.stepCount,
      slots: [...this.model.weights.keys()].map((name) => ({
        name,
        shape: [...this.m.get(name)!.shape],
        m: this.m.get(name)!.dataSync() as Float32Array,
        v: this.v.get(name)!.dataSync() as Float32Array,
      })),
    };
  }

  /** Restores optimizer state saved by `getState` (names and shapes must match the model). */
  setState(state: OptimizerState): void {
    const byName = new Map(state.slots.map((s) => [s.name, s]));
    for (const name of this.model.weights.keys()) {
      const s = byName.get(name);
      if (!s) throw new Error(`optimizer state has no slot for "${name}"`);
      const m = this.m.get(name)!;
      if (s.shape.join(',') !== m.shape.join(',')) throw new Error(`optimizer slot "${name}" has shape [${s.shape}], expected [${m.shape}]`);
      tf.tidy(() => {
        m.assign(tf.tensor(s.m, m.shape));
        this.v.get(name)!.assign(tf.tensor(s.v, m.shape));
      });
    }
    this.stepCount = state.step;
  }

  dispose(): void {
    for (const t of [...this.m.values(), ...this.v.values()]) t.dispose();
    this.m.clear();
    this.v.clear();
  }
}
