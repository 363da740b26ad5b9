import { randomUUID } from 'node:crypto';

import { Redis } from 'ioredis';

import { BullJobQueue, createProducerConnection } from '../bullmq-job-queue.js';
import { createServer } from '../server.js';
import { createFakeCorrector } from './fake-corrector.js';
import { testConfig } from './test-config.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A server on real Redis under a random prefix; cleanup() deletes every key under it. */
export async function redisTestEnv(options: { redisUrl?: string; env?: Record<string, string> } = {}) {
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  const config = testConfig({ QUEUE_PREFIX: prefix, JOB_ATTEMPTS: '1', ...options.env });
  const connection = createProducerConnection(options.redisUrl ?? REDIS_URL);
  connection.on('error', () => {});
  const queue = new BullJobQueue({ connection, prefix, attempts: config.jobAttempts, resultTtlSeconds: config.resultTtlSeconds, failedTtlSeconds: config.failedTtlSeconds });
  const app = createServer({ config, corrector: createFakeCorrector(), queue });
  /** Worker-side connections need maxRetriesPerRequest: null. */
  const workerConnection = () => new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  async function cleanup(): Promise<void> {
    await queue.close().catch(() => {});
    connection.disconnect();
    const admin = new Redis(REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await admin.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await admin.quit();
  }
  return { prefix, config, connection, queue, app, workerConnection, cleanup };
}
