import { describe, expect, it } from 'vitest';
import { isValidAlignment, replayAlignment } from './alignment.js';
import { createCorruptor } from './create-corruptor.js';
import { PRESETS, type PresetName } from './presets.js';
import { createRng } from './rng.js';
import { RULE_KINDS, type RuleKind } from './rule-corruptor.js';
import { onlyLatinish, randomText, SAMPLE, wellFormed } from './test-texts.js';

const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

describe('createCorruptor', () => {
  it('is deterministic: same seed same output, different seed different output', () => {
    for (const p of PRESET_NAMES) {
      const c = createCorruptor(p, { scale: 3 });
      const a = c.corrupt(SAMPLE, 123);
      expect(c.corrupt(SAMPLE, 123)).toEqual(a);
      expect(c.corrupt(SAMPLE, 124).noisy).not.toBe(a.noisy);
      expect(c.fn(SAMPLE, createRng(123))).toEqual(a);
    }
  });

  it('returns an alignment that replays to the noisy text for every preset over many random texts', () => {
    const rng = createRng(7);
    for (const p of PRESET_NAMES) {
      const c = createCorruptor(p, { scale: 5 });
      for (let t = 0; t < 400; t++) {
        const clean = t === 0 ? SAMPLE : randomText(rng);
        const r = c.fn(clean, rng);
        expect(r.clean).toBe(clean);
        expect(replayAlignment(clean, r.alignment)).toBe(r.noisy);
        expect(isValidAlignment(clean, r.noisy, r.alignment)).toBe(true);
      }
    }
  });

  it('handles empty input', () => {
    for (const p of PRESET_NAMES) expect(createCorruptor(p).corrupt('', 1)).toEqual({ noisy: '', clean: '', alignment: [] });
  });

  it('rejects unknown presets and out-of-range rates', () => {
    expect(() => createCorruptor('nope' as PresetName)).toThrow(RangeError);
    expect(() => createCorruptor({ rates: { drop: 1.5 } })).toThrow(RangeError);
    expect(() => createCorruptor({ rates: { drop: 0.6, insert: 0.6 } })).toThrow(/sum/);
    expect(() => createCorruptor({ rates: { nope: 0.1 } as never })).toThrow(/unknown/);
  });

  it('leaves URLs and e-mail addresses alone', () => {
    const c = createCorruptor({ rates: { drop: 0.3, ocr: 0.3 } });
    const text = 'visit https://example.org/a-path?q=1 or write to someone@example.com today';
    for (let s = 0; s < 50; s++) {
      const r = c.corrupt(text, s);
      expect(r.noisy).toContain('https://example.org/a-path?q=1');
      expect(r.noisy).toContain('someone@example.com');
    }
  });
});

/** Texts where every position of interest is eligible, and how many eligible positions each has. */
const RATE_CASES: Record<RuleKind, { unit: string; eligible: (unit: string) => number }> = {
  drop: { unit: 'abcdefgh ', eligible: () => 8 },
  insert: { unit: 'abcdefgh ', eligible: () => 8 },
  keyboard: { unit: 'abcdefgh ', eligible: () => 8 },
  transpose: { unit: 'abcdefgh ', eligible: () => 7 },
  ocr: { unit: 'e ', eligible: () => 1 },
  merge: { unit: 'ab ', eligible: () => 1 },
  split: { unit: 'abcd ', eligible: () => 3 },
  hyphenate: { unit: 'abcdef ', eligible: () => 3 },
  space: { unit: 'ab ', eligible: () => 1 },
  case: { unit: 'abcdefgh ', eligible: () => 8 },
  punct: { unit: 'ab, ', eligible: () => 1 },
  diacritic: { unit: 'éa ', eligible: () => 1 },
  ligature: { unit: 'fia ', eligible: () => 1 },
};

describe('per-kind rates', () => {
  for (const kind of RULE_KINDS) {
    it(`applies ${kind} at its configured rate (±12 %)`, () => {
      const rate = 0.03;
      const { unit, eligible } = RATE_CASES[kind];
      const text = unit.repeat(Math.ceil(200_000 / unit.length));
      const c = createCorruptor({ rates: { [kind]: rate } });
      const r = c.corrupt(text, 99);
      expect(r.alignment.every((e) => e.kind === kind)).toBe(true);
      const expected = rate * eligible(unit) * (text.length / unit.length);
      // transposition consumes its neighbour, so slightly fewer attempts happen
      const ratio = r.alignment.length / expected;
      expect(ratio).toBeGreaterThan(kind === 'transpose' ? 0.85 : 0.88);
      expect(ratio).toBeLessThan(1.12);
      expect(isValidAlignment(text, r.noisy, r.alignment)).toBe(true);
    });
  }

  it('produces the documented shapes of edits', () => {
    const c = createCorruptor({ rates: { ocr: 1 } });
    expect(c.corrupt('rn', 1).noisy).toMatch(/^(m|nn|rm|rn|ri|r)$/);
    const lig = createCorruptor({ rates: { ligature: 1 } });
    expect(lig.corrupt('fi', 1).noisy).toBe('\ufb01');
    expect(['\u017fa', 'fa']).toContain(lig.corrupt('sa', 1).noisy);
    const hy = createCorruptor({ rates: { hyphenate: 1 } }).corrupt('example', 3);
    expect(hy.noisy).toMatch(/^ex(-\n|- )a/);
    expect(hy.noisy.replace(/-(\n| )/g, '')).toBe('example');
    expect(createCorruptor({ rates: { merge: 1 } }).corrupt('a b c', 1).noisy).toBe('abc');
    expect(createCorruptor({ rates: { diacritic: 1 } }).corrupt('Café naïve e\u0301', 1).noisy).toBe('Cafe naive e');
  });
});

describe('unicode safety', () => {
  const all = createCorruptor({
    rates: { drop: 0.09, insert: 0.09, keyboard: 0.09, transpose: 0.09, ocr: 0.09, split: 0.09, hyphenate: 0.09, case: 0.09, ligature: 0.09, merge: 0.3, space: 0.3, punct: 0.3, diacritic: 0.3 },
  });

  it('passes non-Latin scripts and emoji through untouched', () => {
    for (const text of ['日本語のテキストです。', 'שלום עולם', 'مرحبا بالعالم', '👍🏽 👨‍👩‍👧 🇫🇷 ❤️', 'Привет мир', '한국어 텍스트']) {
      for (let s = 0; s < 20; s++) expect(all.corrupt(text, s).noisy).toBe(text);
    }
  });

  it('never splits a grapheme cluster or a surrogate pair', () => {
    const seg = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const rng = createRng(5);
    for (let t = 0; t < 600; t++) {
      const clean = randomText(rng, 120);
      const bounds = new Set<number>([clean.length]);
      for (const s of seg.segment(clean)) bounds.add(s.index);
      const r = all.fn(clean, rng);
      expect(wellFormed(r.noisy)).toBe(true);
      for (const e of r.alignment) {
        expect(bounds.has(e.cleanStart)).toBe(true);
        expect(bounds.has(e.cleanEnd)).toBe(true);
        // nothing outside Latin / general punctuation is ever edited
        expect(onlyLatinish(e.from)).toBe(true);
      }
    }
  });
});
