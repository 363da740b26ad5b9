import { parentPort } from 'node:worker_threads';

import { loadCorrector } from '@unsmudge/model';
import type { CleanOptions, Corrector } from '@unsmudge/model';

/** Messages between ThreadedCorrector and this thread. */
export type ToThread = { type: 'clean'; id: number; texts: string[]; options: Pick<CleanOptions, 'threshold' | 'protectedTerms'> };
export type FromThread =
  | { type: 'ready'; info: Corrector['info'] }
  | { type: 'load-failed'; message: string }
  | { type: 'result'; id: number; results: Awaited<ReturnType<Corrector['clean']>> }
  | { type: 'failed'; id: number; name: string; message: string };

const port = parentPort;
if (!port) throw new Error('correct-thread.ts must run in a worker thread');

let corrector: Corrector;
try {
  corrector = await loadCorrector();
  port.postMessage({ type: 'ready', info: corrector.info } satisfies FromThread);
} catch (err) {
  port.postMessage({ type: 'load-failed', message: err instanceof Error ? err.message : String(err) } satisfies FromThread);
  process.exit(1);
}

port.on('message', async (msg: ToThread) => {
  try {
    const results = await corrector.clean(msg.texts, msg.options);
    port.postMessage({ type: 'result', id: msg.id, results } satisfies FromThread);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    port.postMessage({ type: 'failed', id: msg.id, name: e.name, message: e.message } satisfies FromThread);
  }
});
