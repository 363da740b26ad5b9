import * as tf from '@tensorflow/tfjs';
import { CharTransformer } from './architecture.js';
import { loadWeights, saveWeights, type ModelJson, type Quantization } from './checkpoint.js';
import type { OptimizerState, Trainer } from './train-step.js';
import type { Vocab } from './vocab.js';

export interface SaveModelOptions {
  /** Include this trainer's optimizer state (for resumable training). */
  trainer?: Trainer;
  quantization?: Quantization;
  metrics?: Record<string, number>;
  extra?: Record<string, unknown>;
}

/** Saves a model (and optionally its trainer state) with `saveWeights`. */
export function saveModel(dir: string, model: CharTransformer, vocab: Vocab, opts: SaveModelOptions = {}): Promise<ModelJson> {
  if (vocab.size !== model.config.vocabSize) {
    throw new Error(`vocab has ${vocab.size} ids but the model expects ${model.config.vocabSize}`);
  }
  return saveWeights(dir, {
    config: model.config,
    vocab,
    weights: model.weights as Map<string, tf.Tensor>,
    optimizerState: opts.trainer?.getState(),
    quantization: opts.quantization,
    metrics: opts.metrics,
    extra: opts.extra,
  });
}

export interface LoadedModel {
  model: CharTransformer;
  vocab: Vocab;
  quantization: Quantization;
  /** Present when the checkpoint has optimizer files: pass to `trainer.setState` to resume. */
  optimizerState?: OptimizerState;
  metrics?: Record<string, number>;
  extra?: Record<string, unknown>;
}

/** Loads a checkpoint into a ready CharTransformer (call `selectBackend` first). */
export async function loadModel(dir: string, opts: { optimizer?: boolean } = {}): Promise<LoadedModel> {
  const ck = await loadWeights(dir, opts);
  try {
    const model = new CharTransformer(ck.config, { initial: ck.weights });
    if (ck.vocab.size !== model.config.vocabSize) {
      model.dispose();
      throw new Error(`${dir}: vocab has ${ck.vocab.size} ids but config.vocabSize is ${ck.config.vocabSize}`);
    }
    return {
      model,
      vocab: ck.vocab,
      quantization: ck.quantization,
      optimizerState: ck.optimizerState,
      metrics: ck.metrics,
      extra: ck.extra,
    };
  } finally {
    tf.dispose([...ck.weights.values()]);
  }
}
