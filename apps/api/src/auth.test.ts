import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { createLogger } from './logger.js';
import { createServer } from './server.js';
import { createFakeCorrector } from './testing/fake-corrector.js';
import { FakeJobQueue } from './testing/fake-job-queue.js';
import { TEST_KEY, auth, testConfig } from './testing/test-config.js';

const body = { text: 'Tbe c4t' };

describe('API keys', () => {
  const app = createServer({ config: testConfig(), corrector: createFakeCorrector(), queue: new FakeJobQueue() });

  it('requires a valid Bearer key on /v1 routes', async () => {
    const missing = await request(app).post('/v1/correct').send(body);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'unauthorized', message: expect.stringMatching(/missing Authorization header/) });
    const basic = await request(app).post('/v1/correct').set('Authorization', 'Basic dXNlcjpwYXNz').send(body);
    expect(basic.body.error.message).toMatch(/must be "Bearer <API key>"/);
    const wrong = await request(app).post('/v1/correct').set(auth('not-a-real-key-0000000')).send(body);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe('API key is not valid');
    const prefix = await request(app).post('/v1/correct').set(auth(TEST_KEY.slice(0, -1))).send(body);
    expect(prefix.status).toBe(401);
    expect((await request(app).post('/v1/correct').set(auth()).send(body)).status).toBe(200);
    for (const path of ['/v1/jobs/x', '/v1/batches/x']) expect((await request(app).get(path)).status).toBe(401);
  });

  it('leaves health, readiness, metrics and the OpenAPI document open', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics', '/openapi.json']) expect((await request(app).get(path)).status).toBe(200);
  });

  it('is open only with AUTH_DISABLED=true', async () => {
    const open = createServer({ config: testConfig({ AUTH_DISABLED: 'true', API_KEYS: '' }), corrector: createFakeCorrector(), queue: new FakeJobQueue() });
    expect((await request(open).post('/v1/correct').send(body)).status).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits each key separately with a token bucket: 429, Retry-After and a JSON body', async () => {
    let now = 0;
    const app = createServer({
      config: testConfig({ RATE_LIMIT_PER_MINUTE: '6', RATE_LIMIT_BURST: '2' }),
      corrector: createFakeCorrector(),
      queue: new FakeJobQueue(),
      now: () => now,
    });
    const hit = (key?: string) => request(app).post('/v1/correct').set(auth(key)).send(body);
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(200);
    const limited = await hit();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('10');
    expect(limited.body.error).toMatchObject({ code: 'rate-limited', message: expect.stringMatching(/6 requests per minute \(burst 2\) exceeded; retry in 10 s/) });
    expect((await hit('other-key-0123456789abcdef')).status).toBe(200);
    now += 10_000;
    expect((await hit()).status).toBe(200);
    expect((await hit()).status).toBe(429);
  });
});

describe('failed authentication', () => {
  it('answers 429 after 30 failures a minute from one address; valid keys still pass', async () => {
    let now = 0;
    const app = createServer({ config: testConfig(), corrector: createFakeCorrector(), queue: new FakeJobQueue(), now: () => now });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await request(app).post('/v1/correct').set(auth('wrong-key-000000000000')).send(body)).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    const limited = await request(app).post('/v1/correct').send(body);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/missing or invalid API key/);
    expect(statuses[30]).toBe(429);
    expect((await request(app).post('/v1/correct').set(auth()).send(body)).status).toBe(200);
    now += 60_000;
    expect((await request(app).post('/v1/correct').set(auth('wrong-key-000000000000')).send(body)).status).toBe(401);
  });
});

describe('request logs', () => {
  it('log route, status, ms and sizes, never the text', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    const app = createServer({ config: testConfig(), corrector: createFakeCorrector(), queue: new FakeJobQueue(), logger });
    const secret = 'Tbe confidential c4t';
    await request(app).post('/v1/correct').set(auth()).send({ text: secret });
    await request(app).post('/v1/documents').set(auth()).send({ text: secret, id: 'd' });
    await request(app).post('/v1/correct').set(auth()).send({ text: `${secret}\u0000` });
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0]);
    expect(first).toMatchObject({ level: 'info', msg: 'request', method: 'POST', route: '/v1/correct', status: 200, principal: 'tester', chars: 20, edits: 2 });
    expect(first.reqBytes).toBeGreaterThan(20);
    expect(typeof first.ms).toBe('number');
    expect(JSON.parse(lines[2]).status).toBe(400);
    for (const line of lines) {
      expect(line).not.toContain('confidential');
      expect(line).not.toContain(TEST_KEY);
    }
  });
});
