import { Worker } from 'node:worker_threads';

import type { CleanOptions, CleanResult, Corrector, CorrectorInfo } from '@unsmudge/model';

import type { FromThread, ToThread } from './correct-thread.js';
import { ModelUnavailableError } from './errors.js';

function threadEntry(): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  return new URL(fromSources ? './correct-thread-loader.mjs' : './correct-thread.js', import.meta.url);
}

interface Pending {
  resolve: (results: CleanResult[]) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
}

export interface ThreadedCorrectorOptions {
  threads: number;
  /** Told when a thread dies and is replaced, or when a replacement fails to load (for logs). */
  onThreadExit?: (info: { code: number; pending: number; error?: string }) => void;
  /** How long a call waits for a thread when none is ready (e.g. all are being replaced). */
  waitForThreadMs?: number;
}

/**
 * A Corrector whose work runs in worker threads, each holding its own copy of the shipped model, so long
 * corrections do not block the HTTP event loop. A thread that dies fails its pending calls and is replaced.
 * Resolves once every thread has loaded the model; rejects with the load error if one cannot.
 */
export interface ThreadedCorrector extends Corrector {
  /** The live threads (to inspect them, or terminate one to test recovery). */
  threads(): Worker[];
}

export async function createThreadedCorrector(options: ThreadedCorrectorOptions): Promise<ThreadedCorrector> {
  const started = performance.now();
  const slots: Slot[] = [];
  let nextId = 1;
  let disposed = false;
  let info: CorrectorInfo | undefined;
  const waitingForSlot: (() => void)[] = [];

  function spawn(): Promise<Slot> {
    return new Promise((resolve, reject) => {
      const slot: Slot = { worker: new Worker(threadEntry()), ready: false, pending: new Map() };
      slots.push(slot);
      slot.worker.on('message', (msg: FromThread) => {
        if (msg.type === 'ready') {
          info ??= msg.info;
          slot.ready = true;
          resolve(slot);
          waitingForSlot.splice(0).forEach((wake) => wake());
        } else if (msg.type === 'load-failed') {
          reject(new Error(`correction thread could not load the model: ${msg.message}`));
        } else {
          const call = slot.pending.get(msg.id);
          if (!call) return;
          slot.pending.delete(msg.id);
          if (msg.type === 'result') call.resolve(msg.results);
          else {
            const err = new Error(msg.message);
            err.name = msg.name;
            call.reject(err);
          }
        }
      });
      slot.worker.on('error', (err) => {
        if (!slot.ready) reject(err);
      });
      slot.worker.on('exit', (code) => {
        slots.splice(slots.indexOf(slot), 1);
        const pending = [...slot.pending.values()];
        slot.pending.clear();
        for (const call of pending) call.reject(new Error(`correction thread exited (code ${code})`));
        if (!slot.ready) {
          reject(new Error(`correction thread exited (code ${code}) before the model was loaded`));
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
    await Promise.all(Array.from({ length: Math.max(1, options.threads) }, spawn));
  } catch (err) {
    disposed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw err;
  }

  const waitForThreadMs = options.waitForThreadMs ?? 30_000;
  async function pick(): Promise<Slot> {
    const deadline = Date.now() + waitForThreadMs;
    for (;;) {
      const ready = slots.filter((s) => s.ready);
      if (ready.length > 0) return ready.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const left = deadline - Date.now();
      if (disposed || left <= 0) throw new ModelUnavailableError('no correction thread is available (restarting after a crash); retry shortly');
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        waitingForSlot.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  return {
    info: { checkpoint: info!.checkpoint, backend: `${info!.backend} in ${options.threads} thread(s)`, loadMs: Math.round(performance.now() - started) },
    async clean(texts: string[], cleanOptions: CleanOptions = {}): Promise<CleanResult[]> {
      const slot = await pick();
      const id = nextId++;
      const message: ToThread = { type: 'clean', id, texts, options: { threshold: cleanOptions.threshold, protectedTerms: cleanOptions.protectedTerms } };
      return new Promise<CleanResult[]>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage(message);
      });
    },
    threads: () => slots.map((s) => s.worker),
    dispose() {
      disposed = true;
      for (const slot of slots) void slot.worker.terminate();
    },
  };
}
