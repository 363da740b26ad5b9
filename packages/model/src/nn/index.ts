export { selectBackend, wasmDistDir, type BackendName, type BackendChoice, type BackendAttempt } from './backend.js';
export { registerWasmKernels, mm, bmm, linear, setBmmMode, type BmmMode } from './kernels.js';
export { Vocab, PAD, BOS, EOS, UNK, WORD_START, WORD_END, NUM_SPECIAL, type VocabJson } from './vocab.js';
export {
  CharTransformer,
  DEFAULT_CONFIG,
  validateConfig,
  padIds,
  sequenceLogProbs,
  type TransformerConfig,
  type Encoded,
  type Hypothesis,
} from './architecture.js';
export {
  Trainer,
  learningRate,
  batchTensors,
  maskedCrossEntropy,
  type TrainBatch,
  type TrainerOptions,
  type OptimizerState,
  type OptimizerSlot,
} from './train-step.js';
export {
  saveWeights,
  loadWeights,
  quantizeInt8,
  CHECKPOINT_FORMAT,
  type Quantization,
  type WeightSpec,
  type ModelJson,
  type SaveInput,
  type LoadedCheckpoint,
} from './checkpoint.js';
export { saveModel, loadModel, type SaveModelOptions, type LoadedModel } from './model-io.js';
