import { createHash } from 'node:crypto';

import { z } from 'zod';

import { DEFAULT_PREFIX } from '@unsmudge/jobs';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i;
const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** "5mb", "512kb", "1048576" → bytes. */
export function parseSize(value: string): number {
  const match = SIZE.exec(value.trim());
  if (!match) throw new Error(`not a size: "${value}" (use e.g. 1mb, 512kb or a number of bytes)`);
  return Math.floor(Number(match[1]) * UNITS[(match[2] ?? 'b').toLowerCase()]);
}

const size = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      try {
        return parseSize(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    });

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const EnvSchema = z.object({
  PORT: int(8080, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  API_KEYS: z.string().default(''),
  AUTH_DISABLED: bool(false),
  RATE_LIMIT_PER_MINUTE: int(600, 1, 1_000_000),
  RATE_LIMIT_BURST: int(60, 1, 1_000_000),
  BODY_LIMIT: size('1mb'),
  DOCUMENT_BODY_LIMIT: size('5mb'),
  BATCH_BODY_LIMIT: size('5mb'),
  MAX_BATCH_DOCUMENTS: int(10_000, 1, 1_000_000),
  CORRECT_MAX_CHARS: int(100_000, 1, 10_000_000),
  CORRECT_MAX_TEXTS: int(256, 1, 100_000),
  CORRECT_THREADS: int(1, 0, 16),
  CORRECT_CONCURRENCY: int(2, 1, 64),
  CORRECT_QUEUE_LIMIT: int(64, 0, 100_000),
  QUEUE_PREFIX: z.string().min(1).regex(/^[^:\s]+$/, 'no ":" or spaces').default(DEFAULT_PREFIX),
  RESULT_TTL_SECONDS: int(86_400, 60, 365 * 86_400),
  FAILED_TTL_SECONDS: int(7 * 86_400, 60, 365 * 86_400),
  BATCH_TTL_SECONDS: int(7 * 86_400, 60, 365 * 86_400),
  JOB_ATTEMPTS: int(3, 1, 20),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});

export interface ApiKey {
  /** Principal the key belongs to: jobs are scoped to it. Never the secret. */
  principal: string;
  secret: string;
}

export interface ApiConfig {
  port: number;
  host: string;
  redisUrl: string;
  /** Empty when authDisabled. */
  apiKeys: ApiKey[];
  authDisabled: boolean;
  rateLimit: { perMinute: number; burst: number };
  bodyLimits: { correct: number; document: number; batch: number };
  maxBatchDocuments: number;
  correct: { maxChars: number; maxTexts: number; threads: number; concurrency: number; queueLimit: number };
  queuePrefix: string;
  resultTtlSeconds: number;
  failedTtlSeconds: number;
  batchTtlSeconds: number;
  jobAttempts: number;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * `API_KEYS` is a comma-separated list of `secret` or `name:secret`. Keys sharing a name share their jobs
 * (use that to rotate keys); an unnamed key's principal is derived from a hash of the key.
 */
export function parseApiKeys(raw: string): ApiKey[] {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const colon = entry.indexOf(':');
      if (colon > 0) return { principal: entry.slice(0, colon), secret: entry.slice(colon + 1) };
      return { principal: `key-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`, secret: entry };
    });
}

export function loadConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const apiKeys = parseApiKeys(e.API_KEYS);
  if (apiKeys.some((k) => k.secret.length < 16)) {
    throw new ConfigError('API_KEYS: every key must be at least 16 characters long');
  }
  if (!e.AUTH_DISABLED && apiKeys.length === 0) {
    throw new ConfigError(
      'no API keys configured: set API_KEYS (comma-separated, each `secret` or `name:secret`), ' +
        'or set AUTH_DISABLED=true to run without authentication (local use only)',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    apiKeys: e.AUTH_DISABLED ? [] : apiKeys,
    authDisabled: e.AUTH_DISABLED,
    rateLimit: { perMinute: e.RATE_LIMIT_PER_MINUTE, burst: e.RATE_LIMIT_BURST },
    bodyLimits: { correct: e.BODY_LIMIT, document: e.DOCUMENT_BODY_LIMIT, batch: e.BATCH_BODY_LIMIT },
    maxBatchDocuments: e.MAX_BATCH_DOCUMENTS,
    correct: {
      maxChars: e.CORRECT_MAX_CHARS,
      maxTexts: e.CORRECT_MAX_TEXTS,
      threads: e.CORRECT_THREADS,
      concurrency: e.CORRECT_CONCURRENCY,
      queueLimit: e.CORRECT_QUEUE_LIMIT,
    },
    queuePrefix: e.QUEUE_PREFIX,
    resultTtlSeconds: e.RESULT_TTL_SECONDS,
    failedTtlSeconds: e.FAILED_TTL_SECONDS,
    batchTtlSeconds: e.BATCH_TTL_SECONDS,
    jobAttempts: e.JOB_ATTEMPTS,
    logLevel: e.LOG_LEVEL,
  };
}
