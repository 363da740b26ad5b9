import { UnknownNameError } from '../errors.js';
import type { BatchCorrector } from '../word-by-word.js';
import { createHunspellCorrector } from './hunspell.js';
import { createIdentityCorrector } from './identity.js';
import { createSymSpellCorrector } from './symspell.js';

export const BASELINE_NAMES = ['identity', 'hunspell', 'symspell'] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

/** Builds a baseline corrector by name (loading its dictionary). */
export async function createBaseline(name: string): Promise<BatchCorrector> {
  switch (name) {
    case 'identity':
      return createIdentityCorrector();
    case 'hunspell':
      return createHunspellCorrector();
    case 'symspell':
      return createSymSpellCorrector();
    default:
      throw new UnknownNameError('baseline corrector', name, BASELINE_NAMES);
  }
}
