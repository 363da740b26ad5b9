import { fileURLToPath } from 'node:url';
import { type WorkerConfig, loadConfig } from '../config.js';

/** Path of the fake corrector module (for tests that are not about cleaning quality). */
export const FAKE_CORRECTOR_MODULE = fileURLToPath(new URL('./fake-corrector-module.ts', import.meta.url));

/**
 * Corrector module for integration tests: the real @unsmudge/model by default;
 * WORKER_TEST_CORRECTOR=fake (or a module path) swaps it.
 */
export const TEST_CORRECTOR_MODULE =
  process.env.WORKER_TEST_CORRECTOR === 'fake' ? FAKE_CORRECTOR_MODULE : (process.env.WORKER_TEST_CORRECTOR ?? '@unsmudge/model');

/** A worker config for tests, built through the same env parsing as production. */
export function testWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  return loadConfig(env, { hasLocalTransformersModel: () => false });
}
