import { UnknownNameError } from '../errors.js';
import type { BatchCorrector } from '../word-by-word.js';
import { createHunspellCorrector } from './hunspell.js';
import { createIdentityCorrector } from './identity.js';
import { createOverproofSystemCorrector } from './overproof-system.js';
import { defaultDataDir } from '../data-dir.js';
import { createSymSpellCorrector } from './symspell.js';

export const BASELINE_NAMES = ['identity', 'hunspell', 'symspell', 'overproof_system'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

/**
 * Builds a baseline corrector by name (loading its dictionary). `overproof_system` replays the overProof
 * system's outputs shipped with the overproof set (meaningful on that set only) and reads them from `dataDir`.
 */
export async function createBaseline(name: string, options: { dataDir?: string } = {}): Promise<BatchCorrector> {
  switch (name) {
    case 'identity':
      return createIdentityCorrector();
    case 'hunspell':
      return createHunspellCorrector();
    case 'symspell':
      return createSymSpellCorrector();
    case 'overproof_system':
      return createOverproofSystemCorrector(options.dataDir ?? defaultDataDir());
    default:
      throw new UnknownNameError('baseline corrector', name, BASELINE_NAMES);
  }
}
