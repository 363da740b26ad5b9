import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddingModelLoadError } from '../errors.js';
import { type TinyModel, writeTinyBertModel } from '../testing/tiny-bert-fixture.js';
import { hasLocalTransformersModel, loadTransformersEmbedder } from './transformers.js';
import type { Embedder } from './types.js';
import { cosine, norm, normalize } from './vector-math.js';

const WORDS = 'the cat sat on mat a kitten was sitting rug stock markets fell sharply after interest rate rise'.split(' ');

describe('transformers.js embedder (tiny ONNX model generated offline)', () => {
  let dir: string;
  let tiny: TinyModel;
  let embedder: Embedder;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    globalThis.fetch = () => Promise.reject(new Error('network access is not allowed in this test'));
    dir = await mkdtemp(path.join(os.tmpdir(), 'unsmudge-tiny-bert-'));
    tiny = await writeTinyBertModel(dir, WORDS, 32);
    embedder = await loadTransformersEmbedder({ model: tiny.name, localPath: dir, allowRemote: false, batchSize: 2 });
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await embedder?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the local folder', () => {
    expect(hasLocalTransformersModel(dir, tiny.name)).toBe(true);
    expect(hasLocalTransformersModel(dir, 'test/missing')).toBe(false);
  });

  it('returns mean-pooled, normalised vectors equal to the hand-computed ones', async () => {
    expect(embedder.info).toEqual({ provider: 'transformers', model: tiny.name, dimensions: 32 });
    const [v] = await embedder.embed(['The cat sat']);
    // [CLS] the cat sat [SEP], each row of the embedding matrix, averaged, then normalised.
    const ids = ['[CLS]', 'the', 'cat', 'sat', '[SEP]'].map((t) => tiny.vocab.indexOf(t));
    const mean = Array.from({ length: 32 }, (_, j) => ids.reduce((s, id) => s + tiny.weights[id * 32 + j]!, 0) / ids.length);
    const expected = normalize(mean);
    expect(norm(v!)).toBeCloseTo(1, 5);
    v!.forEach((x, j) => expect(x).toBeCloseTo(expected[j]!, 5));
  });

  it('pads batches without changing results and keeps order across batches', async () => {
    const texts = ['the cat sat on the mat', 'a kitten', 'stock markets fell sharply after the interest rate rise', 'rug'];
    const batched = await embedder.embed(texts);
    expect(batched).toHaveLength(4);
    for (let i = 0; i < texts.length; i++) {
      const [alone] = await embedder.embed([texts[i]!]);
      expect(cosine(batched[i]!, alone!)).toBeGreaterThan(0.99999);
    }
  });

  it('puts texts sharing words closer than unrelated texts', async () => {
    const [a, b, c] = await embedder.embed(['the cat sat on the mat', 'a cat sat on a rug', 'stock markets fell sharply']);
    expect(cosine(a!, b!)).toBeGreaterThan(cosine(a!, c!));
  });

  it('refuses to download and names the settings when the folder is missing', async () => {
    const err = await loadTransformersEmbedder({ model: 'Xenova/all-MiniLM-L6-v2', localPath: dir, allowRemote: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EmbeddingModelLoadError);
    expect((err as Error).message).toMatch(/TRANSFORMERS_LOCAL_PATH/);
    expect((err as Error).message).toMatch(/TRANSFORMERS_ALLOW_REMOTE/);
    await expect(loadTransformersEmbedder({ model: 'x', allowRemote: false })).rejects.toThrow(/TRANSFORMERS_LOCAL_PATH is not set/);
  });
});
