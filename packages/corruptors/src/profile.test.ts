import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidAlignment } from './alignment.js';
import { createCorruptor } from './create-corruptor.js';
import { noiseStats } from './noise-stats.js';
import { fitProfile, parseProfile, serializeProfile, type Pair } from './profile.js';
import { profileCorruptor } from './profile-corruptor.js';
import { createRng } from './rng.js';
import type { Rng } from './types.js';
import { randomText, SAMPLE, wellFormed } from './test-texts.js';

const SYLLABLES = ['the', 'in', 'ter', 'mo', 'dern', 'cl', 'ock', 'ri', 'ver', 'sta', 'tion', 'li', 'ght', 'fi', 'sh', 'er', 'a', 'o', 'u', 'ble'];

function prose(rng: Rng, words: number): string {
  let s = '';
  for (let w = 0; w < words; w++) {
    const n = 1 + Math.floor(rng() * 3);
    let word = '';
    for (let k = 0; k < n; k++) word += SYLLABLES[Math.floor(rng() * SYLLABLES.length)];
    s += (w ? (rng() < 0.1 ? ', ' : ' ') : '') + (rng() < 0.05 ? word[0].toUpperCase() + word.slice(1) : word);
  }
  return s + '.';
}

describe('fitProfile', () => {
  const rng = createRng(11);
  const known = createCorruptor({ rates: { drop: 0.01, ocr: 0.03, merge: 0.02, case: 0.005 } });
  const cleanTexts = Array.from({ length: 3000 }, () => prose(rng, 25));
  const pairs: Pair[] = cleanTexts.map((clean) => ({ clean, noisy: known.fn(clean, rng).noisy }));
  const progress: number[] = [];
  const profile = fitProfile(pairs, { sources: ['synthetic'], onProgress: (n) => progress.push(n) });

  it('reports progress', () => {
    expect(progress).toEqual([1000, 2000, 3000]);
  });

  it('recovers the per-kind rates of a known corruptor', () => {
    // ground truth: edits per clean char, by kind, of the same corruptor on the same texts (fresh stream)
    const chars = cleanTexts.reduce((a, t) => a + t.length, 0);
    const truth: Record<string, number> = {};
    const replay = createRng(99);
    for (const t of cleanTexts) for (const e of known.fn(t, replay).alignment) truth[e.kind] = (truth[e.kind] ?? 0) + 1;
    for (const kind of ['drop', 'ocr', 'merge', 'case'] as const) {
      const expected = truth[kind] / chars;
      expect(profile.rates[kind]).toBeGreaterThan(expected * 0.75);
      expect(profile.rates[kind]).toBeLessThan(expected * 1.25);
    }
    expect(profile.rates.keyboard ?? 0).toBeLessThan(0.002);
  });

  it('loads as a corruptor whose synthetic errors match the fitted rates', () => {
    const pc = profileCorruptor(parseProfile(JSON.parse(serializeProfile(profile))));
    expect(JSON.parse(serializeProfile(profile))).toEqual(profile);
    const r3 = createRng(5);
    const synth = cleanTexts.slice(0, 1500).map((clean) => ({ clean, noisy: pc.fn(clean, r3).noisy }));
    const st = noiseStats(synth);
    for (const kind of ['drop', 'ocr', 'merge'] as const) {
      const got = st.kinds[kind] / st.cleanChars;
      expect(got).toBeGreaterThan(profile.rates[kind]! * 0.7);
      expect(got).toBeLessThan(profile.rates[kind]! * 1.3);
    }
  });

  it('learns left-context substitutions and uses the residual elsewhere', () => {
    const handPairs: Pair[] = [];
    for (let i = 0; i < 400; i++) handPairs.push({ clean: 'te xe ye', noisy: i % 2 ? 'tc xe ye' : 'te xe ye' });
    const p = fitProfile(handPairs);
    expect(p.sub.e.to.c).toBe(200);
    expect(p.ctx?.te).toEqual({ n: 400, to: { c: 200 } });
    const pc = profileCorruptor(p);
    let te = 0;
    let other = 0;
    for (let s = 0; s < 400; s++) {
      const r = pc.corrupt('te xe ye', s);
      if (r.noisy.startsWith('tc')) te++;
      if (r.noisy.slice(3) !== 'xe ye') other++;
    }
    expect(te / 400).toBeGreaterThan(0.4);
    expect(te / 400).toBeLessThan(0.6);
    expect(other).toBe(0);
  });

  it('rejects malformed profiles', () => {
    expect(() => parseProfile(null)).toThrow(TypeError);
    expect(() => parseProfile({ format: 'other' })).toThrow(/format/);
    expect(() => parseProfile({ ...profile, sub: { a: { n: 0, to: {} } } })).toThrow(/n > 0/);
  });
});

describe('committed fitted profile', () => {
  const profile = parseProfile(JSON.parse(readFileSync(new URL('../profiles/ocr-fitted.json', import.meta.url), 'utf8')));
  const pc = profileCorruptor(profile);

  it('is deterministic and produces valid alignments on random and sample texts', () => {
    expect(pc.corrupt(SAMPLE, 1)).toEqual(pc.corrupt(SAMPLE, 1));
    expect(pc.corrupt(SAMPLE.repeat(5), 1).noisy).not.toBe(pc.corrupt(SAMPLE.repeat(5), 2).noisy);
    const rng = createRng(8);
    const strong = profileCorruptor(profile, 4);
    for (let t = 0; t < 500; t++) {
      const clean = randomText(rng, 150);
      for (const c of [pc, strong]) {
        const r = c.fn(clean, rng);
        expect(isValidAlignment(clean, r.noisy, r.alignment)).toBe(true);
        expect(wellFormed(r.noisy)).toBe(true);
      }
    }
    expect(pc.corrupt('', 3)).toEqual({ noisy: '', clean: '', alignment: [] });
    expect(pc.corrupt('日本語のテキスト 👨‍👩‍👧 שלום', 3).noisy).toBe('日本語のテキスト 👨‍👩‍👧 שלום');
  });

  it('was fitted on dev splits only', () => {
    expect(profile.sources.length).toBeGreaterThan(0);
    for (const s of profile.sources) expect(s).toMatch(/dev\.jsonl/);
    expect(profile.cer).toBeGreaterThan(0.01);
  });
});
