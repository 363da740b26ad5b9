/** Queue names shared by the API (producer) and the worker (consumer). */
export const QUEUES = {
  /** One job per document: clean, optionally embed, optionally call back. */
  documents: 'unsmudge-documents',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Default key prefix in Redis; tests use a random one per test. */
export const DEFAULT_PREFIX = 'unsmudge';
