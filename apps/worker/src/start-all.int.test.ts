// scripts/start-all.ts (root `pnpm start`): api + worker as children, signals forwarded.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, deletePrefix, randomPrefix, waitFor } from './testing/redis-test-utils.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const prefix = randomPrefix();

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('start-all', () => {
  afterAll(async () => {
    const redis = new Redis(TEST_REDIS_URL);
    await deletePrefix(redis, prefix);
    await redis.quit();
  });

  it('runs api and worker, forwards SIGTERM to both, and exits 0 once both have stopped', async () => {
    const port = await freePort();
    const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-all.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', AUTH_DISABLED: 'true', EMBEDDING_PROVIDER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    try {
      await waitFor(async () => out.includes('[worker]') && out.includes('worker ready'), 60_000, 'the worker');
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false)) || undefined,
        90_000,
        'the api',
      );
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toMatch(/\[worker\] .*SIGTERM: draining/);
      expect(out).toMatch(/\[start-all\] worker exited \(code 0\)/);
      expect(out).toMatch(/\[start-all\] api exited \(code 0\)/);
    } finally {
      if (proc.exitCode === null) proc.kill('SIGTERM');
    }
  });

  it('stops the api and exits non-zero when the worker dies', async () => {
    const port = await freePort();
    const proc = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-all.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', AUTH_DISABLED: 'true', EMBEDDING_PROVIDER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    try {
      const pid = await waitFor(async () => Number(/\[worker\] \{.*"pid":(\d+).*worker ready/.exec(out)?.[1]) || undefined, 60_000, 'the worker');
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok).catch(() => false)) || undefined,
        90_000,
        'the api',
      );
      process.kill(pid, 'SIGKILL');
      const code = await exited;
      expect(code).not.toBe(0);
      expect(out).toMatch(/\[start-all\] worker exited \(SIGKILL\)/);
      expect(out).toMatch(/\[start-all\] api exited/);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      if (proc.exitCode === null) proc.kill('SIGTERM');
    }
  });
});
