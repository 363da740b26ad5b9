import { describe, expect, it } from 'vitest';
import { chunkText, splitParagraphs } from './chunking.js';

const opts = { targetChars: 100, maxChars: 150 };

function rebuild(text: string, chunks: { start: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const c of chunks) {
    const gap = text.slice(at, c.start);
    expect(gap.trim()).toBe('');
    out += gap + text.slice(c.start, c.end);
    at = c.end;
  }
  expect(text.slice(at).trim()).toBe('');
  return out + text.slice(at);
}

describe('splitParagraphs', () => {
  it('splits on blank lines, trims, keeps offsets', () => {
    const text = '  First para\nsame para.\n\n\n  Second.\r\n \r\nThird  \n';
    const ps = splitParagraphs(text);
    expect(ps.map((p) => p.text)).toEqual(['First para\nsame para.', 'Second.', 'Third']);
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('returns nothing for blank text', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\n \t')).toEqual([]);
  });
});

describe('chunkText', () => {
  it('packs short paragraphs together up to the target', () => {
    const paras = Array.from({ length: 10 }, (_, i) => `Paragraph number ${i} is short.`);
    const text = paras.join('\n\n');
    const chunks = chunkText(text, opts);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(paras.length);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(opts.targetChars);
      expect(text.slice(c.start, c.end)).toBe(c.text);
    }
    expect(rebuild(text, chunks)).toBe(text);
  });

  it('cuts a long paragraph at sentence ends, never above maxChars', () => {
    const sentence = 'The quick brown fox jumps over the lazy dog. ';
    const text = 'Intro.\n\n' + sentence.repeat(20).trim() + '\n\nOutro.';
    const chunks = chunkText(text, opts);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(opts.maxChars);
      expect(c.text).toBe(c.text.trim());
    }
    const middle = chunks.filter((c) => c.text.includes('fox'));
    for (const c of middle.slice(0, -1)) expect(c.text.endsWith('.')).toBe(true);
    expect(rebuild(text, chunks)).toBe(text);
  });

  it('cuts at whitespace when there is no sentence end, and hard-cuts unbroken text without splitting surrogates', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const wc = chunkText(words, opts);
    for (const c of wc) {
      expect(c.text.length).toBeLessThanOrEqual(opts.maxChars);
      expect(/^word\d+/.test(c.text)).toBe(true);
    }
    expect(rebuild(words, wc)).toBe(words);

    const emoji = '😀'.repeat(200); // 400 code units, no spaces
    const ec = chunkText(emoji, opts);
    expect(ec.map((c) => c.text).join('')).toBe(emoji);
    for (const c of ec) {
      expect(c.text.length).toBeLessThanOrEqual(opts.maxChars);
      expect(c.text.length % 2).toBe(0);
    }
  });

  it('handles empty and whitespace-only documents', () => {
    expect(chunkText('', opts)).toEqual([]);
    expect(chunkText('\n\n   \n', opts)).toEqual([]);
  });

  it('rejects maxChars below targetChars', () => {
    expect(() => chunkText('x', { targetChars: 10, maxChars: 5 })).toThrow(RangeError);
  });
});
