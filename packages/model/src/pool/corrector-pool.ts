import { Worker } from 'node:worker_threads';

import { checkTexts } from '../corrector.js';
import { CheckpointError, CorrectorUnavailableError, InputError } from '../errors.js';
import type { CleanOptions, CleanResult, Corrector, CorrectorInfo } from '../types.js';
import type { FromThread, PoolLoadOptions, ToThread } from './pool-thread.js';

export type { PoolLoadOptions } from './pool-thread.js';

export interface CorrectorPoolOptions {
  /** Threads, each with its own copy of the model (about 200 MB and one core each). */
  threads: number;
  /** What each thread loads (default: the shipped checkpoint). */
  load?: PoolLoadOptions;
  /** Told when a thread dies and is replaced, or when a replacement fails to load (for the caller's logs). */
  onThreadExit?: (info: { code: number; pending: number; error?: string }) => void;
  /** How long a call waits for a thread when none is ready (all being replaced) before CorrectorUnavailableError. */
  waitForThreadMs?: number;
}

/** A Corrector whose work runs in worker threads. */
export interface CorrectorPool extends Corrector {
  /** The live threads (to inspect them, or to terminate one and see the pool recover). */
  threads(): Worker[];
}

interface Pending {
  resolve: (results: CleanResult[]) => void;
  reject: (err: Error) => void;
  onProgress?: (done: number) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
  /** Characters sent to the thread and not answered yet (a new call goes to the least loaded thread). */
  load: number;
}

/** The thread's entry: from TypeScript sources a loader registers tsx first. */
function threadEntry(): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  return new URL(fromSources ? './pool-thread-loader.mjs' : './pool-thread.js', import.meta.url);
}

/** Errors of the model that a thread passes back by name, rebuilt as their own type. */
function rebuilt(name: string, message: string): Error {
  if (name === 'InputError') return new InputError(message);
  if (name === 'CheckpointError') return new CheckpointError(message);
  const err = new Error(message);
  err.name = name;
  return err;
}

/**
 * Contiguous ranges of `texts` with about the same number of characters each, at most `parts` of them and none
 * empty, so that one batch keeps every thread busy about as long.
 */
export function splitEvenly(texts: readonly string[], parts: number): Array<{ from: number; to: number }> {
  const n = Math.max(1, Math.min(parts, texts.length));
  const total = texts.reduce((sum, t) => sum + t.length, 0);
  const ranges: Array<{ from: number; to: number }> = [];
  let from = 0;
  let seen = 0;
  for (let k = 1; k < n; k++) {
    let to = from + 1;
    seen += texts[from].length;
    // cut where the first k shares of the characters are reached, leaving a text for each range still to come
    while (to < texts.length - (n - k) && seen + texts[to].length <= (total * k) / n) seen += texts[to++].length;
    ranges.push({ from, to });
    from = to;
  }
  ranges.push({ from, to: texts.length });
  return ranges;
}

/**
 * A Corrector whose work runs in `threads` worker threads, each holding its own copy of the model: a batch of texts is
 * cut into one contiguous share per ready thread (by characters) and the shares are corrected side by side, so a
 * machine's cores all work on one batch; single texts go to the least loaded thread, and the caller's event loop stays
 * free. Results are those of `loadCorrector` with the same options, in the order of the texts. A thread that dies
 * fails the calls it was working on and is replaced. Resolves once every thread has loaded the model; rejects with the
 * load error (as CheckpointError where the checkpoint is at fault) if one cannot.
 */
export async function createCorrectorPool(options: CorrectorPoolOptions): Promise<CorrectorPool> {
  if (!Number.isInteger(options.threads) || options.threads < 1) throw new InputError(`threads must be a whole number ≥ 1, got ${options.threads}`);
  const started = performance.now();
  const slots: Slot[] = [];
  let nextId = 1;
  let disposed = false;
  let info: CorrectorInfo | undefined;
  const waitingForSlot: Array<() => void> = [];

  function spawn(): Promise<Slot> {
    return new Promise((resolve, reject) => {
      const slot: Slot = { worker: new Worker(threadEntry(), { workerData: { load: options.load ?? {} } }), ready: false, pending: new Map(), load: 0 };
      slots.push(slot);
      slot.worker.on('message', (msg: FromThread) => {
        if (msg.type === 'ready') {
          info ??= msg.info;
          slot.ready = true;
          resolve(slot);
          waitingForSlot.splice(0).forEach((wake) => wake());
        } else if (msg.type === 'load-failed') {
          reject(rebuilt(msg.name, `a correction thread could not load the model: ${msg.message}`));
        } else if (msg.type === 'progress') {
          slot.pending.get(msg.id)?.onProgress?.(msg.done);
        } else {
          const call = slot.pending.get(msg.id);
          if (!call) return;
          slot.pending.delete(msg.id);
          if (msg.type === 'result') call.resolve(msg.results);
          else call.reject(rebuilt(msg.name, msg.message));
        }
      });
      slot.worker.on('error', (err) => {
        if (!slot.ready) reject(err);
      });
      slot.worker.on('exit', (code) => {
        slots.splice(slots.indexOf(slot), 1);
        const pending = [...slot.pending.values()];
        slot.pending.clear();
        for (const call of pending) call.reject(new Error(`a correction thread exited (code ${code})`));
        if (!slot.ready) {
          reject(new Error(`a correction thread exited (code ${code}) before the model was loaded`));
          return;
        }
        if (!disposed) {
          options.onThreadExit?.({ code, pending: pending.length });
          respawn();
        }
      });
    });
  }

  function respawn(): void {
    spawn().catch((err: Error) => {
      options.onThreadExit?.({ code: -1, pending: 0, error: err.message });
      if (!disposed) setTimeout(respawn, 5_000).unref();
    });
  }

  try {
    await Promise.all(Array.from({ length: options.threads }, spawn));
  } catch (err) {
    disposed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw err;
  }

  const waitForThreadMs = options.waitForThreadMs ?? 30_000;
  /** The ready threads, least loaded first (waiting for one while all are being replaced). */
  async function readySlots(): Promise<Slot[]> {
    const deadline = Date.now() + waitForThreadMs;
    for (;;) {
      if (disposed) throw new CorrectorUnavailableError('the corrector pool is closed');
      const ready = slots.filter((s) => s.ready).sort((a, b) => a.load - b.load);
      if (ready.length > 0) return ready;
      const left = deadline - Date.now();
      if (left <= 0) throw new CorrectorUnavailableError('no correction thread is available (restarting after a crash); retry shortly');
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        waitingForSlot.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  function send(slot: Slot, texts: string[], cleanOptions: CleanOptions, onProgress?: (done: number) => void): Promise<CleanResult[]> {
    const id = nextId++;
    const chars = texts.reduce((sum, t) => sum + t.length, 0);
    const message: ToThread = {
      type: 'clean',
      id,
      texts,
      options: { threshold: cleanOptions.threshold, protectedTerms: cleanOptions.protectedTerms },
      progress: onProgress !== undefined,
    };
    slot.load += chars;
    return new Promise<CleanResult[]>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, onProgress });
      slot.worker.postMessage(message);
    }).finally(() => {
      slot.load -= chars;
    });
  }

  return {
    info: { checkpoint: info!.checkpoint, backend: `${info!.backend} in ${options.threads} thread(s)`, loadMs: Math.round(performance.now() - started) },
    async clean(texts: string[], cleanOptions: CleanOptions = {}): Promise<CleanResult[]> {
      if (cleanOptions.inspect) throw new InputError('inspect runs in the caller\'s thread: use loadCorrector, not a corrector pool');
      const total = checkTexts(texts);
      if (texts.length === 0) return [];
      const ready = await readySlots();
      const shares = splitEvenly(texts, ready.length);
      // progress: the characters each share reports done, summed over the shares
      const done = shares.map(() => 0);
      const report = cleanOptions.onProgress;
      const progressOf = (k: number) =>
        report &&
        ((d: number) => {
          done[k] = d;
          report(done.reduce((a, b) => a + b, 0), total);
        });
      const parts = await Promise.all(shares.map(({ from, to }, k) => send(ready[k], texts.slice(from, to), cleanOptions, progressOf(k))));
      return parts.flat();
    },
    threads: () => slots.map((s) => s.worker),
    dispose() {
      disposed = true;
      for (const slot of slots) void slot.worker.terminate();
      waitingForSlot.splice(0).forEach((wake) => wake());
    },
  };
}
