import type { DocumentJob } from '@unsmudge/jobs';

import { QueueUnavailableError } from '../errors.js';
import type { BatchRecord, JobOutcome, JobQueue, JobSnapshot, JobState } from '../job-queue.js';

interface FakeJob {
  data: DocumentJob;
  state: JobState;
  result?: unknown;
  failedReason?: string;
  createdAt: number;
}

/** In-memory JobQueue for unit tests; `ready = false` simulates Redis being down. */
export class FakeJobQueue implements JobQueue {
  ready = true;
  readonly jobs = new Map<string, FakeJob>();
  readonly batches = new Map<string, BatchRecord>();

  isReady(): boolean {
    return this.ready;
  }
  async ping(): Promise<boolean> {
    return this.ready;
  }
  private check(): void {
    if (!this.ready) throw new QueueUnavailableError('the job queue (Redis) is unavailable (fake)');
  }
  async getJob(jobId: string): Promise<JobSnapshot | undefined> {
    this.check();
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    const { text, ...rest } = job.data;
    return {
      jobId,
      state: job.state,
      data: { ...rest, textChars: text.length },
      progress: 0,
      attemptsMade: 0,
      maxAttempts: 3,
      createdAt: job.createdAt,
      result: job.result,
      failedReason: job.failedReason,
    };
  }
  async peek(jobIds: string[]) {
    this.check();
    return jobIds.map((id) => {
      const job = this.jobs.get(id);
      return job ? { state: job.state, contentHash: job.data.contentHash, owner: job.data.submittedBy } : undefined;
    });
  }
  async add(entries: { jobId: string; data: DocumentJob }[]): Promise<void> {
    this.check();
    for (const e of entries) if (!this.jobs.has(e.jobId)) this.jobs.set(e.jobId, { data: e.data, state: 'waiting', createdAt: Date.now() });
  }
  async remove(jobId: string): Promise<boolean> {
    this.check();
    if (this.jobs.get(jobId)?.state === 'active') return false;
    this.jobs.delete(jobId);
    return true;
  }
  async states(jobIds: string[]): Promise<JobState[]> {
    this.check();
    return jobIds.map((id) => this.jobs.get(id)?.state ?? 'unknown');
  }
  async outcomes(jobIds: string[]): Promise<JobOutcome[]> {
    this.check();
    return jobIds.map((jobId) => {
      const job = this.jobs.get(jobId);
      return job ? { jobId, state: job.state, result: job.result, failedReason: job.failedReason } : { jobId, state: 'unknown' };
    });
  }
  async counts(): Promise<Record<string, number>> {
    this.check();
    const counts: Record<string, number> = { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 };
    for (const job of this.jobs.values()) if (job.state !== 'unknown') counts[job.state]++;
    return counts;
  }
  async saveBatch(batch: BatchRecord): Promise<void> {
    this.check();
    this.batches.set(batch.batchId, batch);
  }
  async loadBatch(batchId: string): Promise<BatchRecord | undefined> {
    this.check();
    return this.batches.get(batchId);
  }
  async close(): Promise<void> {}

  /** Test helper: move a job on as a worker would. */
  settle(jobId: string, state: JobState, outcome: { result?: unknown; failedReason?: string } = {}): void {
    const job = this.jobs.get(jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    Object.assign(job, { state, ...outcome });
  }
}
