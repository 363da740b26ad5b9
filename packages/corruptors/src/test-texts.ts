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
