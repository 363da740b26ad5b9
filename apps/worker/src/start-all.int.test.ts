// scripts/start-all.ts (root `pnpm start`): api + worker as children, signals forwarded.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './testing/free-port.js';
import { TEST_REDIS_URL, deletePrefix, randomPrefix, waitFor } from './testing/redis-test-utils.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const prefix = randomPrefix();

/** Starts `pnpm start`'s script on a free port and collects its output; resolves once the api answers. */
async function startAll() {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-all.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', AUTH_DISABLED: 'true', EMBEDDING_PROVIDER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { proc, port, out: '', exited: new Promise<number | null>((r) => proc.on('exit', (code) => r(code))) };
  proc.stdout!.on('data', (d: Buffer) => (run.out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (run.out += d.toString()));
  return run;
}

const apiUp = (port: number) =>
  waitFor(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false)) || undefined, 90_000, 'the api');

describe('start-all', () => {
  afterAll(async () => {
    const redis = new Redis(TEST_REDIS_URL);
    await deletePrefix(redis, prefix);
    await redis.quit();
  });

  it('runs api and worker, forwards SIGTERM to both, and exits 0 once both have stopped', async () => {
    const run = await startAll();
    try {
      await waitFor(async () => run.out.includes('[worker]') && run.out.includes('worker ready'), 60_000, 'the worker');
      await apiUp(run.port);
      run.proc.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.out).toMatch(/\[worker\] .*SIGTERM: draining/);
      expect(run.out).toMatch(/\[start-all\] worker exited \(code 0\)/);
      expect(run.out).toMatch(/\[start-all\] api exited \(code 0\)/);
    } finally {
      if (run.proc.exitCode === null) run.proc.kill('SIGTERM');
    }
  });

  it('stops the api and exits non-zero when the worker dies', async () => {
    const run = await startAll();
    try {
      const pid = await waitFor(async () => Number(/\[worker\] \{.*"pid":(\d+).*worker ready/.exec(run.out)?.[1]) || undefined, 60_000, 'the worker');
      await apiUp(run.port);
      process.kill(pid, 'SIGKILL');
      const code = await run.exited;
      expect(code).not.toBe(0);
      expect(run.out).toMatch(/\[start-all\] worker exited \(SIGKILL\)/);
      expect(run.out).toMatch(/\[start-all\] api exited/);
      await expect(fetch(`http://127.0.0.1:${run.port}/healthz`)).rejects.toThrow();
    } finally {
      if (run.proc.exitCode === null) run.proc.kill('SIGTERM');
    }
  });
});
