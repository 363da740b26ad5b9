// Sandboxed processor: BullMQ runs this in a child process so that CPU-heavy cleaning never blocks
// the parent's event loop (lock renewal, stalled checks). The corrector and embedder are loaded
// once per child process and reused for every job it runs.
import type { DocumentResult } from '@unsmudge/jobs';
import type { Corrector } from '@unsmudge/model';
import type { SandboxedJob } from 'bullmq';
import { type WorkerConfig, WorkerConfigSchema } from './config.js';
import { createEmbedder } from './embeddings/create-embedder.js';
import type { Embedder } from './embeddings/types.js';
import { loadCorrectorFrom } from './load-corrector.js';
import { log } from './log.js';
import { processDocument } from './process-document.js';
import { SANDBOX_CONFIG_ENV } from './sandbox-env.js';

// If the parent worker dies (even by SIGKILL), do not keep computing a job nobody will collect.
// BullMQ's child code reports over IPC; once the parent is gone those sends fail (EPIPE), and its
// uncaughtException handler would try to report that failure over the same dead channel, again and
// again, spinning at 100 % CPU and never reaching the 'disconnect' event. Exit instead.
function isDeadChannel(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return !process.connected || code === 'EPIPE' || code === 'ERR_IPC_CHANNEL_CLOSED' || code === 'ECONNRESET';
}
if (typeof process.send === 'function') {
  process.once('disconnect', () => process.exit(0));
  process.prependListener('uncaughtException', (err) => {
    if (isDeadChannel(err)) process.exit(0);
  });
  process.on('unhandledRejection', (reason) => {
    if (isDeadChannel(reason)) process.exit(0);
    throw reason; // as Node would: becomes an uncaught exception, which BullMQ reports as a job failure
  });
}

let config: WorkerConfig | undefined;
let corrector: Promise<Corrector> | undefined;
let embedder: Promise<Embedder | undefined> | undefined;

function sandboxConfig(): WorkerConfig {
  if (!config) {
    const raw = process.env[SANDBOX_CONFIG_ENV];
    if (!raw) throw new Error(`${SANDBOX_CONFIG_ENV} is not set: this file runs inside the worker's sandbox only`);
    config = WorkerConfigSchema.parse(JSON.parse(raw));
  }
  return config;
}

/** Memoises a load, forgetting it when it fails so the next job tries again. */
function once<T>(get: () => Promise<T> | undefined, set: (p: Promise<T> | undefined) => void, load: () => Promise<T>): Promise<T> {
  let p = get();
  if (!p) {
    p = load();
    set(p);
    p.catch(() => set(undefined));
  }
  return p;
}

async function embedderBackend(provider: string): Promise<{ backend?: string }> {
  if (provider !== 'use-lite') return { backend: provider === 'transformers' ? 'onnxruntime-node (cpu)' : undefined };
  const { ensureTfBackend } = await import('./embeddings/tfjs-backend.js');
  return { backend: `tfjs ${await ensureTfBackend()}` };
}

export default async function documentProcessor(job: SandboxedJob): Promise<DocumentResult> {
  const cfg = sandboxConfig();
  return processDocument(
    {
      id: job.id ?? 'unknown',
      data: job.data,
      updateProgress: async (p) => {
        await job.updateProgress(p);
      },
      log: async (line) => {
        await job.log(line);
      },
    },
    {
      getCorrector: () =>
        once(
          () => corrector,
          (p) => (corrector = p),
          async () => {
            const c = await loadCorrectorFrom(cfg.corrector.module);
            log.info('sandbox: corrector loaded', { module: cfg.corrector.module, ...c.info });
            return c;
          },
        ),
      getEmbedder: () =>
        once(
          () => embedder,
          (p) => (embedder = p),
          async () => {
            const t0 = performance.now();
            const e = await createEmbedder(cfg.embedding);
            if (e) log.info('sandbox: embedder loaded', { ...e.info, ...(await embedderBackend(e.info.provider)), loadMs: Math.round(performance.now() - t0) });
            return e;
          },
        ),
      embeddingEnabled: cfg.embedding.provider !== 'none',
      chunking: cfg.chunking,
      defaultThreshold: cfg.corrector.threshold,
      callback: cfg.callback,
    },
  );
}
