export type { Edit, CleanOptions, CleanResult, Corrector, CorrectorInfo, DecisionInspector, RankerDecision } from './types.js';
export { loadCorrector, loadResources, createCorrector, MAX_TEXT_CHARS, type LoadCorrectorOptions } from './corrector.js';
export { CheckpointError, CorrectorUnavailableError, InputError } from './errors.js';
export { createCorrectorPool, type CorrectorPool, type CorrectorPoolOptions, type PoolLoadOptions } from './pool/corrector-pool.js';
export { SHIPPED_CHECKPOINT } from './checkpoint-dir.js';
export { DEFAULT_PARAMS, type RankParams } from './correct/params.js';
export type { Resources, CandidateScorer, ScoreRequest } from './correct/resources.js';
export * as nn from './nn/index.js';
export { NeuralScorer } from './neural-scorer.js';
