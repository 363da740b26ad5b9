import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig, parseApiKeys, parseSize } from './config.js';

describe('loadConfig', () => {
  it('refuses to start without API keys unless auth is explicitly disabled', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/no API keys configured: set API_KEYS .* or set AUTH_DISABLED=true/);
    const open = loadConfig({ AUTH_DISABLED: 'true' });
    expect(open.authDisabled).toBe(true);
    expect(open.apiKeys).toEqual([]);
  });

  it('applies defaults', () => {
    const c = loadConfig({ API_KEYS: 'abcdefghijklmnopqrstu' });
    expect(c.port).toBe(8080);
    expect(c.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(c.bodyLimits).toEqual({ correct: 1024 ** 2, document: 5 * 1024 ** 2, batch: 5 * 1024 ** 2 });
    expect(c.queuePrefix).toBe('unsmudge');
    expect(c.logLevel).toBe('info');
    expect(c.apiKeys[0].principal).toMatch(/^key-[0-9a-f]{12}$/);
  });

  it('parses named keys, sizes and numbers, and names bad values', () => {
    const c = loadConfig({ API_KEYS: 'ci:abcdefghijklmnopqrstu, ci:zyxwvutsrqponmlkjih', BODY_LIMIT: '256kb', PORT: '9000' });
    expect(c.apiKeys.map((k) => k.principal)).toEqual(['ci', 'ci']);
    expect(c.bodyLimits.correct).toBe(256 * 1024);
    expect(c.port).toBe(9000);
    expect(() => loadConfig({ AUTH_DISABLED: 'true', PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ AUTH_DISABLED: 'true', BODY_LIMIT: 'lots' })).toThrow(/BODY_LIMIT: not a size/);
    expect(() => loadConfig({ AUTH_DISABLED: 'maybe' })).toThrow(/AUTH_DISABLED/);
    expect(() => loadConfig({ API_KEYS: 'short' })).toThrow(/at least 16 characters/);
    expect(() => loadConfig({ AUTH_DISABLED: 'true', QUEUE_PREFIX: 'a:b' })).toThrow(/QUEUE_PREFIX/);
  });

  it('parseSize and parseApiKeys', () => {
    expect(parseSize('5mb')).toBe(5 * 1024 * 1024);
    expect(parseSize('1024')).toBe(1024);
    expect(() => parseSize('5 parsecs')).toThrow();
    expect(parseApiKeys(' , a:b ,')).toEqual([{ principal: 'a', secret: 'b' }]);
  });
});
