import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { RateLimitedError } from './errors.js';

export interface TokenBucketOptions {
  /** Tokens added per minute (sustained requests per minute). */
  perMinute: number;
  /** Bucket size: requests allowed at once after a quiet spell. */
  burst: number;
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
  /** Buckets kept before full (idle) ones are pruned. */
  maxBuckets?: number;
}

export type TakeResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** In-memory token bucket per key (one process; buckets of idle keys are dropped). */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly now: () => number;
  private readonly maxBuckets: number;

  constructor(private readonly options: TokenBucketOptions) {
    this.perMs = options.perMinute / 60_000;
    this.now = options.now ?? Date.now;
    this.maxBuckets = options.maxBuckets ?? 10_000;
  }

  take(key: string, cost = 1): TakeResult {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.maxBuckets) this.prune(now);
      bucket = { tokens: this.options.burst, updatedAt: now };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
      bucket.updatedAt = now;
    }
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - bucket.tokens) / this.perMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.options.burst) this.buckets.delete(key);
    }
  }
}

/** 429 with Retry-After once the caller's bucket is empty; keyed by principal (or IP without one). */
export function createRateLimit(limiter: TokenBucketLimiter, limit: { perMinute: number; burst: number }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const key = req.principal && req.principal !== 'anonymous' ? `key:${req.principal}` : `ip:${req.ip ?? 'unknown'}`;
    const result = limiter.take(key);
    res.setHeader('X-RateLimit-Limit', `${limit.perMinute};w=60;burst=${limit.burst}`);
    if (result.ok) {
      res.setHeader('X-RateLimit-Remaining', String(result.remaining));
      next();
      return;
    }
    res.setHeader('X-RateLimit-Remaining', '0');
    next(
      new RateLimitedError(
        `rate limit of ${limit.perMinute} requests per minute (burst ${limit.burst}) exceeded; retry in ${result.retryAfterSeconds} s`,
        result.retryAfterSeconds,
      ),
    );
  };
}

/** For createAuth's onFailure: after `burst` failed attempts from one IP, further failures answer 429. */
export function authFailureLimit(limiter: TokenBucketLimiter, limit: { perMinute: number; burst: number }) {
  return (req: Request): RateLimitedError | undefined => {
    const result = limiter.take(`authfail:${req.ip ?? 'unknown'}`);
    if (result.ok) return undefined;
    return new RateLimitedError(
      `too many requests with a missing or invalid API key from this address (${limit.perMinute} per minute); retry in ${result.retryAfterSeconds} s`,
      result.retryAfterSeconds,
    );
  };
}
