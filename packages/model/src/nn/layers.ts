import * as tf from '@tensorflow/tfjs';
import { bmm, linear } from './kernels.js';

/** Weights of one model, by logical name (e.g. "enc.0.attn.wqkv"). Order is creation order. */
export type WeightMap = Map<string, tf.Variable>;

export function layerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, eps = 1e-5): tf.Tensor {
  const axis = x.rank - 1;
  const mean = tf.mean(x, axis, true);
  const centered = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centered), axis, true);
  return tf.add(tf.mul(tf.mul(centered, tf.rsqrt(tf.add(variance, eps))), g), b);
}

/** Sinusoidal position table [maxLen, d] (Vaswani et al.). */
export function sinusoidalPositions(maxLen: number, d: number): tf.Tensor2D {
  const data = new Float32Array(maxLen * d);
  for (let pos = 0; pos < maxLen; pos++) {
    for (let i = 0; i < d; i += 2) {
      const angle = pos / Math.pow(10000, i / d);
      data[pos * d + i] = Math.sin(angle);
      if (i + 1 < d) data[pos * d + i + 1] = Math.cos(angle);
    }
  }
  return tf.tensor2d(data, [maxLen, d]);
}

/** Additive attention bias [B,1,1,L]: 0 where ids != PAD (0), -1e9 where PAD. */
export function paddingBias(ids: tf.Tensor2D): tf.Tensor4D {
  const [b, l] = ids.shape;
  return tf.mul(tf.cast(tf.equal(ids, 0), 'float32'), -1e9).reshape([b, 1, 1, l]);
}

/** Additive causal bias [1,1,L,L]: -1e9 above the diagonal. */
export function causalBias(l: number): tf.Tensor4D {
  const data = new Float32Array(l * l);
  for (let i = 0; i < l; i++) for (let j = i + 1; j < l; j++) data[i * l + j] = -1e9;
  return tf.tensor4d(data, [1, 1, l, l]);
}

/** [B, L, d] -> [B*H, L, dh] */
function splitHeads(x: tf.Tensor, heads: number): tf.Tensor3D {
  const [b, l, d] = x.shape as number[];
  const dh = d / heads;
  return x.reshape([b, l, heads, dh]).transpose([0, 2, 1, 3]).reshape([b * heads, l, dh]);
}

/** [B, L, d] -> [B*H, dh, L] (keys, already transposed for q @ k^T). */
function splitHeadsT(x: tf.Tensor, heads: number): tf.Tensor3D {
  const [b, l, d] = x.shape as number[];
  const dh = d / heads;
  return x.reshape([b, l, heads, dh]).transpose([0, 2, 3, 1]).reshape([b * heads, dh, l]);
}

/**
 * Multi-head attention core: q [B,Lq,d], k/v [B,Lk,d] (already projected), additive bias broadcastable
 * to [B,H,Lq,Lk]. Returns [B,Lq,d] (before the output projection).
 */
export function attention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  heads: number,
  bias: tf.Tensor | undefined,
  dropout = 0,
): tf.Tensor3D {
  const [b, lq, d] = q.shape as number[];
  const lk = (k.shape as number[])[1];
  const dh = d / heads;
  const qh = tf.mul(splitHeads(q, heads), 1 / Math.sqrt(dh)) as tf.Tensor3D;
  let scores: tf.Tensor = bmm(qh, splitHeadsT(k, heads)).reshape([b, heads, lq, lk]);
  if (bias) scores = tf.add(scores, bias);
  let probs: tf.Tensor = tf.softmax(scores, -1);
  if (dropout > 0) probs = tf.dropout(probs, dropout);
  const ctx = bmm(probs.reshape([b * heads, lq, lk]) as tf.Tensor3D, splitHeads(v, heads));
  return ctx.reshape([b, heads, lq, dh]).transpose([0, 2, 1, 3]).reshape([b, lq, d]) as tf.Tensor3D;
}

export function feedForward(x: tf.Tensor, w1: tf.Tensor2D, b1: tf.Tensor1D, w2: tf.Tensor2D, b2: tf.Tensor1D): tf.Tensor {
  return linear(tf.relu(linear(x, w1, b1)), w2, b2);
}

export { linear };
