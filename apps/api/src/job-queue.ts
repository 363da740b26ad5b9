import type { DocumentJob } from '@unsmudge/jobs';

/** BullMQ states collapsed to what callers need; "unknown" = never existed, expired or cancelled. */
export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed' | 'unknown';

export interface JobSnapshot {
  jobId: string;
  state: JobState;
  data: Omit<DocumentJob, 'text'> & { textChars: number };
  /** Whatever the worker last reported (0–100 or an object). */
  progress: unknown;
  attemptsMade: number;
  maxAttempts: number;
  createdAt?: number;
  startedAt?: number;
  finishedAt?: number;
  result?: unknown;
  failedReason?: string;
}

export interface JobOutcome {
  jobId: string;
  state: JobState;
  result?: unknown;
  failedReason?: string;
}

export interface BatchRecord {
  batchId: string;
  owner: string;
  createdAt: number;
  members: { jobId: string; documentId: string }[];
}

/** What the API needs from the documents queue; BullJobQueue is the real one, tests may use a fake. */
export interface JobQueue {
  /** Redis connected and ready: queue calls may go ahead. */
  isReady(): boolean;
  /** PING with a deadline. */
  ping(timeoutMs: number): Promise<boolean>;
  getJob(jobId: string): Promise<JobSnapshot | undefined>;
  /** State and content hash of existing jobs (undefined where there is none). */
  peek(jobIds: string[]): Promise<({ state: JobState; contentHash?: string; owner?: string } | undefined)[]>;
  add(entries: { jobId: string; data: DocumentJob }[]): Promise<void>;
  /** Removes a job unless a worker holds it: false when it is locked (active). */
  remove(jobId: string): Promise<boolean>;
  states(jobIds: string[]): Promise<JobState[]>;
  outcomes(jobIds: string[]): Promise<JobOutcome[]>;
  counts(): Promise<Record<string, number>>;
  saveBatch(batch: BatchRecord, ttlSeconds: number): Promise<void>;
  loadBatch(batchId: string): Promise<BatchRecord | undefined>;
  close(): Promise<void>;
}
