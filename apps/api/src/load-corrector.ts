import { loadCorrector } from '@unsmudge/model';
import type { Corrector } from '@unsmudge/model';

/** Loads the shipped checkpoint (the model package's default). */
export async function loadShippedCorrector(): Promise<Corrector> {
  return loadCorrector();
}
