import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';

import { DocumentJobSchema, DocumentResultSchema, QUEUES } from '@unsmudge/jobs';
import type { DocumentJob, DocumentResult } from '@unsmudge/jobs';

import { redisTestEnv } from './testing/redis-test-env.js';
import { auth } from './testing/test-config.js';
import { waitFor } from './testing/tcp-proxy.js';

type Env = Awaited<ReturnType<typeof redisTestEnv>>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(): Promise<Env> {
  const env = await redisTestEnv();
  cleanups.push(env.cleanup);
  await waitFor(() => env.queue.isReady(), 'redis');
  return env;
}

/** A stand-in worker: cleans by upper-casing "tbe", fails documents whose text says "fail". */
function startWorker(env: Env, hold?: Promise<void>): Worker {
  const connection: Redis = env.workerConnection();
  const worker = new Worker<DocumentJob, DocumentResult>(
    QUEUES.documents,
    async (job) => {
      const data = DocumentJobSchema.parse(job.data);
      if (hold) await hold;
      if (data.text.includes('fail')) throw new UnrecoverableError('text asked to fail');
      await job.updateProgress(50);
      const text = data.text.replaceAll('Tbe', 'The');
      return DocumentResultSchema.parse({
        documentId: data.documentId,
        text,
        edits: [],
        chunks: [{ index: 0, start: 0, end: text.length, text, embedding: data.embed ? [0.5, -0.5] : undefined }],
        metadata: data.metadata,
        stats: { chars: text.length, edits: 0, cleanMs: 1, embedMs: 0 },
      });
    },
    { connection, prefix: env.prefix },
  );
  cleanups.push(async () => {
    await worker.close(true);
    await connection.quit();
  });
  return worker;
}

describe('queue routes on real Redis', () => {
  it('enqueues a document once, however often it is submitted', async () => {
    const env = await setup();
    const body = { id: 'kb-1', text: 'Tbe c4t', metadata: { page: 1 }, embed: true };
    const first = await request(env.app).post('/v1/documents').set(auth()).send(body);
    expect(first.status).toBe(202);
    const again = await Promise.all([1, 2, 3].map(() => request(env.app).post('/v1/documents').set(auth()).send(body)));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(again.map((r) => r.body.jobId))).toEqual(new Set([first.body.jobId]));
    const anon = await Promise.all([1, 2].map(() => request(env.app).post('/v1/documents').set(auth()).send({ text: 'same content' })));
    expect(anon[0].body.jobId).toBe(anon[1].body.jobId);

    const bull = new Queue(QUEUES.documents, { connection: env.workerConnection(), prefix: env.prefix });
    cleanups.push(async () => bull.close());
    expect(await bull.getWaitingCount()).toBe(2);
    const job = await bull.getJob(first.body.jobId);
    expect(DocumentJobSchema.parse(job!.data)).toMatchObject({ documentId: 'kb-1', text: 'Tbe c4t', embed: true, submittedBy: 'tester' });
    expect(job!.opts).toMatchObject({ attempts: 1, removeOnComplete: { age: 86_400 }, removeOnFail: { age: 7 * 86_400 } });

    const status = await request(env.app).get(first.body.statusUrl).set(auth());
    expect(status.body).toMatchObject({ state: 'waiting', documentId: 'kb-1', chars: 7, embed: true, metadata: { page: 1 } });
  });

  it('reports the worker’s result, and replaces a finished job when the same id comes with new content', async () => {
    const env = await setup();
    const ok = await request(env.app).post('/v1/documents').set(auth()).send({ id: 'd', text: 'Tbe cat', embed: true });
    const bad = await request(env.app).post('/v1/documents').set(auth()).send({ id: 'e', text: 'please fail' });
    expect((await request(env.app).post('/v1/documents').set(auth()).send({ id: 'd', text: 'Tbe dog' })).status).toBe(409);
    startWorker(env);
    await waitFor(async () => (await request(env.app).get(bad.body.statusUrl).set(auth())).body.state === 'failed', 'job to fail');
    await waitFor(async () => (await request(env.app).get(ok.body.statusUrl).set(auth())).body.state === 'completed', 'job to complete');
    const done = await request(env.app).get(ok.body.statusUrl).set(auth());
    expect(done.body).toMatchObject({ state: 'completed', progress: 100, result: { documentId: 'd', text: 'The cat', chunks: [{ embedding: [0.5, -0.5] }] } });
    const failed = await request(env.app).get(bad.body.statusUrl).set(auth());
    expect(failed.body).toMatchObject({ state: 'failed', error: { reason: 'text asked to fail' } });

    const replaced = await request(env.app).post('/v1/documents').set(auth()).send({ id: 'd', text: 'Tbe dog' });
    expect(replaced.status).toBe(202);
    expect(replaced.body.jobId).toBe(ok.body.jobId);
    await waitFor(async () => (await request(env.app).get(ok.body.statusUrl).set(auth())).body.result?.text === 'The dog', 'replacement to complete');
  });

  it('enqueues a batch, reports counts and progress, and streams results', async () => {
    const env = await setup();
    const ndjson = ['{"id":"a","text":"Tbe one"}', '{"id":"b","text":"two"}', '{"id":"c","text":"fail three"}', '{"id":"d","text":"four"}'].join('\n');
    const res = await request(env.app).post('/v1/batches').set(auth()).set('Content-Type', 'application/x-ndjson').send(ndjson);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ count: 4, created: 4 });
    const ttl = await env.connection.ttl(`${env.prefix}:batches:${res.body.batchId}:members`);
    expect(ttl).toBeGreaterThan(7 * 86_400 - 60);

    const before = await request(env.app).get(res.body.statusUrl).set(auth());
    expect(before.body).toMatchObject({ count: 4, counts: { waiting: 4, active: 0, completed: 0, failed: 0, missing: 0 }, progress: 0, done: false });

    const cancelled = await request(env.app).delete(`/v1/jobs/${res.body.documents[3].jobId}`).set(auth());
    expect(cancelled.status).toBe(200);

    startWorker(env);
    await waitFor(async () => (await request(env.app).get(res.body.statusUrl).set(auth())).body.done === true, 'batch to finish');
    const after = await request(env.app).get(res.body.statusUrl).set(auth());
    expect(after.body).toMatchObject({ counts: { waiting: 0, active: 0, completed: 2, failed: 1, missing: 1 }, progress: 1, done: true });

    const results = await request(env.app).get(res.body.resultsUrl).set(auth()).buffer(true).parse((r, cb) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString()));
      r.on('end', () => cb(null, text));
    });
    const lines = (results.body as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.state])).toEqual([['a', 'completed'], ['b', 'completed'], ['c', 'failed'], ['d', 'missing']]);
    expect(lines[0].result.text).toBe('The one');
    expect(lines[2].error.reason).toBe('text asked to fail');
  });

  it('DELETE cancels a waiting job, refuses an active one (409), 404 for unknown', async () => {
    const env = await setup();
    const waiting = await request(env.app).post('/v1/documents').set(auth()).send({ text: 'wait for me' });
    const del = await request(env.app).delete(waiting.body.statusUrl).set(auth());
    expect(del.status).toBe(200);
    expect(await env.queue.states([waiting.body.jobId])).toEqual(['unknown']);
    expect((await request(env.app).delete(waiting.body.statusUrl).set(auth())).status).toBe(404);

    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const busy = await request(env.app).post('/v1/documents').set(auth()).send({ text: 'busy' });
    startWorker(env, hold);
    await waitFor(async () => (await request(env.app).get(busy.body.statusUrl).set(auth())).body.state === 'active', 'job to be active');
    const refused = await request(env.app).delete(busy.body.statusUrl).set(auth());
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    release();
    await waitFor(async () => (await request(env.app).get(busy.body.statusUrl).set(auth())).body.state === 'completed', 'job to complete');
  });

  it('/metrics shows queue depth from Redis', async () => {
    const env = await setup();
    await request(env.app).post('/v1/batches').set(auth()).send([{ text: 'x' }, { text: 'y' }]);
    const metrics = await request(env.app).get('/metrics');
    expect(metrics.text).toMatch(/unsmudge_queue_jobs\{state="waiting"\} 2/);
    expect(metrics.text).toMatch(/unsmudge_api_redis_up 1/);
  });
});
