import type { BatchCorrector } from '../word-by-word.js';

/** A corrector that can report counters about its own work (cache sizes, time in the dictionary). */
export type CorrectorWithStats = BatchCorrector & { stats: () => Record<string, number> };
