import { loadCorrector } from './corrector.js';

/**
 * The shipped corrector as a bench corrector (`pnpm bench --plugin unsmudge=packages/model/src/bench-corrector.ts`):
 * texts in, cleaned texts out.
 */
export default async function createBenchCorrector(): Promise<(texts: string[]) => Promise<string[]>> {
  const corrector = await loadCorrector();
  return async (texts) => (await corrector.clean(texts)).map((r) => r.text);
}
