// A corrector module for worker tests, with the same shape as @unsmudge/model's loadCorrector().
// FAKE_CORRECTOR_DELAY_MS_PER_CHAR slows it down (busy loop) so tests can kill a worker mid-job.
import { createFakeCorrector } from './fake-corrector.js';

export async function loadCorrector() {
  const delay = Number(process.env.FAKE_CORRECTOR_DELAY_MS_PER_CHAR ?? '0');
  return createFakeCorrector({ delayMsPerChar: delay, busy: true });
}
