import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';

import { REDIS_URL, redisTestEnv } from './testing/redis-test-env.js';
import { TcpProxy, waitFor } from './testing/tcp-proxy.js';
import { auth } from './testing/test-config.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function behindProxy(startProxy: boolean) {
  const target = new URL(REDIS_URL);
  const proxy = new TcpProxy(Number(target.port || 6379), target.hostname);
  if (startProxy) await proxy.start();
  else {
    // Reserve a free port, then close it: Redis "is down" until start().
    await proxy.start();
    await proxy.stop();
  }
  const env = await redisTestEnv({ redisUrl: `redis://127.0.0.1:${proxy.port}` });
  cleanups.push(async () => {
    await env.cleanup();
    await proxy.stop();
  });
  return { proxy, env };
}

describe('without Redis', () => {
  it('keeps /v1/correct serving, answers 503 on queue routes, and recovers by itself', async () => {
    const { proxy, env } = await behindProxy(true);
    await waitFor(() => env.queue.isReady(), 'redis through the proxy');
    expect((await request(env.app).post('/v1/documents').set(auth()).send({ text: 'before' })).status).toBe(202);

    await proxy.stop();
    await waitFor(() => !env.queue.isReady(), 'the connection to drop');
    const down = await request(env.app).post('/v1/documents').set(auth()).send({ text: 'during' });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('queue-unavailable');
    expect(down.body.error.message).toMatch(/Redis\) is unavailable .*\/v1\/correct still works/);
    for (const [method, path] of [['get', '/v1/jobs/doc_' + '0'.repeat(40)], ['get', '/v1/batches/b_' + '0'.repeat(32)], ['post', '/v1/batches']] as const) {
      const res = await request(env.app)[method](path).set(auth()).send([{ text: 'x' }]);
      expect(res.status, path).toBe(503);
    }
    expect((await request(env.app).get('/readyz')).status).toBe(503);
    expect((await request(env.app).get('/metrics')).text).toMatch(/unsmudge_api_redis_up 0/);
    const corrected = await request(env.app).post('/v1/correct').set(auth()).send({ text: 'Tbe c4t' });
    expect(corrected.status).toBe(200);
    expect(corrected.body.text).toBe('The cat');

    await proxy.start();
    await waitFor(() => env.queue.isReady(), 'ioredis to reconnect');
    const after = await request(env.app).post('/v1/documents').set(auth()).send({ text: 'after' });
    expect(after.status).toBe(202);
    expect((await request(env.app).get(after.body.statusUrl).set(auth())).body.state).toBe('waiting');
    expect((await request(env.app).get('/readyz')).status).toBe(200);
  });

  it('starts while Redis is down and begins queueing once it comes up', async () => {
    const { proxy, env } = await behindProxy(false);
    const down = await request(env.app).post('/v1/documents').set(auth()).send({ text: 'early' });
    expect(down.status).toBe(503);
    expect((await request(env.app).post('/v1/correct').set(auth()).send({ text: 'Tbe' })).body.text).toBe('The');
    await proxy.start();
    await waitFor(() => env.queue.isReady(), 'first connection');
    const up = await request(env.app).post('/v1/documents').set(auth()).send({ text: 'early' });
    expect(up.status).toBe(202);
    expect((await request(env.app).get(up.body.statusUrl).set(auth())).body.state).toBe('waiting');
  });
});
