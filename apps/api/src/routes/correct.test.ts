import { gzipSync } from 'node:zlib';

import request from 'supertest';
import { describe, expect, it } from 'vitest';

import { createServer } from '../server.js';
import { createFakeCorrector } from '../testing/fake-corrector.js';
import { FakeJobQueue } from '../testing/fake-job-queue.js';
import { auth, testConfig } from '../testing/test-config.js';

function setup(env: Record<string, string> = {}, corrector = createFakeCorrector()) {
  const queue = new FakeJobQueue();
  const app = createServer({ config: testConfig(env), corrector, queue });
  return { app, corrector, queue };
}

/** Sends bytes as they are (superagent would JSON-encode a Buffer). */
/** A fake corrector whose `clean` throws an error of this name (the model package's error types are told by name). */
function throwingCorrector(message: string, name?: string) {
  const corrector = createFakeCorrector();
  corrector.clean = async () => {
    const err = new Error(message);
    if (name) err.name = name;
    throw err;
  };
  return corrector;
}

const raw = (body: unknown) => body as string;

const post = (app: ReturnType<typeof setup>['app'], body: unknown) =>
  request(app).post('/v1/correct').set(auth()).send(body as object);

describe('POST /v1/correct', () => {
  it('cleans one text: text, edits with offsets and confidence, stats', async () => {
    const { app } = setup();
    const res = await post(app, { text: 'Tbe c4t sat 0n the rnat.' });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe('The cat sat on the mat.');
    expect(res.body.edits[0]).toEqual({ start: 0, end: 3, original: 'Tbe', replacement: 'The', confidence: 0.9 });
    expect(res.body.edits).toHaveLength(4);
    expect(res.body.stats).toMatchObject({ texts: 1, chars: 24, edits: 4 });
    expect(res.body.stats.ms).toBeGreaterThanOrEqual(0);
    expect(res.body.model).toEqual({ checkpoint: 'fake', backend: 'none' });
  });

  it('cleans several texts and passes options through', async () => {
    const { app } = setup();
    const res = await post(app, { texts: ['Tbe c4t', 'no errors here', ''], options: { protectedTerms: ['c4t'] } });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { text: 'The c4t', edits: [{ start: 0, end: 3, original: 'Tbe', replacement: 'The', confidence: 0.9 }] },
      { text: 'no errors here', edits: [] },
      { text: '', edits: [] },
    ]);
    expect(res.body.stats).toMatchObject({ texts: 3, edits: 1 });
    const strict = await post(app, { text: 'Tbe c4t', options: { threshold: 0.95 } });
    expect(strict.body.text).toBe('Tbe c4t');
  });

  it('answers 503 model-unavailable while the model loads', async () => {
    const app = createServer({ config: testConfig(), corrector: () => undefined, queue: new FakeJobQueue() });
    const res = await post(app, { text: 'hello' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('model-unavailable');
  });

  it('answers 503 model-unavailable while every correction thread is being replaced', async () => {
    const stalled = throwingCorrector('no correction thread is available (restarting after a crash); retry shortly', 'CorrectorUnavailableError');
    const { app } = setup({}, stalled);
    const res = await post(app, { text: 'hello' });
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: 'model-unavailable', message: /restarting after a crash/ });
  });

  it('keeps serving when Redis is down', async () => {
    const { app, queue } = setup();
    queue.ready = false;
    expect((await post(app, { text: 'Tbe c4t' })).body.text).toBe('The cat');
  });
});

describe('POST /v1/correct — bad input', () => {
  it('rejects a request with neither or both of text/texts, and unknown fields', async () => {
    const { app } = setup();
    for (const body of [{}, { text: 'a', texts: ['b'] }, { texts: [] }, { text: 42 }, { text: 'a', threshold: 0.5 }]) {
      const res = await post(app, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation-failed');
      expect(res.body.error.message).toMatch(/^body/);
    }
    const unknown = await post(app, { text: 'a', threshold: 0.5 });
    expect(unknown.body.error.message).toMatch(/threshold/);
  });

  it('empty and whitespace-only text come back unchanged without a model call', async () => {
    const { app, corrector } = setup();
    const res = await post(app, { text: '' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: '', edits: [], stats: { chars: 0, edits: 0 } });
    expect((await post(app, { text: ' \n\t ' })).body.text).toBe(' \n\t ');
    expect(corrector.calls).toHaveLength(0);
  });

  it('answers 413 with a JSON body for a 10 MB body', async () => {
    const { app } = setup();
    const res = await request(app)
      .post('/v1/correct')
      .set(auth())
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'a'.repeat(10 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload-too-large');
    expect(res.body.error.message).toMatch(/larger than the 1048576 bytes/);
  });

  it('answers 413 for more characters than CORRECT_MAX_CHARS, pointing to /v1/documents', async () => {
    const { app } = setup({ CORRECT_MAX_CHARS: '1000' });
    const res = await post(app, { texts: ['a'.repeat(600), 'b'.repeat(600)] });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/1200 characters .* at most 1000 .* \/v1\/documents/);
  });

  it('rejects invalid UTF-8 and binary bodies', async () => {
    const { app } = setup();
    const invalid = Buffer.concat([Buffer.from('{"text":"caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const res = await request(app).post('/v1/correct').set(auth()).set('Content-Type', 'application/json').serialize(raw).send(invalid);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'invalid-encoding', message: 'request body is not valid UTF-8' });

    const binary = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256));
    const asOctets = await request(app).post('/v1/correct').set(auth()).set('Content-Type', 'application/octet-stream').send(binary);
    expect(asOctets.status).toBe(415);
    expect(asOctets.body.error.code).toBe('unsupported-media-type');
    const asJson = await request(app).post('/v1/correct').set(auth()).set('Content-Type', 'application/json').serialize(raw).send(binary);
    expect(asJson.status).toBe(400);
    expect(['invalid-encoding', 'invalid-json']).toContain(asJson.body.error.code);
  });

  it('accepts a gzip body; a corrupt one or an unknown encoding is refused', async () => {
    const { app } = setup();
    const send = (encoding: string, body: Buffer) =>
      request(app).post('/v1/correct').set(auth()).set('Content-Type', 'application/json').set('Content-Encoding', encoding).serialize(raw).send(body);
    const ok = await send('gzip', gzipSync('{"text":"Tbe c4t"}'));
    expect(ok.status).toBe(200);
    expect(ok.body.text).toBe('The cat');
    const corrupt = await send('gzip', Buffer.from('not gzip at all'));
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.error.code).toBe('invalid-encoding');
    expect((await send('br-nope', Buffer.from('{}'))).status).toBe(415);
  });

  it('rejects invalid JSON, an empty body and a wrong content type', async () => {
    const { app } = setup();
    const bad = await request(app).post('/v1/correct').set(auth()).set('Content-Type', 'application/json').send('{"text": "a",}');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-json');
    expect(bad.body.error.message).toMatch(/not valid JSON/);
    const empty = await request(app).post('/v1/correct').set(auth()).set('Content-Type', 'application/json').send('');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/);
    const text = await request(app).post('/v1/correct').set(auth()).set('Content-Type', 'text/plain').send('Tbe c4t');
    expect(text.status).toBe(415);
    expect(text.body.error.message).toMatch(/application\/json \(got text\/plain/);
    const latin1 = await request(app).post('/v1/correct').set(auth()).set('Content-Type', 'application/json; charset=iso-8859-1').send('{"text":"a"}');
    expect(latin1.status).toBe(415);
    expect(latin1.body.error.message).toMatch(/charset iso-8859-1/);
  });

  it('rejects control characters, naming the offset, but keeps tabs and newlines', async () => {
    const { app } = setup();
    const res = await post(app, { texts: ['fine', 'Tbe\u0000c4t'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'body.texts.1: text contains control character U+0000 at offset 3 (allowed controls: tab, line feed, vertical tab, form feed, carriage return)',
    );
    expect((await post(app, { text: 'Tbe\u001bc4t' })).status).toBe(400);
    expect((await post(app, { text: 'lone \ud800' })).body.error.message).toMatch(/unpaired surrogate U\+D800 at offset 5/);
    const ok = await post(app, { text: 'Tbe\tc4t\r\n0n\fthe rnat' });
    expect(ok.status).toBe(200);
    expect(ok.body.text).toBe('The\tcat\r\non\fthe mat');
  });

  it('passes CJK, RTL and emoji text through unchanged, offsets in UTF-16 units', async () => {
    const { app } = setup();
    const texts = ['東京は今日も雨です。', 'مرحبا بالعالم — שלום עולם', '👩‍💻 ships 🚀 code 🇫🇷', 'naïve café, Ünïcödé'];
    const res = await post(app, { texts });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { text: string }) => r.text)).toEqual(texts);
    expect(res.body.stats.edits).toBe(0);
    const mixed = await post(app, { text: '🚀 Tbe c4t' });
    expect(mixed.body.text).toBe('🚀 The cat');
    expect(mixed.body.edits[0]).toMatchObject({ start: 3, end: 6, original: 'Tbe' });
  });

  it('handles a 50,000-character word', async () => {
    const { app } = setup();
    const word = 'x'.repeat(50_000);
    const res = await post(app, { text: `Tbe ${word} c4t` });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(`The ${word} cat`);
  });

  it('maps the model package InputError to 400', async () => {
    const { app } = setup({}, throwingCorrector('text too long', 'InputError'));
    const res = await post(app, { text: 'hello' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('the corrector refused the input: text too long');
  });

  it('answers 500 with a generic JSON body when the corrector crashes', async () => {
    const { app } = setup({}, throwingCorrector('secret internal detail'));
    const res = await post(app, { text: 'hello' });
    expect(res.status).toBe(500);
    expect(res.body.error).toMatchObject({ code: 'internal', message: 'internal server error' });
  });

  it('sheds load with 503 overloaded when too many corrections wait', async () => {
    const { app } = setup({ CORRECT_CONCURRENCY: '1', CORRECT_QUEUE_LIMIT: '0' }, createFakeCorrector({ delayMs: 300 }));
    const [a, b] = await Promise.all([post(app, { text: 'Tbe' }), new Promise((r) => setTimeout(r, 50)).then(() => post(app, { text: 'Tbe' }))]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(503);
    expect(b.body.error.code).toBe('overloaded');
    expect(b.headers['retry-after']).toBe('1');
  });
});
