import { parentPort, workerData } from 'node:worker_threads';

import { loadCorrector, type LoadCorrectorOptions } from '../corrector.js';
import type { CleanOptions, CleanResult, Corrector, CorrectorInfo } from '../types.js';

/** What a pool thread loads: the options of `loadCorrector` that can cross to a thread. */
export type PoolLoadOptions = Pick<LoadCorrectorOptions, 'checkpointDir' | 'params' | 'preferBackend'>;

/** Messages between a corrector pool and one of its threads. */
export type ToThread = {
  type: 'clean';
  id: number;
  texts: string[];
  options: Pick<CleanOptions, 'threshold' | 'protectedTerms'>;
  /** Whether to report progress (in characters of these texts). */
  progress: boolean;
};
export type FromThread =
  | { type: 'ready'; info: CorrectorInfo }
  | { type: 'load-failed'; name: string; message: string }
  | { type: 'progress'; id: number; done: number }
  | { type: 'result'; id: number; results: CleanResult[] }
  | { type: 'failed'; id: number; name: string; message: string };

const port = parentPort;
if (!port) throw new Error('pool-thread.ts must run in a worker thread');

let corrector: Corrector;
try {
  corrector = await loadCorrector((workerData as { load?: PoolLoadOptions } | undefined)?.load ?? {});
  port.postMessage({ type: 'ready', info: corrector.info } satisfies FromThread);
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  port.postMessage({ type: 'load-failed', name: e.name, message: e.message } satisfies FromThread);
  process.exit(1);
}

port.on('message', async (msg: ToThread) => {
  try {
    const onProgress = msg.progress ? (done: number) => port.postMessage({ type: 'progress', id: msg.id, done } satisfies FromThread) : undefined;
    const results = await corrector.clean(msg.texts, { ...msg.options, onProgress });
    port.postMessage({ type: 'result', id: msg.id, results } satisfies FromThread);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    port.postMessage({ type: 'failed', id: msg.id, name: e.name, message: e.message } satisfies FromThread);
  }
});
