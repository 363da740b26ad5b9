import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { jobIdFor } from '@unsmudge/jobs';

import { createServer } from '../server.js';
import { createFakeCorrector } from '../testing/fake-corrector.js';
import { FakeJobQueue } from '../testing/fake-job-queue.js';
import { OTHER_KEY, auth, testConfig } from '../testing/test-config.js';

function setup(env: Record<string, string> = {}) {
  const queue = new FakeJobQueue();
  const app = createServer({ config: testConfig(env), corrector: createFakeCorrector(), queue });
  return { app, queue };
}
type App = ReturnType<typeof setup>['app'];
const submit = (app: App, body: unknown, key?: string) => request(app).post('/v1/documents').set(auth(key)).send(body as object);

describe('POST /v1/documents', () => {
  it('queues a document: 202 with jobId and statusUrl, payload as the worker expects', async () => {
    const { app, queue } = setup();
    const res = await submit(app, { id: 'kb/42', text: 'Tbe c4t', metadata: { source: 'scan' }, embed: true, callbackUrl: 'https://kb.example/hook', options: { threshold: 0.7 } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ jobId: jobIdFor('kb/42', 'tester'), documentId: 'kb/42', state: 'waiting', created: true, statusUrl: `/v1/jobs/${res.body.jobId}` });
    expect(res.headers.location).toBe(res.body.statusUrl);
    const job = queue.jobs.get(res.body.jobId)!;
    expect(job.data).toMatchObject({ documentId: 'kb/42', text: 'Tbe c4t', embed: true, submittedBy: 'tester', callbackUrl: 'https://kb.example/hook', options: { threshold: 0.7 } });
    expect(job.data.contentHash).toMatch(/^sha256-/);
  });

  it('is idempotent by id and by content', async () => {
    const { app, queue } = setup();
    const first = await submit(app, { id: 'doc-1', text: 'Tbe c4t' });
    const again = await submit(app, { id: 'doc-1', text: 'Tbe c4t' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ jobId: first.body.jobId, created: false });

    const anon1 = await submit(app, { text: 'no id here' });
    const anon2 = await submit(app, { text: 'no id here' });
    expect(anon1.status).toBe(202);
    expect(anon2.status).toBe(200);
    expect(anon2.body.jobId).toBe(anon1.body.jobId);
    expect(anon1.body.documentId).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect((await submit(app, { text: 'no id here', embed: true })).status).toBe(202);
    expect(queue.jobs.size).toBe(3);
  });

  it('an id reused with new content: 409 while pending, replaces the job once finished', async () => {
    const { app, queue } = setup();
    const first = await submit(app, { id: 'doc-1', text: 'version one' });
    const clash = await submit(app, { id: 'doc-1', text: 'version two' });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'conflict' });
    expect(clash.body.error.message).toMatch(/"doc-1" \(waiting\) is already queued with different content/);
    queue.settle(first.body.jobId, 'completed', { result: { text: 'version one' } });
    const replaced = await submit(app, { id: 'doc-1', text: 'version two' });
    expect(replaced.status).toBe(202);
    expect(replaced.body.jobId).toBe(first.body.jobId);
    expect(queue.jobs.get(first.body.jobId)!.data.text).toBe('version two');
  });

  it('the same content after a failure is queued again', async () => {
    const { app, queue } = setup();
    const first = await submit(app, { id: 'doc-1', text: 'flaky' });
    queue.settle(first.body.jobId, 'failed', { failedReason: 'callback refused' });
    const retry = await submit(app, { id: 'doc-1', text: 'flaky' });
    expect(retry.status).toBe(202);
    expect(retry.body).toMatchObject({ jobId: first.body.jobId, created: true, state: 'waiting' });
    expect(queue.jobs.get(first.body.jobId)!.state).toBe('waiting');
  });

  it('keeps callers apart: the same id from two keys makes two jobs', async () => {
    const { app } = setup();
    const mine = await submit(app, { id: 'doc-1', text: 'a' });
    const theirs = await submit(app, { id: 'doc-1', text: 'a' }, OTHER_KEY);
    expect(theirs.status).toBe(202);
    expect(theirs.body.jobId).not.toBe(mine.body.jobId);
  });

  it('validates: empty text, unknown fields, callbackUrl scheme, huge body, control characters', async () => {
    const { app } = setup();
    const cases: [unknown, RegExp][] = [
      [{ text: '' }, /body.text: text must not be empty/],
      [{ text: '  \n ' }, /body.text: text must not be empty/],
      [{ id: 'x' }, /body.text/],
      [{ text: 'a', callback_url: 'https://x' }, /Unrecognized key.*callback_url/],
      [{ text: 'a', callbackUrl: 'ftp://example.com/x' }, /callbackUrl must be an absolute http:\/\/ or https:\/\/ URL/],
      [{ text: 'a', callbackUrl: 'javascript:alert(1)' }, /callbackUrl must be/],
      [{ text: 'a', callbackUrl: '/relative' }, /callbackUrl must be/],
      [{ text: 'a', id: '' }, /id must not be empty/],
      [{ text: 'a', embed: 'yes' }, /body.embed/],
      [{ text: 'a', options: { threshold: 2 } }, /body.options.threshold/],
      [{ text: 'bell\u0007' }, /control character U\+0007 at offset 4/],
      [['not', 'an', 'object'], /body/],
    ];
    for (const [body, message] of cases) {
      const res = await submit(app, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation-failed');
      expect(res.body.error.message).toMatch(message);
    }
    const big = await request(app).post('/v1/documents').set(auth()).set('Content-Type', 'application/json').send(JSON.stringify({ text: 'a'.repeat(10 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload-too-large');
    const raw = (b: unknown) => b as string;
    const bad = await request(app).post('/v1/documents').set(auth()).set('Content-Type', 'application/json').serialize(raw).send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(bad.body.error.code).toBe('invalid-encoding');
  });

  it('accepts CJK, RTL, emoji and a 50,000-character word as they are', async () => {
    const { app, queue } = setup();
    const text = `東京 مرحبا 👩‍💻 ${'y'.repeat(50_000)}`;
    const res = await submit(app, { text });
    expect(res.status).toBe(202);
    expect(queue.jobs.get(res.body.jobId)!.data.text).toBe(text);
  });

  it('answers 503 queue-unavailable when Redis is down, and recovers', async () => {
    const { app, queue } = setup();
    queue.ready = false;
    const down = await submit(app, { text: 'hello' });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('queue-unavailable');
    expect(down.headers['retry-after']).toBe('5');
    queue.ready = true;
    expect((await submit(app, { text: 'hello' })).status).toBe(202);
  });
});
