import { join } from 'node:path';
import { loadJsonlPairs } from '../loaders.js';
import { getSet } from '../sets.js';
import type { BatchCorrector } from '../word-by-word.js';

/**
 * The overProof system's own corrections, shipped with the overproof set (`overproof_output`): a reference
 * point from a published post-OCR system. Looks each text up by its noisy line (dev and test); any text it
 * does not know comes back unchanged, so it only means something on the `overproof` set.
 */
export async function createOverproofSystemCorrector(dataDir: string): Promise<BatchCorrector> {
  const spec = getSet('overproof');
  const table = new Map<string, string>();
  for (const file of [spec.files.dev, spec.files.test]) {
    for (const row of await loadJsonlPairs(join(dataDir, file), { clean: 'overproof_output' })) {
      if (!table.has(row.noisy)) table.set(row.noisy, row.clean);
    }
  }
  return async (texts) => texts.map((t) => table.get(t) ?? t);
}
