import { Redis } from 'ioredis';

/** The worker's shared connection; BullMQ requires maxRetriesPerRequest: null for blocking commands. */
export function createRedisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
}
