import * as model from '@unsmudge/model';
import type { Corrector } from '@unsmudge/model';

/** Loads the shipped checkpoint through @unsmudge/model's loadCorrector(). */
export async function loadShippedCorrector(): Promise<Corrector> {
  const load = (model as Record<string, unknown>).loadCorrector;
  if (typeof load !== 'function') {
    throw new Error('@unsmudge/model does not export loadCorrector() yet; the API cannot correct without it');
  }
  return (load as () => Promise<Corrector>)();
}
