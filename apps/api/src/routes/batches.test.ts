import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { createServer } from '../server.js';
import { createFakeCorrector } from '../testing/fake-corrector.js';
import { FakeJobQueue } from '../testing/fake-job-queue.js';
import { OTHER_KEY, auth, testConfig } from '../testing/test-config.js';

function setup(env: Record<string, string> = {}) {
  const queue = new FakeJobQueue();
  const app = createServer({ config: testConfig(env), corrector: createFakeCorrector(), queue });
  return { app, queue };
}

describe('/v1/batches', () => {
  it('takes a JSON array, {documents}, or NDJSON', async () => {
    const { app, queue } = setup();
    const arr = await request(app).post('/v1/batches').set(auth()).send([{ id: 'a', text: 'one' }, { id: 'b', text: 'two' }]);
    expect(arr.status).toBe(202);
    expect(arr.body).toMatchObject({ count: 2, created: 2, existing: 0 });
    expect(arr.body.batchId).toMatch(/^b_[0-9a-f]{32}$/);
    expect(arr.body.documents.map((d: { id: string }) => d.id)).toEqual(['a', 'b']);

    const obj = await request(app).post('/v1/batches').set(auth()).send({ documents: [{ id: 'b', text: 'two' }, { id: 'c', text: 'three' }] });
    expect(obj.body).toMatchObject({ count: 2, created: 1, existing: 1 });

    const ndjson = '{"id":"d","text":"four"}\n\n{"id":"e","text":"five","embed":true}\n';
    const nd = await request(app).post('/v1/batches').set(auth()).set('Content-Type', 'application/x-ndjson').send(ndjson);
    expect(nd.status).toBe(202);
    expect(nd.body.count).toBe(2);
    expect(queue.jobs.size).toBe(5);
    expect([...queue.jobs.values()].find((j) => j.data.documentId === 'e')!.data).toMatchObject({ embed: true, batchId: nd.body.batchId });
  });

  it('validates every document first and queues nothing if one is bad', async () => {
    const { app, queue } = setup({ MAX_BATCH_DOCUMENTS: '3' });
    const bad = await request(app).post('/v1/batches').set(auth()).send([{ text: 'ok' }, { text: '' }, { txt: 'typo' }]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^2 of 3 documents are invalid, nothing was queued; first: documents\.1\.text/);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['documents.1.text', 'documents.2.text', 'documents.2']);
    expect(queue.jobs.size).toBe(0);

    const nd = await request(app).post('/v1/batches').set(auth()).set('Content-Type', 'application/x-ndjson').send('{"text":"ok"}\n{"text": oops}\n');
    expect(nd.status).toBe(400);
    expect(nd.body.error).toMatchObject({ code: 'invalid-json' });
    expect(nd.body.error.message).toMatch(/NDJSON line 2/);

    expect((await request(app).post('/v1/batches').set(auth()).send([])).body.error.message).toBe('the batch holds no documents');
    const tooMany = await request(app).post('/v1/batches').set(auth()).send([{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd' }]);
    expect(tooMany.body.error.message).toMatch(/4 documents; at most 3/);
    const dup = await request(app).post('/v1/batches').set(auth()).send([{ id: 'x', text: 'a' }, { id: 'x', text: 'b' }]);
    expect(dup.body.error.message).toMatch(/documents 0 and 1 share the id "x" but differ in content/);
    const csv = await request(app).post('/v1/batches').set(auth()).set('Content-Type', 'text/csv').send('id,text');
    expect(csv.status).toBe(415);
  });

  it('reports counts and progress, and streams results as NDJSON', async () => {
    const { app, queue } = setup();
    const { body } = await request(app).post('/v1/batches').set(auth()).send([{ id: 'a', text: 'one' }, { id: 'b', text: 'two' }, { id: 'c', text: 'three' }, { id: 'd', text: 'four' }]);
    const [a, b, c, d] = body.documents.map((x: { jobId: string }) => x.jobId);
    queue.settle(a, 'completed', { result: { documentId: 'a', text: 'one' } });
    queue.settle(b, 'failed', { failedReason: 'boom' });
    queue.settle(c, 'active');
    queue.jobs.delete(d);

    const status = await request(app).get(body.statusUrl).set(auth());
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ batchId: body.batchId, count: 4, counts: { waiting: 0, active: 1, completed: 1, failed: 1, missing: 1 }, progress: 0.75, done: false });

    const results = await request(app).get(body.resultsUrl).set(auth()).buffer(true).parse((res, cb) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => cb(null, text));
    });
    expect(results.status).toBe(200);
    expect(results.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = (results.body as string).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: 'a', jobId: a, state: 'completed', result: { documentId: 'a', text: 'one' } },
      { id: 'b', jobId: b, state: 'failed', error: { reason: 'boom' } },
      { id: 'c', jobId: c, state: 'active' },
      { id: 'd', jobId: d, state: 'missing', error: { reason: 'job not found: cancelled or its result expired' } },
    ]);
  });

  it('404 for unknown batches and for other callers', async () => {
    const { app } = setup();
    const { body } = await request(app).post('/v1/batches').set(auth()).send([{ text: 'x' }]);
    expect((await request(app).get(body.statusUrl).set(auth(OTHER_KEY))).status).toBe(404);
    expect((await request(app).get(body.resultsUrl).set(auth(OTHER_KEY))).status).toBe(404);
    const unknown = await request(app).get(`/v1/batches/b_${'f'.repeat(32)}`).set(auth());
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/batch b_f+ not found/);
  });
});
