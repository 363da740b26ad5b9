import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Corrector, Edit } from '@unsmudge/model';

import { loadShippedCorrector } from '../load-corrector.js';
import { createServer } from '../server.js';
import { FakeJobQueue } from '../testing/fake-job-queue.js';
import { auth, testConfig } from '../testing/test-config.js';

/** Applying the edits to the input must give the output, and each edit's `original` must be what the input holds. */
function expectEditsConsistent(input: string, output: string, edits: Edit[]): void {
  let rebuilt = '';
  let last = 0;
  for (const e of edits) {
    expect(input.slice(e.start, e.end)).toBe(e.original);
    expect(e.start).toBeGreaterThanOrEqual(last);
    expect(e.confidence).toBeGreaterThanOrEqual(0);
    expect(e.confidence).toBeLessThanOrEqual(1);
    rebuilt += input.slice(last, e.start) + e.replacement;
    last = e.end;
  }
  expect(rebuilt + input.slice(last)).toBe(output);
}

describe('/v1/correct with the shipped model', () => {
  let corrector: Corrector;
  let app: ReturnType<typeof createServer>;
  beforeAll(async () => {
    corrector = await loadShippedCorrector();
    app = createServer({ config: testConfig(), corrector, queue: new FakeJobQueue() });
  }, 120_000);

  it('repairs OCR errors, with edits that rebuild the output from the input', async () => {
    const text = 'Tbe c4t sat 0n the rnat while the cornmittee rnet on Tuesday aftcrnoon.';
    const res = await request(app).post('/v1/correct').set(auth()).send({ text });
    expect(res.status).toBe(200);
    expect(res.body.text.startsWith('The cat sat on the')).toBe(true);
    expect(res.body.edits.length).toBeGreaterThanOrEqual(3);
    expectEditsConsistent(text, res.body.text, res.body.edits);
    expect(res.body.model.checkpoint).toBe(corrector.info.checkpoint);
    expect(res.body.stats).toMatchObject({ texts: 1, chars: text.length, edits: res.body.edits.length });
  });

  it('passes clean, CJK, RTL, emoji, URL/e-mail/number/code text and a 50,000-character word through unchanged', async () => {
    const texts = [
      'The quick brown fox jumps over the lazy dog.',
      '東京は今日も雨です。',
      'مرحبا بالعالم — שלום עולם',
      '👩‍💻 ships 🚀 code 🇫🇷',
      'See https://example.org/plans-1887.pdf or write to ann@example.com; cost £14,500 (3.5%), run `npm ci`.',
      'x'.repeat(50_000),
      '',
      'line one\n\n\tindented line two\r\n',
    ];
    const res = await request(app).post('/v1/correct').set(auth()).send({ texts });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { text: string }) => r.text)).toEqual(texts);
    expect(res.body.stats.edits).toBe(0);
  });

  it('honours protectedTerms and threshold', async () => {
    const text = 'Tbe c4t sat 0n the mat.';
    const kept = await request(app).post('/v1/correct').set(auth()).send({ text, options: { protectedTerms: ['c4t'] } });
    expect(kept.body.text).toContain('c4t');
    expect(kept.body.edits.every((e: Edit) => e.original !== 'c4t')).toBe(true);
    const none = await request(app).post('/v1/correct').set(auth()).send({ text, options: { threshold: 1 } });
    expect(none.body.edits.every((e: Edit) => e.confidence >= 1)).toBe(true);
    expectEditsConsistent(text, none.body.text, none.body.edits);
  });
});
