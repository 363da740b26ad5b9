import { DOCUMENT_JOB_NAME, type DocumentJob, DocumentResultSchema, QUEUES, jobIdFor } from '@unsmudge/jobs';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Embedder } from './embeddings/types.js';
import { loadUseLiteEmbedder } from './embeddings/use-lite.js';
import { cosine } from './embeddings/vector-math.js';
import { createRedisConnection } from './redis.js';
import { expectConsistent, noisyDocument } from './testing/noisy-text.js';
import { TEST_REDIS_URL, deletePrefix, randomPrefix } from './testing/redis-test-utils.js';
import { TEST_CORRECTOR_MODULE, testWorkerConfig } from './testing/worker-config.js';
import { type DocumentWorker, createDocumentWorker } from './worker.js';

const JOB_OPTS = { attempts: 3, backoff: { type: 'exponential', delay: 500 } } as const;
const BAD_TOKENS = /\b(Tbe|tbe|c4t|0n|rnat|Cmincil|rneet|nurnber|cornmittee|rnail|rnembers|0rder)\b/g;
const countBad = (s: string) => (s.match(BAD_TOKENS) ?? []).length;

describe(`document worker (real Redis, sandboxed processor, corrector ${TEST_CORRECTOR_MODULE})`, () => {
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
    events.setMaxListeners(200);
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
    const config = testWorkerConfig({ REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, CORRECTOR_MODULE: TEST_CORRECTOR_MODULE, ...env });
    worker = createDocumentWorker({ config, connection });
    return config;
  }

  it('cleans and embeds a document enqueued with the jobs schema', async () => {
    start({ WORKER_CONCURRENCY: '1', EMBEDDING_PROVIDER: 'use-lite' });
    const clean = 'The stock market fell sharply after the rate rise, see https://example.com/0n and call 555-0100.';
    const payload: DocumentJob = {
      documentId: 'int-doc-1',
      text: `${noisyDocument(3)}\n\n\n${clean}\n`,
      embed: true,
      metadata: { source: 'int-test' },
    };
    const progress: unknown[] = [];
    events.on('progress', ({ jobId, data }) => jobId === jobIdFor(payload.documentId) && progress.push(data));
    const job = await queue.add(DOCUMENT_JOB_NAME, payload, { ...JOB_OPTS, jobId: jobIdFor(payload.documentId) });
    const result = DocumentResultSchema.parse(await job.waitUntilFinished(events, 150_000));
    expect(result.documentId).toBe('int-doc-1');
    expectConsistent(payload.text, result, expect);
    expect(result.edits.length).toBeGreaterThan(0);
    expect(countBad(result.text)).toBeLessThan(countBad(payload.text));
    // Clean text, URLs, numbers and the whitespace structure come through unchanged.
    expect(result.text.endsWith(`\n\n\n${clean}\n`)).toBe(true);
    expect(result.text.split('\n\n').length).toBe(payload.text.split('\n\n').length);
    expect(result.embedding).toEqual({ provider: 'use-lite', model: 'universal-sentence-encoder-lite', dimensions: 512 });
    for (const c of result.chunks) expect(c.embedding).toHaveLength(512);
    expect(result.metadata).toEqual({ source: 'int-test' });
    expect(result.stats.edits).toBe(result.edits.length);
    // What the API reads back from BullMQ.
    const stored = await queue.getJob(jobIdFor(payload.documentId));
    expect(await stored!.getState()).toBe('completed');
    expect(stored!.returnvalue).toEqual(result);
    expect(stored!.progress).toMatchObject({ phase: 'done', percent: 100 });
    expect(progress.some((p) => (p as { phase: string }).phase === 'cleaning')).toBe(true);
    expect(progress.some((p) => (p as { phase: string }).phase === 'embedding')).toBe(true);
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
    const texts = Array.from({ length: 50 }, (_, i) => noisyDocument(2, i));
    const jobs = await queue.addBulk(
      texts.map((text, i) => ({ name: DOCUMENT_JOB_NAME, data: { documentId: `bulk-${i}`, text }, opts: { ...JOB_OPTS, jobId: jobIdFor(`bulk-${i}`) } })),
    );
    const results = (await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 170_000)))).map((r) => DocumentResultSchema.parse(r));
    expect(results).toHaveLength(50);
    results.forEach((r, i) => {
      expect(r.documentId).toBe(`bulk-${i}`);
      expectConsistent(texts[i]!, r, expect);
    });
    const before = texts.reduce((s, t) => s + countBad(t), 0);
    const after = results.reduce((s, r) => s + countBad(r.text), 0);
    expect(after).toBeLessThan(before);
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

  it('embeds with transformers.js from a local model folder inside the sandbox', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const { writeTinyBertModel } = await import('./testing/tiny-bert-fixture.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'unsmudge-worker-tiny-'));
    try {
      const tiny = await writeTinyBertModel(dir, ['the', 'cat', 'sat', 'on', 'mat', 'window', 'old', 'house'], 24);
      start({ EMBEDDING_PROVIDER: 'transformers', TRANSFORMERS_LOCAL_PATH: dir, TRANSFORMERS_MODEL: tiny.name });
      const text = 'Tbe c4t sat 0n the rnat near the window of the old house.';
      const job = await queue.add(DOCUMENT_JOB_NAME, { documentId: 'tf', text, embed: true }, { jobId: 'tf' });
      const r = DocumentResultSchema.parse(await job.waitUntilFinished(events, 150_000));
      expect(r.embedding).toEqual({ provider: 'transformers', model: tiny.name, dimensions: 24 });
      const v = r.chunks[0]!.embedding!;
      expect(v).toHaveLength(24);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    } finally {
      await worker?.close();
      worker = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails an embed job with a reason naming the setting when the transformers.js folder is missing', async () => {
    start({ EMBEDDING_PROVIDER: 'transformers', TRANSFORMERS_LOCAL_PATH: '/nonexistent/models' });
    const job = await queue.add(DOCUMENT_JOB_NAME, { documentId: 'tf-missing', text: 'Tbe c4t', embed: true }, { jobId: 'tf-missing', attempts: 1 });
    await expect(job.waitUntilFinished(events, 120_000)).rejects.toThrow(/TRANSFORMERS_LOCAL_PATH/);
  });

  describe('embedding what was cleaned', () => {
    let reference: Embedder;
    beforeAll(async () => {
      reference = await loadUseLiteEmbedder();
    });
    afterAll(async () => reference?.dispose());

    it('brings an OCR-damaged sentence closer to its clean original', async () => {
      start({ EMBEDDING_PROVIDER: 'use-lite' });
      const clean = 'The cat sat on the mat near the window of the old house.';
      const noisy = 'Tbe c4t sat 0n the rnat near the window of the old house.';
      const job = await queue.add(DOCUMENT_JOB_NAME, { documentId: 'emb', text: noisy, embed: true }, { jobId: 'emb' });
      const r = DocumentResultSchema.parse(await job.waitUntilFinished(events, 150_000));
      const [cleanVec, noisyVec] = await reference.embed([clean, noisy]);
      const cleanedVec = r.chunks[0]!.embedding!;
      // The worker's vector is the same model's embedding of the cleaned text.
      expect(cosine(cleanedVec, (await reference.embed([r.text]))[0]!)).toBeGreaterThan(0.9999);
      expect(cosine(cleanedVec, cleanVec!)).toBeGreaterThan(cosine(noisyVec!, cleanVec!));
    });
  });
});

describe('callbacks through the queue (real Redis)', () => {
  const SECRET = 'int-callback-secret-0123456789';
  let prefix: string;
  let connection: Redis;
  let queue: Queue;
  let worker: DocumentWorker | undefined;
  let server: import('node:http').Server;
  let url: string;
  const received: { event: string; body: string; sig: string }[] = [];

  beforeAll(async () => {
    const http = await import('node:http');
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ event: req.headers['x-unsmudge-event'] as string, body, sig: req.headers['x-unsmudge-signature'] as string });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}/hook`;
  });
  afterAll(async () => new Promise<void>((r) => server.close(() => r())));

  beforeEach(() => {
    received.length = 0;
    prefix = randomPrefix();
    connection = createRedisConnection(TEST_REDIS_URL);
    queue = new Queue(QUEUES.documents, { connection, prefix });
  });
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await queue.close();
    await deletePrefix(connection, prefix);
    await connection.quit();
  });

  function start(env: Record<string, string>) {
    const config = testWorkerConfig({
      REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, CORRECTOR_MODULE: TEST_CORRECTOR_MODULE, EMBEDDING_PROVIDER: 'none',
      CALLBACK_SECRET: SECRET, CALLBACK_ALLOWLIST: '127.0.0.1', CALLBACK_BACKOFF_MS: '50', ...env,
    });
    worker = createDocumentWorker({ config, connection });
  }

  it('POSTs the signed result when a document completes', async () => {
    start({});
    const { verifySignature } = await import('./callbacks/sign.js');
    const text = 'Tbe c4t sat 0n the rnat near the window of the old house.';
    await queue.add(DOCUMENT_JOB_NAME, { documentId: 'cb-ok', text, callbackUrl: url }, { jobId: 'cb-ok' });
    const { waitFor } = await import('./testing/redis-test-utils.js');
    await waitFor(async () => received.length >= 1, 120_000, 'the callback');
    const body = JSON.parse(received[0]!.body) as { event: string; jobId: string; result: unknown };
    expect(received[0]!.event).toBe('document.completed');
    expect(verifySignature(received[0]!.body, SECRET, received[0]!.sig)).toBe(true);
    expect(body.jobId).toBe('cb-ok');
    const job = await queue.getJob('cb-ok');
    await waitFor(async () => (await job!.getState()) === 'completed', 30_000, 'completion');
    expect(body.result).toEqual((await queue.getJob('cb-ok'))!.returnvalue);
  });

  it('POSTs document.failed once, after the last attempt', async () => {
    start({ CORRECTOR_MODULE: '/nonexistent/corrector-module.ts' });
    await queue.add(DOCUMENT_JOB_NAME, { documentId: 'cb-fail', text: 'some text', callbackUrl: url }, { jobId: 'cb-fail', attempts: 2, backoff: { type: 'fixed', delay: 100 } });
    const { waitFor } = await import('./testing/redis-test-utils.js');
    await waitFor(async () => (await queue.getJob('cb-fail'))!.failedReason && (await queue.getJob('cb-fail'))!.attemptsMade === 2 && received.length >= 1, 60_000, 'the failure callback');
    await new Promise((r) => setTimeout(r, 500));
    expect(received.map((r) => r.event)).toEqual(['document.failed']);
    const body = JSON.parse(received[0]!.body) as { error: string; attemptsMade: number; documentId: string };
    expect(body).toMatchObject({ documentId: 'cb-fail', attemptsMade: 2 });
    expect(body.error).toMatch(/cannot import corrector module/);
  });
});
