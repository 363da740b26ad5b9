import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Corrector } from '@unsmudge/model';

import { loadShippedCorrector } from './load-corrector.js';
import { createThreadedCorrector } from './threaded-corrector.js';

describe('ThreadedCorrector', () => {
  let threaded: Corrector;
  let local: Corrector;
  beforeAll(async () => {
    [threaded, local] = await Promise.all([createThreadedCorrector({ threads: 1 }), loadShippedCorrector()]);
  }, 120_000);
  afterAll(() => {
    threaded?.dispose();
    local?.dispose();
  });

  it('gives the same results as the model in-process, options included', async () => {
    const texts = ['Tbe c4t sat 0n the rnat.', 'The quick brown fox.', '東京 👩‍💻'];
    expect(await threaded.clean(texts)).toEqual(await local.clean(texts));
    const opts = { protectedTerms: ['c4t'], threshold: 0.9 };
    expect(await threaded.clean(texts, opts)).toEqual(await local.clean(texts, opts));
    expect(threaded.info.checkpoint).toBe(local.info.checkpoint);
    expect(threaded.info.backend).toMatch(/in 1 thread/);
  });

  it('passes the model’s InputError through by name', async () => {
    await expect(threaded.clean('not an array' as unknown as string[])).rejects.toMatchObject({ name: 'InputError' });
  });

  it('fails the calls of a thread that dies, replaces it, and serves again', async () => {
    const exits: number[] = [];
    const corrector = await createThreadedCorrector({ threads: 1, onThreadExit: (e) => exits.push(e.code) });
    try {
      const sample = readFileSync(new URL('../../../samples/ocr-sample.txt', import.meta.url), 'utf8');
      const pending = corrector.clean([sample.repeat(40)]);
      await corrector.threads()[0].terminate();
      await expect(pending).rejects.toThrow(/correction thread exited/);
      expect(exits).toHaveLength(1);
      const [again] = await corrector.clean(['Tbe c4t']);
      expect(again.text).toBe((await local.clean(['Tbe c4t']))[0].text);
    } finally {
      corrector.dispose();
    }
  }, 120_000);

  it('leaves the event loop free while a long text is corrected', async () => {
    const sample = readFileSync(new URL('../../../samples/ocr-sample.txt', import.meta.url), 'utf8');
    const text = sample.repeat(Math.ceil(30_000 / sample.length));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const [result] = await threaded.clean([text]);
    clearInterval(timer);
    expect(result.edits.length).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(0);
  });
});
