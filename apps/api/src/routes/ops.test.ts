import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { registeredRoutes } from '../error-middleware.js';
import { createServer } from '../server.js';
import { createFakeCorrector } from '../testing/fake-corrector.js';
import { FakeJobQueue } from '../testing/fake-job-queue.js';
import { auth, testConfig } from '../testing/test-config.js';

function setup() {
  const queue = new FakeJobQueue();
  let loaded: ReturnType<typeof createFakeCorrector> | undefined = createFakeCorrector();
  const app = createServer({ config: testConfig(), corrector: () => loaded, queue });
  return { app, queue, unload: () => (loaded = undefined) };
}

/** Every (method, path) registered on the app, with Express ":id" params written as OpenAPI "{id}". */
function routeKeys(app: Express): string[] {
  return registeredRoutes(app).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
}

describe('ops routes', () => {
  it('/openapi.json describes every registered route, and nothing else', async () => {
    const { app } = setup();
    const res = await request(app).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const described = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = routeKeys(app);
    expect(registered.length).toBeGreaterThanOrEqual(11);
    expect(described.sort()).toEqual(registered.sort());
    for (const op of Object.values(res.body.paths as Record<string, Record<string, { responses: object }>>).flatMap((o) => Object.values(o))) {
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
    }
    // Every $ref resolves.
    const refs = JSON.stringify(res.body).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of new Set(refs)) expect(res.body.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
  });

  it('/healthz always answers; /readyz needs Redis and the model', async () => {
    const { app, queue, unload } = setup();
    expect((await request(app).get('/healthz')).body.status).toBe('ok');
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', checks: { redis: { ok: true }, model: { ok: true, checkpoint: 'fake' } } });
    queue.ready = false;
    const noRedis = await request(app).get('/readyz');
    expect(noRedis.status).toBe(503);
    expect(noRedis.body.checks.redis.ok).toBe(false);
    queue.ready = true;
    unload();
    const noModel = await request(app).get('/readyz');
    expect(noModel.status).toBe(503);
    expect(noModel.body.checks.model).toEqual({ ok: false, reason: 'loading' });
    expect((await request(app).get('/metrics')).text).toMatch(/unsmudge_api_model_loaded 0/);
  });

  it('/metrics counts requests by route template and status, and shows queue depth', async () => {
    const { app } = setup();
    await request(app).post('/v1/correct').set(auth()).send({ text: 'Tbe' });
    await request(app).post('/v1/documents').set(auth()).send({ text: 'x' });
    await request(app).get(`/v1/jobs/doc_${'1'.repeat(40)}`).set(auth());
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/unsmudge_api_http_requests_total\{method="POST",route="\/v1\/correct",status="200"\} 1/);
    expect(res.text).toMatch(/unsmudge_api_http_requests_total\{method="GET",route="\/v1\/jobs\/:id",status="404"\} 1/);
    expect(res.text).toMatch(/unsmudge_api_http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/v1\/correct",status="200"\}/);
    expect(res.text).toMatch(/unsmudge_queue_jobs\{state="waiting"\} 1/);
    expect(res.text).toMatch(/unsmudge_api_redis_up 1/);
    expect(res.text).toMatch(/unsmudge_api_edits_total 1/);
    expect(res.text).toMatch(/unsmudge_api_model_loaded 1/);
  });

  it('a known path with the wrong method answers 405 with Allow; a bad path parameter 400', async () => {
    const { app } = setup();
    const put = await request(app).put('/v1/correct').set(auth()).send({});
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST');
    expect(put.body.error).toMatchObject({ code: 'method-not-allowed', message: 'PUT is not allowed on /v1/correct; use POST' });
    expect((await request(app).post(`/v1/jobs/doc_${'0'.repeat(40)}`).set(auth())).headers.allow).toBe('GET, DELETE');
    const bad = await request(app).get('/v1/jobs/%E0%A4%A').set(auth());
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad-request');
  });

  it('unknown routes answer a JSON 404', async () => {
    const { app } = setup();
    const res = await request(app).get('/v2/nothing');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not-found', message: 'no route GET /v2/nothing; see /openapi.json' });
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  });
});
