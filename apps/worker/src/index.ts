// Worker entry point: parse env once, connect, run, drain on SIGTERM/SIGINT.
import { CallbackAllowlist } from './callbacks/ssrf-guard.js';
import { ConfigError, loadConfig } from './config.js';
import { hasLocalTransformersModel } from './embeddings/local-model-folder.js';
import { log } from './log.js';
import { createRedisConnection } from './redis.js';
import { createDocumentWorker } from './worker.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { hasLocalTransformersModel });
    new CallbackAllowlist(config.callback.allowlist); // fail fast on a malformed CALLBACK_ALLOWLIST
  } catch (err) {
    log.error(err instanceof ConfigError || err instanceof RangeError ? err.message : String(err));
    process.exit(2);
  }
  const connection = createRedisConnection(config.redisUrl);
  // Log an outage once, not on every reconnect attempt.
  let redisDown = false;
  connection.on('error', (err) => {
    if (!redisDown) log.warn('redis connection error; reconnecting', { error: err.message });
    redisDown = true;
  });
  connection.on('ready', () => {
    if (redisDown) log.info('redis reconnected');
    redisDown = false;
  });
  const worker = createDocumentWorker({
    config,
    connection,
    onFailureCallbackError: (job, e) => log.warn('failure callback not delivered', { jobId: job.id, error: e.message }),
  });

  worker.on('ready', () =>
    log.info('worker ready', {
      queue: worker.name,
      prefix: config.prefix,
      concurrency: config.concurrency,
      embedding: config.embedding.provider,
      lockDurationMs: config.lockDurationMs,
    }),
  );
  worker.on('active', (job) => log.info('job started', { jobId: job.id, attempt: job.attemptsMade + 1 }));
  worker.on('completed', (job, result) =>
    log.info('job completed', { jobId: job.id, chars: result.stats.chars, edits: result.stats.edits, cleanMs: result.stats.cleanMs, embedMs: result.stats.embedMs }),
  );
  worker.on('failed', (job, err) => {
    log.warn('job failed', { jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message });
  });
  worker.on('stalled', (jobId) => log.warn('job stalled; it will be retried', { jobId }));
  worker.on('error', (err) => log.error('worker error', { error: err.message }));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      log.warn(`second ${signal}: exiting without waiting for the active job (it will be recovered as stalled)`);
      process.exit(1);
    }
    closing = true;
    log.info(`${signal}: draining (waiting for active jobs)`);
    try {
      await worker.close();
      await connection.quit();
      log.info('worker stopped');
      process.exit(0);
    } catch (err) {
      log.error('error while closing', { error: (err as Error).message });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main();
