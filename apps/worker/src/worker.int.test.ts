import { DOCUMENT_JOB_NAME, type DocumentJob, DocumentResultSchema, QUEUES, jobIdFor } from '@unsmudge/jobs';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisConnection } from './redis.js';
import { TEST_REDIS_URL, deletePrefix, randomPrefix } from './testing/redis-test-utils.js';
import { FAKE_CORRECTOR_MODULE, testWorkerConfig } from './testing/worker-config.js';
import { type DocumentWorker, createDocumentWorker } from './worker.js';
import { cosine } from './embeddings/vector-math.js';

const JOB_OPTS = { attempts: 3, backoff: { type: 'exponential', delay: 500 } } as const;

describe('document worker (real Redis, sandboxed processor)', () => {
  let prefix: string;
  let connection: Redis;
  let queue: Queue;
  let events: QueueEvents;
  let worker: DocumentWorker | undefined;

  beforeEach(async () => {
    prefix = randomPrefix();
    connection = createRedisConnection(TEST_REDIS_URL);
    queue = new Queue(QUEUES.documents, { connection, prefix });
    queue.setMaxListeners(200);
    events = new QueueEvents(QUEUES.documents, { connection: { url: TEST_REDIS_URL }, prefix });
    await events.waitUntilReady();
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await events.close();
    await queue.close();
    await deletePrefix(connection, prefix);
    await connection.quit();
  });

  function start(env: Record<string, string> = {}) {
    const config = testWorkerConfig({
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      CORRECTOR_MODULE: process.env.WORKER_TEST_CORRECTOR ?? FAKE_CORRECTOR_MODULE,
      ...env,
    });
    worker = createDocumentWorker({ config, connection });
    return config;
  }

  it('cleans and embeds a document enqueued with the jobs schema', async () => {
    start({ WORKER_CONCURRENCY: '1', EMBEDDING_PROVIDER: 'use-lite' });
    const payload: DocumentJob = {
      documentId: 'int-doc-1',
      text: 'Tbe c4t sat 0n the rnat.\n\nThe stock market fell sharply after the rate rise.',
      embed: true,
      metadata: { source: 'int-test' },
    };
    const progress: unknown[] = [];
    events.on('progress', ({ data }) => progress.push(data));
    const job = await queue.add(DOCUMENT_JOB_NAME, payload, { ...JOB_OPTS, jobId: jobIdFor(payload.documentId) });
    const result = DocumentResultSchema.parse(await job.waitUntilFinished(events, 120_000));
    expect(result.documentId).toBe('int-doc-1');
    expect(result.text.startsWith('The cat sat on the mat.')).toBe(true);
    expect(result.edits.length).toBeGreaterThanOrEqual(4);
    expect(result.embedding).toEqual({ provider: 'use-lite', model: 'universal-sentence-encoder-lite', dimensions: 512 });
    expect(result.chunks.length).toBeGreaterThanOrEqual(1);
    for (const c of result.chunks) expect(c.embedding).toHaveLength(512);
    expect(result.metadata).toEqual({ source: 'int-test' });
    // What the API reads back from BullMQ.
    const stored = await queue.getJob(jobIdFor(payload.documentId));
    expect(await stored!.getState()).toBe('completed');
    expect(stored!.returnvalue).toEqual(result);
    expect(stored!.progress).toMatchObject({ phase: 'done', percent: 100 });
    expect(progress.length).toBeGreaterThan(0);
  });

  it('fails a bad payload at once with its reason, without retrying', async () => {
    start({ EMBEDDING_PROVIDER: 'none' });
    const job = await queue.add(DOCUMENT_JOB_NAME, { documentId: 'bad', text: 12 }, { ...JOB_OPTS, jobId: 'bad-1' });
    await expect(job.waitUntilFinished(events, 60_000)).rejects.toThrow(/invalid document payload: text/);
    const stored = await queue.getJob('bad-1');
    expect(await stored!.getState()).toBe('failed');
    expect(stored!.attemptsMade).toBe(1);
    expect(stored!.failedReason).toMatch(/invalid document payload: text/);
  });

  it('completes 50 documents', async () => {
    start({ WORKER_CONCURRENCY: '2', EMBEDDING_PROVIDER: 'none' });
    const jobs = await queue.addBulk(
      Array.from({ length: 50 }, (_, i) => ({
        name: DOCUMENT_JOB_NAME,
        data: { documentId: `bulk-${i}`, text: `Document ${i}: Tbe c4t sat 0n the rnat.\n\nAnother paragraph ${i}.` },
        opts: { ...JOB_OPTS, jobId: jobIdFor(`bulk-${i}`) },
      })),
    );
    const results = await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 150_000)));
    expect(results).toHaveLength(50);
    results.forEach((r, i) => expect(DocumentResultSchema.parse(r).text).toBe(`Document ${i}: The cat sat on the mat.\n\nAnother paragraph ${i}.`));
    expect(await queue.getJobCounts('completed', 'failed', 'wait', 'active')).toEqual({ completed: 50, failed: 0, wait: 0, active: 0 });
  });

  it('keeps results with the configured TTL when the producer sets none', async () => {
    start({ EMBEDDING_PROVIDER: 'none', RESULT_TTL_SECONDS: '1' });
    const first = await queue.add(DOCUMENT_JOB_NAME, { documentId: 'ttl-1', text: 'Tbe c4t' }, { jobId: 'ttl-1' });
    await first.waitUntilFinished(events, 60_000);
    expect(await queue.getJob('ttl-1')).toBeDefined();
    await new Promise((r) => setTimeout(r, 2100));
    // BullMQ trims old completed jobs when the next one completes.
    const second = await queue.add(DOCUMENT_JOB_NAME, { documentId: 'ttl-2', text: 'Tbe c4t' }, { jobId: 'ttl-2' });
    await second.waitUntilFinished(events, 60_000);
    expect(await queue.getJob('ttl-1')).toBeUndefined();
    expect(await queue.getJob('ttl-2')).toBeDefined();
  });

  it('embeds the cleaned text, so a cleaned OCR document embeds like its clean original', async () => {
    start({ EMBEDDING_PROVIDER: 'use-lite' });
    const clean = 'The cat sat on the mat.';
    const job = await queue.add(DOCUMENT_JOB_NAME, { documentId: 'emb', text: 'Tbe c4t sat 0n the rnat.', embed: true }, { jobId: 'emb' });
    const noisyJob = await queue.add(DOCUMENT_JOB_NAME, { documentId: 'ref', text: clean, embed: true }, { jobId: 'ref' });
    const [r, ref] = [await job.waitUntilFinished(events, 120_000), await noisyJob.waitUntilFinished(events, 120_000)].map((x) =>
      DocumentResultSchema.parse(x),
    );
    expect(r!.text).toBe(clean);
    expect(cosine(r!.chunks[0]!.embedding!, ref!.chunks[0]!.embedding!)).toBeGreaterThan(0.999);
  });
});
