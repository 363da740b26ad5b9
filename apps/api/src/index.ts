import type { Server } from 'node:http';

import { createCorrectorPool, type Corrector } from '@unsmudge/model';

import { BullJobQueue, createProducerConnection } from './bullmq-job-queue.js';
import { ConfigError, loadConfig } from './config.js';
import { loadShippedCorrector } from './load-corrector.js';
import { createLogger } from './logger.js';
import { createServer } from './server.js';

// Wiring only: parse env once, connect, load the model, listen, shut down gracefully.
let config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (err instanceof ConfigError) {
    process.stderr.write(`unsmudge api: refusing to start: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
const logger = createLogger(config.logLevel);
if (config.authDisabled) logger.warn('AUTH_DISABLED=true: the API is open to anyone who can reach it');

const connection = createProducerConnection(config.redisUrl);
let redisWasUp = false;
let lastRedisError = '';
connection.on('ready', () => {
  redisWasUp = true;
  logger.info('redis ready');
});
connection.on('error', (err: Error) => {
  // ioredis retries on its own; log each distinct error once rather than every retry.
  if (err.message !== lastRedisError) logger.warn('redis error (queue routes answer 503 until it is back)', { error: err.message });
  lastRedisError = err.message;
});
connection.on('close', () => {
  if (redisWasUp) logger.warn('redis connection closed; reconnecting');
  redisWasUp = false;
});

const queue = new BullJobQueue({ connection, prefix: config.queuePrefix, attempts: config.jobAttempts, resultTtlSeconds: config.resultTtlSeconds, failedTtlSeconds: config.failedTtlSeconds });
let corrector: Corrector | undefined;
const app = createServer({ config, corrector: () => corrector, queue, logger, defaultMetrics: true });

const server: Server = app.listen(config.port, config.host, (err?: Error) => {
  if (err) return; // reported by the 'error' handler below
  logger.info('listening', { host: config.host, port: config.port, auth: config.authDisabled ? 'disabled' : `${config.apiKeys.length} keys` });
});
server.on('error', (err) => {
  logger.error('cannot listen', { error: err.message });
  process.exit(1);
});

const loading =
  config.correct.threads > 0
    ? createCorrectorPool({
        threads: config.correct.threads,
        onThreadExit: (e) => logger.error('correction thread died; replacing it', e),
      })
    : loadShippedCorrector();
loading.then(
  (loaded) => {
    corrector = loaded;
    logger.info('model loaded', { checkpoint: loaded.info.checkpoint, backend: loaded.info.backend, loadMs: loaded.info.loadMs });
  },
  (err: unknown) => {
    logger.error('cannot load the correction model; exiting', { error: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  },
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down', { signal });
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await queue.close().catch(() => {});
  await connection.quit().catch(() => connection.disconnect());
  corrector?.dispose();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
