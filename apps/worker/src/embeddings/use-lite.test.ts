import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddingModelLoadError } from '../errors.js';
import type { Embedder } from './types.js';
import { loadUseLiteEmbedder } from './use-lite.js';
import { cosine } from './vector-math.js';

describe('USE-lite embedder (real weights, offline)', () => {
  let embedder: Embedder;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    globalThis.fetch = () => Promise.reject(new Error('network access is not allowed in this test'));
    embedder = await loadUseLiteEmbedder({ batchSize: 8 });
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await embedder?.dispose();
  });

  it('embeds into 512 dimensions', async () => {
    const [v] = await embedder.embed(['The cat sat on the mat.']);
    expect(embedder.info).toEqual({ provider: 'use-lite', model: 'universal-sentence-encoder-lite', dimensions: 512 });
    expect(v).toHaveLength(512);
    expect(v!.every(Number.isFinite)).toBe(true);
  });

  it('puts paraphrases closer than unrelated sentences', async () => {
    const [cat, kitten, stocks, shares] = await embedder.embed([
      'The cat sat on the mat.',
      'A kitten was sitting on the rug.',
      'Stock markets fell sharply after the interest rate rise.',
      'Shares dropped when the central bank raised rates.',
    ]);
    const paraphrase1 = cosine(cat!, kitten!);
    const paraphrase2 = cosine(stocks!, shares!);
    const unrelated1 = cosine(cat!, stocks!);
    const unrelated2 = cosine(kitten!, shares!);
    expect(paraphrase1).toBeGreaterThan(unrelated1 + 0.3);
    expect(paraphrase2).toBeGreaterThan(unrelated2 + 0.3);
    expect(paraphrase1).toBeGreaterThan(unrelated2);
  });

  it('gives the same vectors batched and one by one, in input order, across batch boundaries', async () => {
    const texts = Array.from({ length: 11 }, (_, i) => `Sentence number ${i} talks about topic ${i % 3}.`);
    const batched = await embedder.embed(texts);
    const single = await embedder.embed([texts[9]!]);
    expect(batched).toHaveLength(11);
    expect(cosine(batched[9]!, single[0]!)).toBeGreaterThan(0.9999);
  });

  it('names the setting when weights are missing', async () => {
    await expect(loadUseLiteEmbedder({ modelDir: '/nonexistent/use-lite' })).rejects.toThrow(EmbeddingModelLoadError);
    await expect(loadUseLiteEmbedder({ modelDir: '/nonexistent/use-lite' })).rejects.toThrow(/USE_LITE_MODEL_DIR/);
  });
});
