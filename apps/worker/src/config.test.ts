import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const noModel = { hasLocalTransformersModel: () => false };
const withModel = { hasLocalTransformersModel: () => true };

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({}, noModel);
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.prefix).toBe('unsmudge');
    expect(c.concurrency).toBe(1);
    expect(c.lockDurationMs).toBe(60_000);
    expect(c.resultTtlSeconds).toBe(86_400);
    expect(c.embedding).toEqual({ provider: 'use-lite', modelDir: undefined, batchSize: 16 });
    expect(c.callback).toMatchObject({ secret: undefined, allowlist: [], attempts: 5, backoffMs: 1000 });
    expect(c.corrector.module).toBe('@unsmudge/model');
  });

  it('defaults to transformers.js only when a local model folder is present (or remote is allowed)', () => {
    expect(loadConfig({ TRANSFORMERS_LOCAL_PATH: '/models' }, noModel).embedding.provider).toBe('use-lite');
    const t = loadConfig({ TRANSFORMERS_LOCAL_PATH: '/models' }, withModel).embedding;
    expect(t).toMatchObject({ provider: 'transformers', model: 'Xenova/all-MiniLM-L6-v2', localPath: '/models', allowRemote: false });
    expect(loadConfig({ TRANSFORMERS_ALLOW_REMOTE: 'true' }, noModel).embedding.provider).toBe('transformers');
    expect(loadConfig({ EMBEDDING_PROVIDER: 'none', TRANSFORMERS_LOCAL_PATH: '/m' }, withModel).embedding).toEqual({ provider: 'none' });
  });

  it('parses lists, numbers and booleans', () => {
    const c = loadConfig(
      { WORKER_CONCURRENCY: '4', CALLBACK_ALLOWLIST: ' hooks.local , 10.0.0.0/8,', CALLBACK_SECRET: 'x'.repeat(32), TRANSFORMERS_ALLOW_REMOTE: '0' },
      noModel,
    );
    expect(c.concurrency).toBe(4);
    expect(c.callback.allowlist).toEqual(['hooks.local', '10.0.0.0/8']);
    expect(c.callback.secret).toBe('x'.repeat(32));
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ WORKER_CONCURRENCY: '0', EMBEDDING_PROVIDER: 'openai', REDIS_URL: 'nope' }, noModel)).toThrow(ConfigError);
    try {
      loadConfig({ WORKER_CONCURRENCY: '0', EMBEDDING_PROVIDER: 'openai', CALLBACK_SECRET: 'short' }, noModel);
    } catch (e) {
      expect((e as Error).message).toMatch(/WORKER_CONCURRENCY/);
      expect((e as Error).message).toMatch(/EMBEDDING_PROVIDER/);
      expect((e as Error).message).toMatch(/CALLBACK_SECRET must be at least 16/);
    }
    expect(() => loadConfig({ CHUNK_TARGET_CHARS: '3000', CHUNK_MAX_CHARS: '2000' }, noModel)).toThrow(/CHUNK_MAX_CHARS/);
  });
});
