import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from './backend.js';
import { bmm, mm } from './kernels.js';
import { attention } from './layers.js';

/** Runs `fn` on a backend and returns the values of its outputs as plain arrays. */
async function on(backend: 'cpu' | 'wasm', fn: () => tf.Tensor[]): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  const outs = tf.tidy(fn);
  const vals = outs.map((t) => t.dataSync() as Float32Array);
  tf.dispose(outs);
  return vals;
}

function maxRelErr(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let scale = 1e-6;
  for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
  let err = 0;
  for (let i = 0; i < a.length; i++) err = Math.max(err, Math.abs(a[i] - b[i]));
  return err / scale;
}

async function compare(fn: () => tf.Tensor[], tol = 1e-4): Promise<void> {
  const ref = await on('cpu', fn);
  const got = await on('wasm', fn);
  ref.forEach((r, i) => expect(maxRelErr(got[i], r)).toBeLessThan(tol));
}

const rnd = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);

describe('wasm kernel work-arounds match the cpu backend', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('mm forward and gradients', async () => {
    await compare(() => {
      const a = rnd([7, 5], 1) as tf.Tensor2D;
      const b = rnd([5, 3], 2) as tf.Tensor2D;
      const w = rnd([7, 3], 3);
      const g = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(mm(x as tf.Tensor2D, y as tf.Tensor2D), w)));
      return [mm(a, b), ...g([a, b])];
    });
  });

  it('mm gradients equal tf.matMul gradients', async () => {
    await tf.setBackend('wasm');
    tf.tidy(() => {
      const a = rnd([6, 4], 4) as tf.Tensor2D;
      const b = rnd([4, 9], 5) as tf.Tensor2D;
      const w = rnd([6, 9], 6);
      const mine = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(mm(x as tf.Tensor2D, y as tf.Tensor2D), w)))([a, b]);
      const ref = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D), w)))([a, b]);
      mine.forEach((m, i) => expect(maxRelErr(m.dataSync() as Float32Array, ref[i].dataSync() as Float32Array)).toBeLessThan(1e-5));
    });
  });

  it('batched matMul forward and gradients', async () => {
    await compare(() => {
      const a = rnd([6, 4, 8], 7) as tf.Tensor3D;
      const b = rnd([6, 8, 5], 8) as tf.Tensor3D;
      const w = rnd([6, 4, 5], 9);
      const g = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(bmm(x as tf.Tensor3D, y as tf.Tensor3D), w)));
      return [bmm(a, b), ...g([a, b])];
    });
  });

  it('masked multi-head attention forward and gradients', async () => {
    await compare(() => {
      const q = rnd([3, 5, 8], 10);
      const k = rnd([3, 7, 8], 11);
      const v = rnd([3, 7, 8], 12);
      const mask = tf.tensor4d(
        Array.from({ length: 3 * 7 }, (_, i) => (i % 7 >= 4 + (Math.floor(i / 7) % 3) ? -1e9 : 0)),
        [3, 1, 1, 7],
      );
      const w = rnd([3, 5, 8], 13);
      const g = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.sum(tf.mul(attention(a, b, c, 2, mask), w)));
      return [attention(q, k, v, 2, mask), ...g([q, k, v])];
    });
  });

  it('gather gradient works on wasm (UnsortedSegmentSum kernel) and matches cpu', async () => {
    await compare(() => {
      const table = rnd([11, 4], 14);
      const ids = tf.tensor2d([[1, 3, 3], [0, 10, 1]], [2, 3], 'int32');
      const w = rnd([2, 3, 4], 15);
      const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), w)));
      return [g(table)];
    }, 1e-6);
  });

  it('does not leak tensors', async () => {
    await tf.setBackend('wasm');
    const a = rnd([4, 4], 1) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      tf.tidy(() => {
        tf.grads((x: tf.Tensor) => tf.sum(mm(x as tf.Tensor2D, x as tf.Tensor2D)))([a]);
      });
    }
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
  });
});
