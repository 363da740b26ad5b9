import { describe, expect, it } from 'vitest';
import { alignPair } from './align-pair.js';
import { isValidAlignment } from './alignment.js';
import { classifyEdit } from './classify-edit.js';
import { createCorruptor } from './create-corruptor.js';
import { createRng } from './rng.js';
import { randomText, wellFormed } from './test-texts.js';

describe('alignPair', () => {
  it('returns no edits for identical strings and handles empty sides', () => {
    expect(alignPair('same text', 'same text')).toEqual([]);
    expect(alignPair('', '')).toEqual([]);
    const e = alignPair('abc', '');
    expect(e).toHaveLength(1);
    expect(isValidAlignment('', 'abc', e)).toBe(true);
    expect(isValidAlignment('abc', '', alignPair('', 'abc'))).toBe(true);
  });

  it('groups multi-character OCR confusions into one edit', () => {
    const e = alignPair('the rnodern world', 'the modern world');
    expect(e.map((x) => [x.from, x.to, x.kind])).toEqual([['m', 'rn', 'ocr']]);
    const d = alignPair('a clog', 'a dog');
    expect(d.map((x) => [x.from, x.to, x.kind])).toEqual([['d', 'cl', 'ocr']]);
    const w = alignPair('Tbe cat', 'The cat');
    expect(w.map((x) => [x.from, x.to, x.kind])).toEqual([['h', 'b', 'ocr']]);
  });

  it('is valid on synthetic and random pairs, including astral characters', () => {
    const rng = createRng(3);
    const c = createCorruptor('ocr-heavy', { scale: 4 });
    for (let t = 0; t < 300; t++) {
      const clean = randomText(rng, 150);
      const noisy = t % 3 === 0 ? randomText(rng, 150) : c.fn(clean, rng).noisy;
      const edits = alignPair(noisy, clean);
      expect(isValidAlignment(clean, noisy, edits)).toBe(true);
      for (const e of edits) {
        expect(wellFormed(e.from) && wellFormed(e.to)).toBe(true);
      }
    }
  });

  it('falls back to one edit above maxCells', () => {
    const e = alignPair('xxabcyy', 'xxdefyy', { maxCells: 4 });
    expect(e).toEqual([{ cleanStart: 2, cleanEnd: 5, noisyStart: 2, noisyEnd: 5, from: 'def', to: 'abc', kind: 'sub' }]);
  });
});

describe('classifyEdit', () => {
  it('names the kinds', () => {
    expect(classifyEdit(' ', '')).toBe('merge');
    expect(classifyEdit('', ' ', 'a', 'b')).toBe('split');
    expect(classifyEdit('', ' ', '.', ' ')).toBe('space');
    expect(classifyEdit('p', '-\np', 'm', 'l')).toBe('hyphenate');
    expect(classifyEdit('a', '')).toBe('drop');
    expect(classifyEdit('.', '')).toBe('punct');
    expect(classifyEdit('a', 'aa')).toBe('insert');
    expect(classifyEdit('a', 'A')).toBe('case');
    expect(classifyEdit('é', 'e')).toBe('diacritic');
    expect(classifyEdit('fi', '\ufb01')).toBe('ligature');
    expect(classifyEdit('s', '\u017f')).toBe('ligature');
    expect(classifyEdit('ab', 'ba')).toBe('transpose');
    expect(classifyEdit('rn', 'm')).toBe('ocr');
    expect(classifyEdit('a', 'w')).toBe('keyboard');
    expect(classifyEdit('x', 'q')).toBe('sub');
  });
});
