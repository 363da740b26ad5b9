export type { Edit, CleanOptions, CleanResult, Corrector, CorrectorInfo } from './types.js';
