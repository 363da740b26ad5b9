import { fileURLToPath } from 'node:url';
import { type WorkerConfig, loadConfig } from '../config.js';

/** Path of the fake corrector module (for tests that are not about cleaning quality). */
export const FAKE_CORRECTOR_MODULE = fileURLToPath(new URL('./fake-corrector-module.ts', import.meta.url));

/** A worker config for tests, built through the same env parsing as production. */
export function testWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  return loadConfig(env, { hasLocalTransformersModel: () => false });
}
