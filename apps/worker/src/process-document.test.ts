import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DocumentResultSchema } from '@unsmudge/jobs';
import { UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { verifySignature } from './callbacks/sign.js';
import { type DocumentDeps, type DocumentJobContext, type DocumentProgress, processDocument } from './process-document.js';
import { createFakeCorrector } from './testing/fake-corrector.js';
import { createFakeEmbedder } from './testing/fake-embedder.js';

const SECRET = 'unit-test-secret-123456';

function job(data: unknown) {
  const progress: DocumentProgress[] = [];
  const logs: string[] = [];
  const ctx: DocumentJobContext = {
    id: 'doc_test',
    data,
    updateProgress: async (p) => void progress.push(p),
    log: async (l) => void logs.push(l),
  };
  return { ctx, progress, logs };
}

function deps(extra: Partial<DocumentDeps> = {}) {
  const corrector = createFakeCorrector();
  const embedder = createFakeEmbedder();
  const d: DocumentDeps = {
    getCorrector: async () => corrector,
    getEmbedder: async () => embedder,
    embeddingEnabled: true,
    chunking: { targetChars: 60, maxChars: 80 },
    callback: { secret: SECRET, allowlist: ['127.0.0.1'], attempts: 3, backoffMs: 1, timeoutMs: 2000 },
    progressIntervalMs: 0,
    ...extra,
  };
  return { d, corrector, embedder };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => { await Promise.all(closers.splice(0).map((c) => c())); });

describe('processDocument: payload validation', () => {
  it.each([
    [{}, /documentId/],
    [{ documentId: '', text: 'x' }, /documentId/],
    [{ documentId: 'a', text: 42 }, /text/],
    [{ documentId: 'a', text: 'x', embed: 'yes' }, /embed/],
    [{ documentId: 'a', text: 'x', callbackUrl: 'not a url' }, /callbackUrl/],
    [{ documentId: 'a', text: 'x', options: { threshold: 2 } }, /options.threshold/],
    [{ documentId: 'a', text: 'x', surprise: true }, /surprise|Unrecognized/i],
    [null, /payload/],
  ])('fails at once with UnrecoverableError naming the problem: %j', async (data, reason) => {
    const { d, corrector } = deps();
    const err = await processDocument(job(data).ctx, d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toMatch(/^invalid document payload: /);
    expect((err as Error).message).toMatch(reason);
    expect(corrector.calls).toBe(0);
  });

  it('refuses a private callback URL before any cleaning', async () => {
    const { d, corrector } = deps({ callback: { secret: SECRET, allowlist: [], attempts: 1, backoffMs: 1, timeoutMs: 100 } });
    const err = await processDocument(job({ documentId: 'a', text: 'x', callbackUrl: 'http://169.254.169.254/' }).ctx, d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toMatch(/CALLBACK_ALLOWLIST/);
    expect(corrector.calls).toBe(0);
  });

  it('refuses a callback when no secret is configured, and embedding when the provider is none', async () => {
    const noSecret = deps({ callback: { allowlist: [], attempts: 1, backoffMs: 1, timeoutMs: 100 } }).d;
    await expect(processDocument(job({ documentId: 'a', text: 'x', callbackUrl: 'https://example.com/' }).ctx, noSecret)).rejects.toThrow(/CALLBACK_SECRET/);
    const none = deps({ embeddingEnabled: false, getEmbedder: async () => undefined }).d;
    await expect(processDocument(job({ documentId: 'a', text: 'x', embed: true }).ctx, none)).rejects.toThrow(UnrecoverableError);
  });
});

describe('processDocument: cleaning and embedding', () => {
  const text = '  Tbe c4t sat 0n the rnat.\n\nSecond paragraph, nothing wrong here at all.\n\n\nThird: tbe qnick sbeep, see https://ex.com/0n?x=1\n';

  it('cleans chunk by chunk, keeps whitespace, shifts edits to document offsets', async () => {
    const { d } = deps();
    const { ctx, progress } = job({ documentId: 'doc-1', text, metadata: { source: 'unit' } });
    const r = await processDocument(ctx, d);
    expect(DocumentResultSchema.parse(r)).toEqual(r);
    expect(r.text).toBe('  The cat sat on the mat.\n\nSecond paragraph, nothing wrong here at all.\n\n\nThird: the quick sheep, see https://ex.com/on?x=1\n');
    expect(r.documentId).toBe('doc-1');
    expect(r.metadata).toEqual({ source: 'unit' });
    expect(r.chunks.length).toBeGreaterThanOrEqual(2);
    for (const c of r.chunks) expect(r.text.slice(c.start, c.end)).toBe(c.text);
    for (const e of r.edits) expect(text.slice(e.start, e.end)).toBe(e.original);
    expect(r.edits.map((e) => e.replacement)).toEqual(['The', 'cat', 'on', 'mat', 'the', 'quick', 'sheep', 'on']);
    expect(r.stats.chars).toBe(text.length);
    expect(r.stats.edits).toBe(8);
    expect(r.embedding).toBeUndefined();
    expect(r.chunks.every((c) => c.embedding === undefined)).toBe(true);
    const percents = progress.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ phase: 'done', done: 1, total: 1, percent: 100 });
  });

  it('passes protected terms and threshold through', async () => {
    const { d } = deps();
    const r = await processDocument(job({ documentId: 'x', text: 'Tbe c4t', options: { protectedTerms: ['c4t'] } }).ctx, d);
    expect(r.text).toBe('The c4t');
    const strict = await processDocument(job({ documentId: 'x', text: 'Tbe c4t', options: { threshold: 0.95 } }).ctx, d);
    expect(strict.text).toBe('Tbe c4t');
  });

  it('embeds the cleaned chunks when asked', async () => {
    const { d, embedder } = deps();
    const { ctx, progress } = job({ documentId: 'doc-2', text, embed: true });
    const r = await processDocument(ctx, d);
    expect(r.embedding).toEqual({ provider: 'fake', model: 'letter-counts', dimensions: 26 });
    expect(embedder.calls).toEqual([r.chunks.map((c) => c.text)]);
    for (const c of r.chunks) expect(c.embedding).toHaveLength(26);
    expect(progress.some((p) => p.phase === 'embedding')).toBe(true);
  });

  it('returns an empty result for an empty document', async () => {
    const { d } = deps();
    const r = await processDocument(job({ documentId: 'e', text: '\n\n  ', embed: true }).ctx, d);
    expect(r.text).toBe('\n\n  ');
    expect(r.chunks).toEqual([]);
    expect(r.edits).toEqual([]);
  });
});

describe('processDocument: callbacks', () => {
  async function receiver(status: number) {
    const seen: { body: string; sig?: string; delivery?: string }[] = [];
    const srv = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ body, sig: req.headers['x-unsmudge-signature'] as string, delivery: req.headers['x-unsmudge-delivery'] as string });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => srv.close(() => r())));
    return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/hook`, seen };
  }

  it('POSTs the signed result to the callback URL', async () => {
    const { url, seen } = await receiver(200);
    const { d } = deps();
    const { ctx, logs } = job({ documentId: 'cb-1', text: 'Tbe c4t', callbackUrl: url, batchId: 'b1' });
    const r = await processDocument(ctx, d);
    expect(seen).toHaveLength(1);
    expect(verifySignature(seen[0]!.body, SECRET, seen[0]!.sig)).toBe(true);
    expect(seen[0]!.delivery).toBe('doc_test');
    expect(JSON.parse(seen[0]!.body)).toEqual({ event: 'document.completed', jobId: 'doc_test', documentId: 'cb-1', batchId: 'b1', result: r });
    expect(logs.join('\n')).toMatch(/callback delivered \(HTTP 200, 1 attempt/);
  });

  it('keeps the result when the callback keeps failing, and logs every attempt', async () => {
    const { url, seen } = await receiver(503);
    const { d } = deps();
    const { ctx, logs } = job({ documentId: 'cb-2', text: 'Tbe c4t', callbackUrl: url });
    const r = await processDocument(ctx, d);
    expect(r.text).toBe('The cat');
    expect(seen).toHaveLength(3);
    expect(logs.filter((l) => l.startsWith('callback attempt'))).toHaveLength(3);
    expect(logs.at(-1)).toMatch(/callback not delivered: .*after 3 attempt/);
  });
});
