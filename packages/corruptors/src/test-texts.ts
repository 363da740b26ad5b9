import type { Rng } from './types.js';

// Test fixtures: text we write ourselves, plus random strings from a mixed alphabet.
export const SAMPLE =
  'The committee met on Tuesday, 14 March, to discuss the office budget. "It is difficult," said Mrs. Brown; ' +
  'the chairman agreed. Café owners in Zürich and São Paulo (naïve or not) filled their flasks at the fountain!\n' +
  'A second line follows: rn, cl, vv, li, in, ri and I1l| O0 S5 B8 — see https://example.org/path or mail me@example.com.';

const ALPHABET = [
  ...'abcdefghijklmnopqrstuvwxyz',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  ...'0123456789',
  ...'     ',
  ...'.,;:!?\'"()-',
  '\n',
  'é', 'ñ', 'ü', 'ß', 'ſ', 'ﬁ', 'ø',
  'e\u0301', 'a\u0308\u0323',
  '日', '本', '語', 'ש', 'ל', 'ו', 'م', 'ر', 'ح', 'ب', 'а', 'б',
  '👍', '👍🏽', '👨‍👩‍👧', '🇫🇷', '❤️', '𝔸',
  '—', '“', '”', '’', '…',
];

export function randomText(rng: Rng, maxLen = 200): string {
  const n = Math.floor(rng() * maxLen);
  let s = '';
  for (let i = 0; i < n; i++) {
    // bias towards letters so word structure exists
    const r = rng();
    s += r < 0.6 ? ALPHABET[Math.floor(rng() * 26)] : ALPHABET[Math.floor(rng() * ALPHABET.length)];
  }
  return s;
}

/** True if `s` has no lone surrogate halves. */
export function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** True if every code point of `s` is Latin, a combining diacritic, general punctuation or a Latin ligature. */
export function onlyLatinish(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const ok = c <= 0x24f || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2000 && c <= 0x206f) || (c >= 0xfb00 && c <= 0xfb06);
    if (!ok) return false;
  }
  return true;
}
