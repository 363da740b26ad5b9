import path from 'node:path';
import { type FeatureExtractionPipeline, env, pipeline } from '@huggingface/transformers';
import { EmbeddingModelLoadError } from '../errors.js';
import { hasLocalTransformersModel } from './local-model-folder.js';
import type { Embedder } from './types.js';

export { hasLocalTransformersModel };

/** A good small default for users with internet access (TRANSFORMERS_ALLOW_REMOTE=true) or a local copy. */
export const DEFAULT_TRANSFORMERS_MODEL = 'Xenova/all-MiniLM-L6-v2';

export interface TransformersOptions {
  /** Model name (a folder under localPath, or a Hugging Face Hub id when remote loading is allowed). */
  model: string;
  /** Folder holding `<model>/config.json`, `tokenizer.json` and `onnx/model.onnx`. */
  localPath?: string;
  /** Let transformers.js download from the Hub (off by default: nothing is downloaded at run time). */
  allowRemote: boolean;
  /** Where downloaded models are cached when remote loading is on. */
  cacheDir?: string;
  batchSize?: number;
}


class TransformersEmbedder implements Embedder {
  constructor(
    private readonly extractor: FeatureExtractionPipeline,
    readonly info: { provider: string; model: string; dimensions: number },
    private readonly batchSize: number,
  ) {}

  async embed(texts: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      if (batch.length === 0) continue;
      const tensor = await this.extractor(batch, { pooling: 'mean', normalize: true });
      out.push(...(tensor.tolist() as number[][]));
      tensor.dispose();
    }
    return out;
  }

  async dispose(): Promise<void> {
    await this.extractor.dispose();
  }
}

/**
 * Loads a sentence-embedding model with transformers.js (`feature-extraction`, fp32 ONNX on the
 * onnxruntime-node CPU backend), mean pooling and L2 normalisation. Reads the local folder only,
 * unless allowRemote is set. Load errors name the setting to change.
 */
export async function loadTransformersEmbedder(options: TransformersOptions): Promise<Embedder> {
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowRemote;
  if (options.localPath) env.localModelPath = path.resolve(options.localPath) + path.sep;
  if (options.cacheDir) env.cacheDir = options.cacheDir;
  if (!options.allowRemote && (!options.localPath || !hasLocalTransformersModel(options.localPath, options.model))) {
    const where = options.localPath ? path.join(options.localPath, options.model) : '(TRANSFORMERS_LOCAL_PATH is not set)';
    throw new EmbeddingModelLoadError(
      `transformers.js model "${options.model}" not found at ${where}: set TRANSFORMERS_LOCAL_PATH to a folder holding ` +
        `<TRANSFORMERS_MODEL>/config.json, tokenizer.json and onnx/model.onnx, or TRANSFORMERS_ALLOW_REMOTE=true to download it, ` +
        `or EMBEDDING_PROVIDER=use-lite for the offline default`,
    );
  }
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = await pipeline('feature-extraction', options.model, { dtype: 'fp32' });
  } catch (err) {
    throw new EmbeddingModelLoadError(
      `transformers.js could not load "${options.model}" (${(err as Error).message}); check TRANSFORMERS_MODEL and TRANSFORMERS_LOCAL_PATH` +
        (options.allowRemote ? '' : ' (TRANSFORMERS_ALLOW_REMOTE is false)'),
    );
  }
  const probe = await extractor(['dimension probe'], { pooling: 'mean', normalize: true });
  const dimensions = probe.dims[1] ?? 0;
  probe.dispose();
  return new TransformersEmbedder(extractor, { provider: 'transformers', model: options.model, dimensions }, options.batchSize ?? 16);
}
