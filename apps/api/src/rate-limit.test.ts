import { describe, expect, it } from 'vitest';

import { TokenBucketLimiter } from './rate-limit.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refills at the configured rate, per key', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    const denied = limiter.take('a');
    expect(denied).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now += 1_000; // one token per second
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    now += 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
  });

  it('tells how long to wait when the rate is slow', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 2, burst: 1, now: () => now });
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 30 });
    now += 10_000;
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 20 });
  });

  it('drops idle buckets instead of growing without bound', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60, burst: 1, now: () => now, maxBuckets: 10 });
    for (let i = 0; i < 10; i++) limiter.take(`ip-${i}`);
    now += 5_000;
    limiter.take('newcomer');
    expect(limiter.size).toBe(1);
  });
});
