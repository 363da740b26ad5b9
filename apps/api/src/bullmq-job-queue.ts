import { Queue } from 'bullmq';
import type { JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';

import { DOCUMENT_JOB_NAME, QUEUES, batchKeys, formatBatchMember, parseBatchMember } from '@unsmudge/jobs';
import type { DocumentJob } from '@unsmudge/jobs';

import { QueueUnavailableError } from './errors.js';
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
      const [state] = await this.fastStates([jobId]);
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
      const states = await this.fastStates(jobIds);
      const existing = jobIds.filter((_, i) => states[i] !== 'unknown');
      const data = new Map<string, Partial<DocumentJob>>();
      await chunked(existing, async (jobId) => {
        const raw = await this.connection.hget(this.queue.toKey(jobId), 'data');
        data.set(jobId, raw ? (JSON.parse(raw) as Partial<DocumentJob>) : {});
      });
      return jobIds.map((jobId, i) => {
        if (states[i] === 'unknown') return undefined;
        const d = data.get(jobId) ?? {};
        return { state: states[i], contentHash: d.contentHash, owner: d.submittedBy };
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
    return this.guard(() => this.fastStates(jobIds));
  }

  /**
   * States of many jobs in one MULTI per chunk, in O(log n) per job. BullMQ's getJobState runs LPOS over the
   * whole wait list for every waiting or unknown job, which for a big batch on a long queue would keep
   * Redis (shared with the workers) busy for seconds. A job whose hash exists and that is in none of the
   * sorted sets nor the active list is in the wait (or paused) list: BullMQ moves jobs atomically.
   */
  private async fastStates(jobIds: string[]): Promise<JobState[]> {
    const k = this.queue.keys;
    const out: JobState[] = [];
    for (let i = 0; i < jobIds.length; i += CHUNK) {
      const ids = jobIds.slice(i, i + CHUNK);
      const multi = this.connection.multi();
      for (const id of ids) {
        multi.exists(this.queue.toKey(id));
        multi.zscore(k.completed, id);
        multi.zscore(k.failed, id);
        multi.zscore(k.delayed, id);
        multi.zscore(k.prioritized, id);
        multi.zscore(k['waiting-children'], id);
        multi.lpos(k.active, id);
      }
      const replies = await multi.exec();
      if (!replies) throw new Error('state transaction was discarded');
      const failed = replies.find(([err]) => err);
      if (failed) throw failed[0];
      ids.forEach((_, j) => {
        const [exists, completed, failedAt, delayed, prioritized, children, active] = replies.slice(j * 7, j * 7 + 7).map(([, v]) => v);
        if (!exists) out.push('unknown');
        else if (completed !== null) out.push('completed');
        else if (failedAt !== null) out.push('failed');
        else if (delayed !== null) out.push('delayed');
        else if (prioritized !== null || children !== null) out.push('waiting');
        else if (active !== null) out.push('active');
        else out.push('waiting');
      });
    }
    return out;
  }

  outcomes(jobIds: string[]): Promise<JobOutcome[]> {
    return this.guard(async () => {
      const states = await this.fastStates(jobIds);
      return chunked(
        jobIds.map((jobId, i) => ({ jobId, state: states[i] })),
        async ({ jobId, state }) => {
          const outcome: JobOutcome = { jobId, state };
          if (state !== 'completed' && state !== 'failed' && state !== 'delayed') return outcome;
          const [returnvalue, failedReason] = await this.connection.hmget(this.queue.toKey(jobId), 'returnvalue', 'failedReason');
          if (state === 'completed' && returnvalue) outcome.result = JSON.parse(returnvalue);
          if (failedReason && state !== 'completed') outcome.failedReason = failedReason;
          return outcome;
        },
      );
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
