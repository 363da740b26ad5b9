import { Queue } from 'bullmq';
import type { JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';

import { DOCUMENT_JOB_NAME, QUEUES, batchKeys, formatBatchMember, parseBatchMember } from '@unsmudge/jobs';
import type { DocumentJob } from '@unsmudge/jobs';

import { QueueUnavailableError } from './errors.js';
import { collapseState } from './job-queue.js';
import type { BatchRecord, JobOutcome, JobQueue, JobSnapshot, JobState } from './job-queue.js';

/**
 * Producer connection: fails fast instead of queueing commands while Redis is away
 * (enableOfflineQueue: false, short timeouts), and keeps reconnecting in the background.
 */
export function createProducerConnection(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 5_000,
    retryStrategy: (times) => Math.min(100 * times, 2_000),
  });
}

export interface BullJobQueueOptions {
  connection: Redis;
  prefix: string;
  /** Attempts per job before it fails for good. */
  attempts: number;
  /** Completed jobs (and their results) are kept this long. */
  resultTtlSeconds: number;
  /** Failed jobs (and their failure reasons) are kept this long. */
  failedTtlSeconds: number;
}

const CHUNK = 500;

const CONNECTION_ERROR =
  /Stream isn't writeable|enableOfflineQueue|Connection is closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Command timed out|max retries per request|Reached the max retries/i;

export class BullJobQueue implements JobQueue {
  readonly queue: Queue;
  private readonly connection: Redis;
  private readonly jobOptions: JobsOptions;

  constructor(private readonly options: BullJobQueueOptions) {
    this.connection = options.connection;
    this.queue = new Queue(QUEUES.documents, { connection: options.connection, prefix: options.prefix });
    // Errors surface on the calls that fail; without a listener an 'error' event would crash the process.
    this.queue.on('error', () => {});
    this.jobOptions = {
      attempts: options.attempts,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: options.resultTtlSeconds },
      removeOnFail: { age: options.failedTtlSeconds },
    };
  }

  isReady(): boolean {
    return this.connection.status === 'ready';
  }

  async ping(timeoutMs: number): Promise<boolean> {
    if (!this.isReady()) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const answer = await Promise.race([
        this.connection.ping(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('ping timed out')), timeoutMs);
        }),
      ]);
      return answer === 'PONG';
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  getJob(jobId: string): Promise<JobSnapshot | undefined> {
    return this.guard(async () => {
      const job = await this.queue.getJob(jobId);
      if (!job) return undefined;
      const state = collapseState(await job.getState());
      const { text, ...rest } = job.data as DocumentJob;
      return {
        jobId,
        state,
        data: { ...rest, textChars: typeof text === 'string' ? text.length : 0 },
        progress: job.progress,
        attemptsMade: job.attemptsMade,
        maxAttempts: job.opts.attempts ?? 1,
        createdAt: job.timestamp,
        startedAt: job.processedOn,
        finishedAt: job.finishedOn,
        result: job.returnvalue ?? undefined,
        failedReason: state === 'failed' || job.failedReason ? job.failedReason : undefined,
      };
    });
  }

  peek(jobIds: string[]) {
    return this.guard(async () => {
      const client = await this.queue.client;
      return chunked(jobIds, async (jobId) => {
        const state = collapseState(await this.queue.getJobState(jobId));
        if (state === 'unknown') return undefined;
        const raw = await client.hget(this.queue.toKey(jobId), 'data');
        const data = raw ? (JSON.parse(raw) as Partial<DocumentJob>) : {};
        return { state, contentHash: data.contentHash, owner: data.submittedBy };
      });
    });
  }

  add(entries: { jobId: string; data: DocumentJob }[]): Promise<void> {
    return this.guard(async () => {
      for (let i = 0; i < entries.length; i += CHUNK) {
        await this.queue.addBulk(
          entries.slice(i, i + CHUNK).map((e) => ({ name: DOCUMENT_JOB_NAME, data: e.data, opts: { ...this.jobOptions, jobId: e.jobId } })),
        );
      }
    });
  }

  remove(jobId: string): Promise<boolean> {
    return this.guard(async () => (await this.queue.remove(jobId)) === 1);
  }

  states(jobIds: string[]): Promise<JobState[]> {
    return this.guard(() => chunked(jobIds, async (jobId) => collapseState(await this.queue.getJobState(jobId))));
  }

  outcomes(jobIds: string[]): Promise<JobOutcome[]> {
    return this.guard(async () => {
      const client = await this.queue.client;
      return chunked(jobIds, async (jobId) => {
        const [state, fields] = await Promise.all([
          this.queue.getJobState(jobId),
          client.hmget(this.queue.toKey(jobId), 'returnvalue', 'failedReason'),
        ]);
        const collapsed = collapseState(state);
        const outcome: JobOutcome = { jobId, state: collapsed };
        if (collapsed === 'completed' && fields[0]) outcome.result = JSON.parse(fields[0]);
        if (fields[1] && (collapsed === 'failed' || collapsed === 'delayed')) outcome.failedReason = fields[1];
        return outcome;
      });
    });
  }

  counts(): Promise<Record<string, number>> {
    return this.guard(() =>
      this.queue.getJobCounts('waiting', 'prioritized', 'waiting-children', 'paused', 'delayed', 'active', 'completed', 'failed'),
    );
  }

  saveBatch(batch: BatchRecord, ttlSeconds: number): Promise<void> {
    return this.guard(async () => {
      const keys = batchKeys(this.options.prefix, batch.batchId);
      const multi = this.connection.multi();
      multi.del(keys.meta, keys.members);
      multi.hset(keys.meta, { owner: batch.owner, count: String(batch.members.length), createdAt: String(batch.createdAt) });
      for (let i = 0; i < batch.members.length; i += 1_000) {
        multi.rpush(keys.members, ...batch.members.slice(i, i + 1_000).map((m) => formatBatchMember(m.jobId, m.documentId)));
      }
      multi.expire(keys.meta, ttlSeconds);
      multi.expire(keys.members, ttlSeconds);
      const results = await multi.exec();
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw failed?.[0] ?? new Error('batch transaction was discarded');
    });
  }

  loadBatch(batchId: string): Promise<BatchRecord | undefined> {
    return this.guard(async () => {
      const keys = batchKeys(this.options.prefix, batchId);
      const [meta, members] = await Promise.all([this.connection.hgetall(keys.meta), this.connection.lrange(keys.members, 0, -1)]);
      if (!meta.owner) return undefined;
      return { batchId, owner: meta.owner, createdAt: Number(meta.createdAt), members: members.map(parseBatchMember) };
    });
  }

  async close(): Promise<void> {
    await this.queue.close();
  }

  /** Fails at once with QueueUnavailableError while Redis is away; maps connection failures mid-call to it too. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    if (!this.isReady()) throw unavailable(this.connection.status);
    try {
      return await work();
    } catch (err) {
      if (err instanceof Error && CONNECTION_ERROR.test(err.message)) throw unavailable(this.connection.status);
      throw err;
    }
  }
}

function unavailable(status: string): QueueUnavailableError {
  return new QueueUnavailableError(`the job queue (Redis) is unavailable (connection ${status}); /v1/correct still works, retry queue calls shortly`);
}

async function chunked<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await Promise.all(items.slice(i, i + CHUNK).map(fn))));
  return out;
}
