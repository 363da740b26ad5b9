import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corrector } from '@unsmudge/model';
import { CorrectorLoadError } from './errors.js';

type LoadCorrector = (options?: Record<string, unknown>) => Promise<Corrector>;

/**
 * Imports `loadCorrector` from a module (`@unsmudge/model` in production; tests may point at a file)
 * and loads the corrector. Throws CorrectorLoadError when the module has no loadCorrector.
 */
export async function loadCorrectorFrom(moduleName: string): Promise<Corrector> {
  const specifier = path.isAbsolute(moduleName) ? pathToFileURL(moduleName).href : moduleName;
  let mod: { loadCorrector?: LoadCorrector };
  try {
    mod = (await import(specifier)) as { loadCorrector?: LoadCorrector };
  } catch (err) {
    throw new CorrectorLoadError(`cannot import corrector module ${moduleName}: ${(err as Error).message}`);
  }
  if (typeof mod.loadCorrector !== 'function') {
    throw new CorrectorLoadError(`${moduleName} does not export loadCorrector()`);
  }
  try {
    return await mod.loadCorrector();
  } catch (err) {
    throw new CorrectorLoadError(`loadCorrector() from ${moduleName} failed: ${(err as Error).message}`);
  }
}
