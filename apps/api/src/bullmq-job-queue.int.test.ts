import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';

import { DOCUMENT_JOB_NAME, QUEUES } from '@unsmudge/jobs';

import { redisTestEnv } from './testing/redis-test-env.js';
import { waitFor } from './testing/tcp-proxy.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const BULL_TO_OURS: Record<string, string> = {
  waiting: 'waiting',
  prioritized: 'waiting',
  'waiting-children': 'waiting',
  delayed: 'delayed',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
  unknown: 'unknown',
};

describe('BullJobQueue.states', () => {
  it('agrees with BullMQ getJobState in every state', async () => {
    const env = await redisTestEnv();
    cleanups.push(env.cleanup);
    await waitFor(() => env.queue.isReady(), 'redis');
    const conn = env.workerConnection();
    const bull = new Queue(QUEUES.documents, { connection: conn, prefix: env.prefix });
    cleanups.push(async () => {
      await bull.close();
      await conn.quit();
    });
    const add = (id: string, text: string, opts = {}) => bull.add(DOCUMENT_JOB_NAME, { documentId: id, text }, { jobId: id, ...opts });
    await add('done', 'ok');
    await add('broken', 'fail');
    await add('busy', 'hold');
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    const wconn = env.workerConnection();
    const worker = new Worker(
      QUEUES.documents,
      async (job) => {
        if (job.data.text === 'fail') throw new UnrecoverableError('no');
        if (job.data.text === 'hold') await hold;
        return { ok: true };
      },
      { connection: wconn, prefix: env.prefix, concurrency: 3 },
    );
    cleanups.push(async () => {
      release();
      await worker.close(true);
      await wconn.quit();
    });
    await waitFor(async () => (await bull.getJobState('busy')) === 'active' && (await bull.getJobState('done')) === 'completed' && (await bull.getJobState('broken')) === 'failed', 'jobs to settle');
    await worker.pause(true);
    await add('later', 'x', { delay: 60_000 });
    await add('urgent', 'x', { priority: 5 });
    await add('plain', 'x');

    const ids = ['done', 'broken', 'busy', 'later', 'urgent', 'plain', 'nope'];
    const expected = await Promise.all(ids.map(async (id) => BULL_TO_OURS[await bull.getJobState(id)]));
    expect(expected).toEqual(['completed', 'failed', 'active', 'delayed', 'waiting', 'waiting', 'unknown']);
    expect(await env.queue.states(ids)).toEqual(expected);
    const outcomes = await env.queue.outcomes(['done', 'broken', 'nope']);
    expect(outcomes).toEqual([
      { jobId: 'done', state: 'completed', result: { ok: true } },
      { jobId: 'broken', state: 'failed', failedReason: 'no' },
      { jobId: 'nope', state: 'unknown' },
    ]);
  });
});
