// The worker survives its Redis going away: uses a private redis-server child on a random port.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_JOB_NAME, DocumentResultSchema, QUEUES } from '@unsmudge/jobs';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from './testing/redis-test-utils.js';
import { expectConsistent } from './testing/noisy-text.js';
import { TEST_CORRECTOR_MODULE } from './testing/worker-config.js';
import { freePort } from './testing/free-port.js';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));


function startRedis(port: number): Promise<ChildProcess> {
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('Ready to accept connections')) resolve(proc);
    });
    proc.on('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
}

async function stop(proc: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill(signal);
  await exited;
}

describe('worker and a Redis outage', () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  const output: string[] = [];

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
  });
  afterAll(async () => {
    await stop(worker, 'SIGKILL');
    await stop(redis, 'SIGKILL');
  });

  async function runOne(id: string): Promise<void> {
    const connection = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUES.documents, { connection, prefix: 'outage' });
    const events = new QueueEvents(QUEUES.documents, { connection: { host: '127.0.0.1', port }, prefix: 'outage' });
    try {
      await events.waitUntilReady();
      const text = 'Tbe c4t sat 0n the rnat near the window of the old house.';
      const job = await queue.add(DOCUMENT_JOB_NAME, { documentId: id, text }, { jobId: id, attempts: 3 });
      const result = DocumentResultSchema.parse(await job.waitUntilFinished(events, 120_000));
      expect(result.documentId).toBe(id);
      expectConsistent(text, result, expect);
      expect(result.edits.length).toBeGreaterThan(0);
    } finally {
      await events.close();
      await queue.close();
      await connection.quit();
    }
  }

  it('keeps running while Redis is down and processes jobs again once it is back', async () => {
    worker = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      cwd: REPO_ROOT,
      env: { ...process.env, REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_PREFIX: 'outage', EMBEDDING_PROVIDER: 'none', CORRECTOR_MODULE: TEST_CORRECTOR_MODULE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
    worker.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    await runOne('before');

    await stop(redis);
    await new Promise((r) => setTimeout(r, 3000));
    expect(worker.exitCode).toBeNull();
    expect(worker.signalCode).toBeNull();

    redis = await startRedis(port);
    await runOne('after');
    expect(worker.exitCode).toBeNull();
    await waitFor(async () => output.join('').includes('redis connection error'), 5000, 'the outage to be logged');
  });
});
