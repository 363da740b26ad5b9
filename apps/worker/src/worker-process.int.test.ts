// The worker as a real OS process (node --import tsx src/index.ts): kill -9 mid-job, SIGTERM drain.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_JOB_NAME, DocumentResultSchema, QUEUES, jobIdFor } from '@unsmudge/jobs';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRedisConnection } from './redis.js';
import { TEST_REDIS_URL, deletePrefix, randomPrefix, waitFor } from './testing/redis-test-utils.js';
import { expectConsistent, noisyDocument } from './testing/noisy-text.js';
import { FAKE_CORRECTOR_MODULE } from './testing/worker-config.js';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Spawned {
  proc: ChildProcess;
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnWorker(prefix: string, env: Record<string, string>): Spawned {
  const proc = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      EMBEDDING_PROVIDER: 'none',
      // These tests are about process faults, not correction quality: the fake corrector with a per-character
      // delay keeps a job in the middle of cleaning long enough to be caught there (the real model is too fast).
      CORRECTOR_MODULE: FAKE_CORRECTOR_MODULE,
      WORKER_LOCK_DURATION_MS: '2000',
      WORKER_STALLED_INTERVAL_MS: '1000',
      WORKER_MAX_STALLED_COUNT: '5',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  proc.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  proc.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { proc, output, exited };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('worker process', () => {
  let prefix: string;
  let connection: Redis;
  let queue: Queue;
  const spawned: Spawned[] = [];

  beforeEach(() => {
    prefix = randomPrefix();
    connection = createRedisConnection(TEST_REDIS_URL);
    queue = new Queue(QUEUES.documents, { connection, prefix });
  });

  afterEach(async () => {
    for (const s of spawned.splice(0)) {
      if (s.proc.exitCode === null && s.proc.signalCode === null) {
        s.proc.kill('SIGKILL');
        await s.exited;
      }
    }
    await queue.close();
    await deletePrefix(connection, prefix);
    await connection.quit();
  });

  async function sandboxPids(workerPid: number): Promise<number[]> {
    const { execFileSync } = await import('node:child_process');
    try {
      return execFileSync('pgrep', ['-P', String(workerPid)]).toString().trim().split('\n').filter(Boolean).map(Number);
    } catch {
      return [];
    }
  }

  /** Waits until some active job is part-way through cleaning. */
  async function waitMidClean(): Promise<string[]> {
    return waitFor(
      async () => {
        const active = await queue.getJobs(['active']);
        const mid = active.some((j) => {
          const p = j.progress as { phase?: string; done?: number; total?: number };
          return p?.phase === 'cleaning' && (p.done ?? 0) > 0 && (p.done ?? 0) < (p.total ?? 0);
        });
        return mid ? active.map((j) => j.id!) : undefined;
      },
      120_000,
      'a job part-way through cleaning',
    );
  }

  it('loses no job when a worker is killed with SIGKILL mid-job and another takes over', async () => {
    // Long documents (~35 KB each) so that the kill lands in the middle of cleaning.
    const env = { WORKER_CONCURRENCY: '2', FAKE_CORRECTOR_DELAY_MS_PER_CHAR: '0.2' };
    const first = spawnWorker(prefix, env);
    spawned.push(first);
    const n = 5;
    const texts = Array.from({ length: n }, (_, i) => noisyDocument(120, i));
    await queue.addBulk(
      texts.map((text, i) => ({
        name: DOCUMENT_JOB_NAME,
        data: { documentId: `crash-${i}`, text },
        opts: { jobId: jobIdFor(`crash-${i}`), attempts: 3, backoff: { type: 'exponential', delay: 200 } },
      })),
    );
    const activeBefore = await waitMidClean();
    const children = await sandboxPids(first.proc.pid!);
    first.proc.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    expect(activeBefore.length).toBeGreaterThanOrEqual(1);
    expect(children.length).toBeGreaterThanOrEqual(1);
    // Orphaned sandbox processes notice the parent is gone and exit.
    await waitFor(async () => children.every((pid) => !isAlive(pid)), 30_000, 'orphaned sandbox processes to exit');

    const second = spawnWorker(prefix, env);
    spawned.push(second);
    await waitFor(async () => (await queue.getCompletedCount()) === n, 240_000, `all ${n} jobs to complete`);
    expect(await queue.getJobCounts('completed', 'failed', 'wait', 'active', 'delayed')).toEqual({
      completed: n, failed: 0, wait: 0, active: 0, delayed: 0,
    });
    for (let i = 0; i < n; i++) {
      const job = await queue.getJob(jobIdFor(`crash-${i}`));
      const r = DocumentResultSchema.parse(job!.returnvalue);
      expect(r.documentId).toBe(`crash-${i}`);
      expectConsistent(texts[i]!, r, expect);
    }
    // The jobs that were active when the worker died were recovered as stalled by the second worker.
    for (const id of activeBefore) {
      const job = await queue.getJob(id);
      expect(job!.stalledCounter).toBeGreaterThanOrEqual(1);
    }
  }, 300_000);

  it('drains on SIGTERM: the active job finishes, then the process exits 0', async () => {
    const w = spawnWorker(prefix, { WORKER_LOCK_DURATION_MS: '30000', WORKER_STALLED_INTERVAL_MS: '30000', FAKE_CORRECTOR_DELAY_MS_PER_CHAR: '0.2' });
    spawned.push(w);
    const text = noisyDocument(140, 7);
    await queue.add(DOCUMENT_JOB_NAME, { documentId: 'drain', text }, { jobId: 'drain' });
    await waitMidClean();
    w.proc.kill('SIGTERM');
    const exit = await w.exited;
    expect(exit.code).toBe(0);
    const done = await queue.getJob('drain');
    expect(await done!.getState()).toBe('completed');
    expectConsistent(text, DocumentResultSchema.parse(done!.returnvalue), expect);
    expect(w.output.join('')).toMatch(/SIGTERM: draining/);
  });

  it('exits with a message naming the variable when the environment is invalid', async () => {
    const w = spawnWorker(prefix, { WORKER_CONCURRENCY: 'lots' });
    spawned.push(w);
    const exit = await w.exited;
    expect(exit.code).toBe(2);
    expect(w.output.join('')).toMatch(/WORKER_CONCURRENCY/);
  });
});
