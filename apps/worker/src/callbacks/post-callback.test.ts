import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CallbackDeliveryError, CallbackRefusedError } from '../errors.js';
import { postCallback } from './post-callback.js';
import { verifySignature } from './sign.js';
import { CallbackAllowlist } from './ssrf-guard.js';

const SECRET = 'test-secret-0123456789';
interface Seen { body: string; signature?: string; delivery?: string }

async function server(statuses: number[]): Promise<{ url: string; seen: Seen[]; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  const srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('utf8')));
    req.on('end', () => {
      seen.push({ body, signature: req.headers['x-unsmudge-signature'] as string, delivery: req.headers['x-unsmudge-delivery'] as string });
      const status = statuses[Math.min(seen.length - 1, statuses.length - 1)]!;
      if (status === 0) { req.socket.destroy(); return; }
      res.writeHead(status, { location: 'http://127.0.0.1:1/elsewhere' }).end();
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/hook`, seen, close: () => new Promise((r) => srv.close(() => r())) };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(closers.splice(0).map((c) => c())); });

function opts(extra: Partial<Parameters<typeof postCallback>[2]> = {}) {
  const delays: number[] = [];
  return {
    delays,
    o: {
      secret: SECRET, allowlist: new CallbackAllowlist(['127.0.0.1']), attempts: 4, backoffMs: 100, timeoutMs: 2000,
      sleep: async (ms: number) => { delays.push(ms); }, headers: { 'X-Unsmudge-Delivery': 'job-1' }, ...extra,
    },
  };
}

describe('postCallback', () => {
  it('delivers a signed body on the first try', async () => {
    const s = await server([204]); closers.push(s.close);
    const { o, delays } = opts();
    const r = await postCallback(s.url, { hello: 'wörld' }, o);
    expect(r).toEqual({ status: 204, attempts: 1 });
    expect(delays).toEqual([]);
    expect(JSON.parse(s.seen[0]!.body)).toEqual({ hello: 'wörld' });
    expect(verifySignature(s.seen[0]!.body, SECRET, s.seen[0]!.signature)).toBe(true);
    expect(s.seen[0]!.delivery).toBe('job-1');
  });

  it('retries 5xx, 429 and dropped connections with exponential backoff', async () => {
    const s = await server([503, 0, 429, 200]); closers.push(s.close);
    const { o, delays } = opts();
    const failures: number[] = [];
    const r = await postCallback(s.url, { n: 1 }, { ...o, onAttemptFailed: (a) => failures.push(a) });
    expect(r).toEqual({ status: 200, attempts: 4 });
    expect(failures).toEqual([1, 2, 3]);
    expect(delays).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(100); expect(delays[0]).toBeLessThanOrEqual(120);
    expect(delays[1]).toBeGreaterThanOrEqual(200); expect(delays[1]).toBeLessThanOrEqual(240);
    expect(delays[2]).toBeGreaterThanOrEqual(400); expect(delays[2]).toBeLessThanOrEqual(480);
    // Every try carries the same body and signature.
    expect(new Set(s.seen.map((x) => x.signature)).size).toBe(1);
  });

  it('gives up after the last attempt with CallbackDeliveryError', async () => {
    const s = await server([500]); closers.push(s.close);
    const { o } = opts({ attempts: 3 });
    const err = await postCallback(s.url, {}, o).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallbackDeliveryError);
    expect((err as CallbackDeliveryError).attempts).toBe(3);
    expect((err as CallbackDeliveryError).lastStatus).toBe(500);
    expect(s.seen).toHaveLength(3);
  });

  it('does not retry a final 4xx and does not follow redirects', async () => {
    const s = await server([400]); closers.push(s.close);
    await expect(postCallback(s.url, {}, opts().o)).rejects.toMatchObject({ attempts: 1, lastStatus: 400 });
    const r = await server([302]); closers.push(r.close);
    await expect(postCallback(r.url, {}, opts().o)).rejects.toMatchObject({ attempts: 1, lastStatus: 302 });
    expect(r.seen).toHaveLength(1);
  });

  it('times out a receiver that never answers, then retries', async () => {
    const srv = http.createServer(() => { /* never responds */ });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => { srv.closeAllConnections(); srv.close(() => r()); }));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`;
    const err = await postCallback(url, {}, opts({ attempts: 2, timeoutMs: 200 }).o).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CallbackDeliveryError);
    expect((err as Error).message).toMatch(/timed out/);
  });

  it('refuses loopback when not allow-listed, before sending anything', async () => {
    const s = await server([200]); closers.push(s.close);
    await expect(postCallback(s.url, {}, opts({ allowlist: new CallbackAllowlist([]) }).o)).rejects.toBeInstanceOf(CallbackRefusedError);
    expect(s.seen).toHaveLength(0);
  });

  it('connects to the checked address even when the name would now resolve elsewhere', async () => {
    const s = await server([200]); closers.push(s.close);
    const port = new URL(s.url).port;
    let calls = 0;
    const resolve = async () => { calls++; return [{ address: '127.0.0.1', family: 4 as const }]; };
    const r = await postCallback(`http://hooks.test:${port}/hook`, { ok: true },
      opts({ allowlist: new CallbackAllowlist(['127.0.0.0/8']), resolve }).o);
    expect(r.status).toBe(200);
    expect(calls).toBe(1);
  });
});
