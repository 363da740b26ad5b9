import { fileURLToPath } from 'node:url';
import { type DocumentJob, type DocumentResult, QUEUES } from '@unsmudge/jobs';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { postCallback } from './callbacks/post-callback.js';
import { CallbackAllowlist } from './callbacks/ssrf-guard.js';
import type { WorkerConfig } from './config.js';
import { SANDBOX_CONFIG_ENV } from './sandbox-env.js';

export type DocumentWorker = Worker<unknown, DocumentResult>;

/** Path of the sandboxed processor: the tsx-registering loader from sources, processor.js when compiled. */
export function processorFile(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromSources ? './processor-loader.mjs' : './processor.js', import.meta.url));
}

export interface DocumentWorkerOptions {
  config: WorkerConfig;
  /** Shared ioredis connection (maxRetriesPerRequest: null); BullMQ duplicates it for blocking reads. */
  connection: Redis;
  /** Extra environment for the sandbox processes. */
  sandboxEnv?: Record<string, string>;
  autorun?: boolean;
  /** Told when a `document.failed` callback could not be delivered. */
  onFailureCallbackError?: (job: Job, err: Error) => void;
}

/**
 * A BullMQ worker on QUEUES.documents that runs each job in a sandboxed child process.
 * Finished jobs are kept for resultTtlSeconds (failed ones for failedTtlSeconds) unless the
 * producer set removeOnComplete/removeOnFail itself.
 */
export function createDocumentWorker(opts: DocumentWorkerOptions): DocumentWorker {
  const { config } = opts;
  const worker = new Worker<unknown, DocumentResult>(QUEUES.documents, processorFile(), {
    connection: opts.connection,
    prefix: config.prefix,
    concurrency: config.concurrency,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: config.maxStalledCount,
    removeOnComplete: { age: config.resultTtlSeconds },
    removeOnFail: { age: config.failedTtlSeconds },
    autorun: opts.autorun ?? true,
    useWorkerThreads: false,
    workerForkOptions: {
      env: { ...process.env, ...opts.sandboxEnv, [SANDBOX_CONFIG_ENV]: JSON.stringify(config) },
    },
  });
  // Final failures are reported to the payload's callbackUrl (signed, same retries as results).
  worker.on('failed', (job, err) => {
    if (job) void notifyFailure(job, err, config, (e) => opts.onFailureCallbackError?.(job, e));
  });
  return worker;
}

/** True when BullMQ will not try this job again. */
export function isFinalFailure(job: Job, err: Error): boolean {
  return err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

/**
 * When a job has failed for good and its payload named a callbackUrl, POSTs a signed
 * `document.failed` event with the reason. Returns a promise for tests; errors go to onError.
 */
export function notifyFailure(
  job: Job,
  err: Error,
  config: WorkerConfig,
  onError: (e: Error) => void,
): Promise<void> | undefined {
  const data = job.data as Partial<DocumentJob> | undefined;
  const url = typeof data?.callbackUrl === 'string' ? data.callbackUrl : undefined;
  if (!url || !config.callback.secret || !isFinalFailure(job, err)) return undefined;
  return postCallback(
    url,
    {
      event: 'document.failed',
      jobId: job.id,
      documentId: typeof data?.documentId === 'string' ? data.documentId : undefined,
      batchId: typeof data?.batchId === 'string' ? data.batchId : undefined,
      error: err.message,
      attemptsMade: job.attemptsMade,
    },
    {
      secret: config.callback.secret,
      allowlist: new CallbackAllowlist(config.callback.allowlist),
      attempts: config.callback.attempts,
      backoffMs: config.callback.backoffMs,
      timeoutMs: config.callback.timeoutMs,
      headers: { 'X-Unsmudge-Delivery': job.id ?? '', 'X-Unsmudge-Event': 'document.failed' },
    },
  ).then(
    () => undefined,
    (e: unknown) => onError(e as Error),
  );
}
