import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { createServer } from '../server.js';
import { createFakeCorrector } from '../testing/fake-corrector.js';
import { FakeJobQueue } from '../testing/fake-job-queue.js';
import { OTHER_KEY, auth, testConfig } from '../testing/test-config.js';

function setup() {
  const queue = new FakeJobQueue();
  const app = createServer({ config: testConfig(), corrector: createFakeCorrector(), queue });
  return { app, queue };
}

describe('/v1/jobs/:id', () => {
  it('reports state, then the result or the failure reason', async () => {
    const { app, queue } = setup();
    const { body } = await request(app).post('/v1/documents').set(auth()).send({ id: 'd1', text: 'Tbe c4t', metadata: { page: 3 } });
    const waiting = await request(app).get(body.statusUrl).set(auth());
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({ jobId: body.jobId, documentId: 'd1', state: 'waiting', chars: 7, metadata: { page: 3 }, attempts: { made: 0, max: 3 } });
    expect(waiting.body.result).toBeUndefined();

    const result = { documentId: 'd1', text: 'The cat', edits: [], chunks: [{ index: 0, start: 0, end: 7, text: 'The cat', embedding: [0.1, 0.2] }], stats: { chars: 7, edits: 1, cleanMs: 1, embedMs: 2 } };
    queue.settle(body.jobId, 'completed', { result });
    const done = await request(app).get(body.statusUrl).set(auth());
    expect(done.body).toMatchObject({ state: 'completed', progress: 100, result });

    queue.settle(body.jobId, 'failed', { failedReason: 'callbackUrl resolves to a private address' });
    const failed = await request(app).get(body.statusUrl).set(auth());
    expect(failed.body).toMatchObject({ state: 'failed', error: { reason: 'callbackUrl resolves to a private address' } });
  });

  it('404 for unknown ids, malformed ids and other callers’ jobs', async () => {
    const { app } = setup();
    const { body } = await request(app).post('/v1/documents').set(auth()).send({ text: 'mine' });
    for (const [url, key] of [[`/v1/jobs/doc_${'0'.repeat(40)}`, undefined], ['/v1/jobs/..%2Fetc', undefined], [body.statusUrl, OTHER_KEY]] as const) {
      const res = await request(app).get(url).set(auth(key));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not-found');
    }
  });

  it('DELETE cancels a waiting job; 409 when active or finished; 404 when unknown', async () => {
    const { app, queue } = setup();
    const a = (await request(app).post('/v1/documents').set(auth()).send({ text: 'a' })).body;
    const b = (await request(app).post('/v1/documents').set(auth()).send({ text: 'b' })).body;
    const c = (await request(app).post('/v1/documents').set(auth()).send({ text: 'c' })).body;
    const cancelled = await request(app).delete(a.statusUrl).set(auth());
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ jobId: a.jobId, state: 'cancelled' });
    expect((await request(app).get(a.statusUrl).set(auth())).status).toBe(404);
    expect((await request(app).delete(a.statusUrl).set(auth())).status).toBe(404);

    queue.settle(b.jobId, 'active');
    const active = await request(app).delete(b.statusUrl).set(auth());
    expect(active.status).toBe(409);
    expect(active.body.error.message).toMatch(/being processed/);
    queue.settle(c.jobId, 'completed');
    expect((await request(app).delete(c.statusUrl).set(auth())).body.error.message).toMatch(/already completed/);
  });
});
