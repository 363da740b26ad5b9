import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadCorrector } from '../corrector.js';
import type { Corrector } from '../types.js';
import { createCorrectorPool, splitEvenly, type CorrectorPool } from './corrector-pool.js';

const SAMPLE = readFileSync(new URL('../../../../samples/ocr-sample.txt', import.meta.url), 'utf8');

describe('splitEvenly', () => {
  it('cuts texts into contiguous, non-empty shares of about the same length', () => {
    const texts = ['aaaa', 'bb', 'cc', 'dddd', 'e', 'fff'];
    const shares = splitEvenly(texts, 2);
    expect(shares).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
    ]);
    expect(splitEvenly(texts, 10)).toHaveLength(6);
    expect(splitEvenly(['x'], 4)).toEqual([{ from: 0, to: 1 }]);
    // one long text first: it is a share of its own
    expect(splitEvenly(['a'.repeat(100), 'b', 'c', 'd'], 3)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
      { from: 2, to: 4 },
    ]);
  });
});

describe('createCorrectorPool', () => {
  let pool: CorrectorPool;
  let local: Corrector;
  beforeAll(async () => {
    [pool, local] = await Promise.all([createCorrectorPool({ threads: 2 }), loadCorrector()]);
  }, 120_000);
  afterAll(() => {
    pool?.dispose();
    local?.dispose();
  });

  it('gives the results of the model in-process, in the order of the texts, options included', async () => {
    const lines = SAMPLE.split('\n').filter((l) => l.trim() !== '');
    const texts = [...lines, 'Tbe c4t sat 0n the rnat.', 'The quick brown fox.', '東京 👩‍💻', ''];
    expect(await pool.clean(texts)).toEqual(await local.clean(texts));
    const opts = { protectedTerms: ['c4t'], threshold: 0.9 };
    expect(await pool.clean(texts, opts)).toEqual(await local.clean(texts, opts));
    expect(await pool.clean([])).toEqual([]);
    expect(pool.info.checkpoint).toBe(local.info.checkpoint);
    expect(pool.info.backend).toMatch(/in 2 thread/);
  });

  it('shares a batch among its threads, and reports progress up to the whole batch', async () => {
    const texts = Array.from({ length: 8 }, (_, i) => `${SAMPLE.slice(0, 400)} ${i}`);
    const total = texts.reduce((n, t) => n + t.length, 0);
    const seen: number[] = [];
    const results = await pool.clean(texts, { onProgress: (done, all) => (expect(all).toBe(total), seen.push(done)) });
    expect(results.map((r) => r.text)).toEqual((await local.clean(texts)).map((r) => r.text));
    expect(seen.at(-1)).toBe(total);
    expect(pool.threads()).toHaveLength(2);
  });

  it('refuses bad input with the model’s InputError', async () => {
    await expect(pool.clean('not an array' as unknown as string[])).rejects.toMatchObject({ name: 'InputError' });
    await expect(pool.clean([42 as unknown as string])).rejects.toMatchObject({ name: 'InputError' });
    await expect(pool.clean(['a text'], { threshold: 2 })).rejects.toMatchObject({ name: 'InputError', message: /threshold/ });
    await expect(createCorrectorPool({ threads: 0 })).rejects.toMatchObject({ name: 'InputError' });
  });

  it('refuses an inspector, which runs in the caller’s thread only', async () => {
    await expect(pool.clean(['The cat sat on the rnat.'], { inspect: () => undefined })).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(/inspect/) });
  });

  it('fails the calls of a thread that dies, replaces it, and serves again', async () => {
    const exits: number[] = [];
    const one = await createCorrectorPool({ threads: 1, onThreadExit: (e) => exits.push(e.code) });
    try {
      const pending = one.clean([SAMPLE.repeat(40)]);
      await one.threads()[0].terminate();
      await expect(pending).rejects.toThrow(/correction thread exited/);
      expect(exits).toHaveLength(1);
      const [again] = await one.clean(['Tbe c4t sat on the mat.']);
      expect(again.text).toBe((await local.clean(['Tbe c4t sat on the mat.']))[0].text);
    } finally {
      one.dispose();
    }
    await expect(one.clean(['x'])).rejects.toMatchObject({ name: 'CorrectorUnavailableError' });
  }, 120_000);

  it('leaves the caller’s event loop free while a long text is corrected', async () => {
    const text = SAMPLE.repeat(Math.ceil(30_000 / SAMPLE.length));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const [result] = await pool.clean([text]);
    clearInterval(timer);
    expect(result.edits.length).toBeGreaterThan(0);
    expect(ticks).toBeGreaterThan(0);
  });

  it('rejects with the checkpoint error when a thread cannot load the model', async () => {
    await expect(createCorrectorPool({ threads: 1, load: { checkpointDir: '/nonexistent/checkpoint' } })).rejects.toMatchObject({ name: 'CheckpointError' });
  }, 60_000);
});
