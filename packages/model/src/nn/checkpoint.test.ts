import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CharTransformer, type TransformerConfig } from './architecture.js';
import { selectBackend } from './backend.js';
import { loadWeights, quantizeInt8, saveWeights } from './checkpoint.js';
import { fromHalf, toHalf } from './float16.js';
import { loadModel, saveModel } from './model-io.js';
import { Trainer, type TrainBatch } from './train-step.js';
import { Vocab } from './vocab.js';

const vocab = new Vocab();
const cfg: TransformerConfig = {
  vocabSize: vocab.size,
  dModel: 16,
  heads: 2,
  encLayers: 1,
  decLayers: 1,
  ffn: 32,
  maxEncLen: 16,
  maxDecLen: 8,
  dropout: 0,
};
const words = ['cat', 'dog', 'house', 'tree', 'sun', 'moon'];
const batches: TrainBatch[] = [0, 1, 2, 3, 4, 5].map((k) => ({
  src: words.map((w, i) => vocab.encodeInContext('', words[(i + k) % words.length], '', cfg.maxEncLen, false)),
  tgt: words.map((_, i) => vocab.encode(words[(i + k) % words.length])),
}));

let dir: string;
beforeAll(async () => {
  await selectBackend('wasm');
  dir = await mkdtemp(path.join(os.tmpdir(), 'nn-ckpt-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function values(model: CharTransformer): Map<string, Float32Array> {
  return new Map([...model.weights].map(([n, w]) => [n, w.dataSync() as Float32Array]));
}

describe('float16 and int8 helpers', () => {
  it('float16 round-trips representable values and rounds others closely', () => {
    for (const x of [0, 1, -2, 0.5, 65504, 2 ** -24]) expect(fromHalf(toHalf(x))).toBe(x);
    for (const x of [0.1, -3.14159, 1234.5, 1e-3]) expect(Math.abs(fromHalf(toHalf(x)) - x) / Math.abs(x)).toBeLessThan(1e-3);
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
  });

  it('int8 per-row quantisation stays within half a step', () => {
    const v = Float32Array.from([1, -0.5, 0.25, 10, -20, 5]);
    const { q, scales } = quantizeInt8(v, 2);
    for (let i = 0; i < v.length; i++) {
      const r = Math.floor(i / 3);
      expect(Math.abs(q[i] * scales[r] - v[i])).toBeLessThanOrEqual(scales[r] / 2 + 1e-7);
    }
  });
});

describe('checkpoints', () => {
  it('round-trips float32 weights exactly, with config, vocab and metrics', async () => {
    const model = new CharTransformer(cfg, { seed: 5 });
    const out = path.join(dir, 'f32');
    await saveModel(out, model, vocab, { metrics: { loss: 1.5 }, extra: { note: 'test' } });
    expect((await readdir(out)).sort()).toEqual(['model.json', 'weights.bin']);
    const loaded = await loadModel(out);
    expect(loaded.model.config).toEqual(cfg);
    expect(loaded.vocab.toJSON()).toEqual(vocab.toJSON());
    expect(loaded.metrics).toEqual({ loss: 1.5 });
    expect(loaded.extra).toEqual({ note: 'test' });
    const a = values(model);
    const b = values(loaded.model);
    for (const [n, v] of a) expect(Array.from(b.get(n)!)).toEqual(Array.from(v));
    model.dispose();
    loaded.model.dispose();
  });

  for (const [q, tol] of [
    ['float16', 2e-3],
    ['int8', 1e-2],
  ] as const) {
    it(`round-trips ${q} weights within tolerance and keeps scores close`, async () => {
      const model = new CharTransformer(cfg, { seed: 6 });
      const out = path.join(dir, q);
      await saveModel(out, model, vocab, { quantization: q });
      const full = path.join(dir, `${q}-ref`);
      await saveModel(full, model, vocab);
      const loaded = await loadModel(out);
      expect(loaded.quantization).toBe(q);
      const a = values(model);
      const b = values(loaded.model);
      for (const [n, v] of a) {
        let max = 1e-6;
        let err = 0;
        const w = b.get(n)!;
        for (let i = 0; i < v.length; i++) {
          max = Math.max(max, Math.abs(v[i]));
          err = Math.max(err, Math.abs(v[i] - w[i]));
        }
        expect(err / max, n).toBeLessThan(tol);
      }
      const src = batches[0].src;
      const cands = batches[0].tgt.map((t) => [t, t.slice(1)]);
      const s1 = model.scoreSequences(src, cands).flat();
      const s2 = loaded.model.scoreSequences(src, cands).flat();
      s1.forEach((s, i) => expect(Math.abs(s - s2[i])).toBeLessThan(0.05 * Math.abs(s) + 0.05));
      model.dispose();
      loaded.model.dispose();
    });
  }

  it('resumes training on the same loss curve as an uninterrupted run', async () => {
    const opts = { lr: 3e-3, warmupSteps: 2, clipNorm: 0.5 };
    const straight = new CharTransformer(cfg, { seed: 9 });
    const t1 = new Trainer(straight, opts);
    const lossesA = batches.map((b) => t1.step(b));

    const first = new CharTransformer(cfg, { seed: 9 });
    const t2 = new Trainer(first, opts);
    const lossesB = batches.slice(0, 3).map((b) => t2.step(b));
    const out = path.join(dir, 'resume');
    await saveModel(out, first, vocab, { trainer: t2 });
    expect((await readdir(out)).sort()).toEqual(['model.json', 'optimizer.bin', 'optimizer.json', 'weights.bin']);
    t2.dispose();
    first.dispose();

    const loaded = await loadModel(out);
    expect(loaded.optimizerState?.step).toBe(3);
    const t3 = new Trainer(loaded.model, opts);
    t3.setState(loaded.optimizerState!);
    lossesB.push(...batches.slice(3).map((b) => t3.step(b)));
    expect(t3.stepsDone).toBe(6);
    lossesA.forEach((l, i) => expect(lossesB[i]).toBeCloseTo(l, 5));
    // It really trained: the loss fell.
    expect(lossesA[5]).toBeLessThan(lossesA[0]);

    // Saving without a trainer removes stale optimizer files (the shipped copy).
    await saveModel(out, loaded.model, vocab);
    expect((await readdir(out)).sort()).toEqual(['model.json', 'weights.bin']);
    t1.dispose();
    t3.dispose();
    straight.dispose();
    loaded.model.dispose();
  });

  it('reports missing or malformed checkpoints clearly and frees what it loaded', async () => {
    await expect(loadWeights(path.join(dir, 'nope'))).rejects.toThrow(/cannot read checkpoint/);
    const bad = path.join(dir, 'bad');
    const model = new CharTransformer(cfg, { seed: 1 });
    await saveWeights(bad, { config: cfg, vocab, weights: model.weights });
    model.dispose();
    // Truncated: the first weights load, a later one does not; none may leak.
    const full = await readFile(path.join(bad, 'weights.bin'));
    await writeFile(path.join(bad, 'weights.bin'), full.subarray(0, full.length - 100));
    const before = tf.memory().numTensors;
    await expect(loadModel(bad)).rejects.toThrow(/outside weights.bin/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
