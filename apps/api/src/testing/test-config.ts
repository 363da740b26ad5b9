import { loadConfig } from '../config.js';
import type { ApiConfig } from '../config.js';

export const TEST_KEY = 'test-key-0123456789abcdef';
export const OTHER_KEY = 'other-key-0123456789abcdef';

/** Config as index.ts would build it from env, for tests (two keys: "tester" and "other"). */
export function testConfig(env: Record<string, string> = {}): ApiConfig {
  return loadConfig({ API_KEYS: `tester:${TEST_KEY},other:${OTHER_KEY}`, LOG_LEVEL: 'silent', RATE_LIMIT_BURST: '1000', RATE_LIMIT_PER_MINUTE: '60000', ...env });
}

export const auth = (key = TEST_KEY) => ({ Authorization: `Bearer ${key}` });
