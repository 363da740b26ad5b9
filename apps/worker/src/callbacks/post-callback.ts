import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { CallbackDeliveryError } from '../errors.js';
import { type CallbackAllowlist, type CheckedTarget, type Resolver, checkCallbackUrl, systemResolver } from './ssrf-guard.js';
import { SIGNATURE_HEADER, signBody } from './sign.js';

export interface CallbackOptions {
  secret: string;
  allowlist: CallbackAllowlist;
  /** Total tries (>= 1). */
  attempts: number;
  /** Delay before the 2nd try; doubles each time (with up to 20 % jitter). */
  backoffMs: number;
  timeoutMs: number;
  resolve?: Resolver;
  sleep?: (ms: number) => Promise<void>;
  /** Called after each failed try (for job logs). */
  onAttemptFailed?: (attempt: number, reason: string, nextDelayMs: number | undefined) => void;
  /** Extra headers (e.g. delivery id). */
  headers?: Record<string, string>;
  /** Let https accept self-signed certificates (tests only). */
  insecureTls?: boolean;
}

export interface CallbackDelivery {
  status: number;
  attempts: number;
}

interface AttemptOutcome {
  status?: number;
  error?: string;
  retryable: boolean;
}

const sleepMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

function pinnedLookup(target: CheckedTarget): LookupFunction {
  return (_hostname, options, callback) => {
    if (options && (options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else {
      callback(null, target.address, target.family);
    }
  };
}

function postOnce(target: CheckedTarget, body: string, headers: Record<string, string>, opts: CallbackOptions): Promise<AttemptOutcome> {
  return new Promise((resolve) => {
    const lib = target.url.protocol === 'https:' ? https : http;
    const req = lib.request(
      target.url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), ...headers },
        // Connect to the address the SSRF guard checked, not to whatever DNS says now.
        lookup: pinnedLookup(target),
        timeout: opts.timeoutMs,
        ...(opts.insecureTls ? { rejectUnauthorized: false } : {}),
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ status, retryable: false });
          else resolve({ status, error: `HTTP ${status}`, retryable: isRetryableStatus(status) });
        });
        res.on('error', (err) => resolve({ status: res.statusCode, error: err.message, retryable: true }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${opts.timeoutMs} ms`)));
    req.on('error', (err) => resolve({ error: err.message, retryable: true }));
    req.end(body);
  });
}

/**
 * POSTs a JSON body to a callback URL with an HMAC-SHA256 signature header, retrying network
 * errors, timeouts, 408/425/429 and 5xx with exponential backoff. Redirects are not followed.
 * The SSRF guard runs before every try. Throws CallbackRefusedError or CallbackDeliveryError.
 */
export async function postCallback(url: string, payload: unknown, opts: CallbackOptions): Promise<CallbackDelivery> {
  const body = JSON.stringify(payload);
  const headers = { ...opts.headers, [SIGNATURE_HEADER]: signBody(body, opts.secret) };
  const sleep = opts.sleep ?? sleepMs;
  let last: AttemptOutcome = { retryable: true };
  for (let attempt = 1; attempt <= opts.attempts; attempt++) {
    const target = await checkCallbackUrl(url, opts.allowlist, opts.resolve ?? systemResolver);
    last = await postOnce(target, body, headers, opts);
    if (last.status !== undefined && last.status >= 200 && last.status < 300) return { status: last.status, attempts: attempt };
    const more = last.retryable && attempt < opts.attempts;
    const delay = more ? Math.round(opts.backoffMs * 2 ** (attempt - 1) * (1 + Math.random() * 0.2)) : undefined;
    opts.onAttemptFailed?.(attempt, last.error ?? 'unknown error', delay);
    if (!more) {
      throw new CallbackDeliveryError(
        `callback to ${new URL(url).origin} failed after ${attempt} attempt(s): ${last.error ?? 'unknown error'}`,
        attempt,
        last.status,
      );
    }
    await sleep(delay!);
  }
  throw new CallbackDeliveryError('unreachable', opts.attempts, last.status);
}
