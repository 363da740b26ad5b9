import { findProtectedSpans, type ProtectedKind } from './protect.js';

/**
 * A token of the input. `word` tokens are what the corrector may change; everything else
 * (whitespace, punctuation, numbers, protected spans) passes through.
 */
export interface Token {
  kind: 'word' | 'space' | 'punct' | 'number' | 'protected';
  text: string;
  start: number;
  end: number;
  /** What a protected token was recognised as. */
  protectedKind?: ProtectedKind;
}

// Letters with inner apostrophes; digits are allowed inside words because OCR turns l→1, O→0, S→5.
const WORD = /[\p{L}\p{M}\d]+(?:['’][\p{L}\p{M}]+)*/uy;
const SPACE = /\s+/y;
/** Letters of scripts the corrector has no tables for: words with them pass through. */
export const NON_LATIN = /(?![\p{Script=Latin}])\p{L}/u;
/** Ordinal suffixes and common units that may follow a number directly (3rd, 12kg, 5GB, 10am). */
export const UNITS =
  'st|nd|rd|th|s|%|x|k|m|b|g|kg|mg|lb|lbs|oz|t|mm|cm|km|ft|mi|ml|l|hz|khz|mhz|ghz|kb|mb|gb|tb|pb|kib|mib|gib|ms|ns|us|h|hr|hrs|min|sec|am|pm|d|bn|px|pt|em|v|w|kw|kwh|mw|a|ma';
const NUMERIC = new RegExp(`^[-+]?[£$€¥]?\\d[\\d,.:/]*(?:${UNITS})?$`, 'i');

export function tokenize(text: string, protectedTerms: readonly string[] = []): Token[] {
  const tokens: Token[] = [];
  const spans = findProtectedSpans(text, protectedTerms);
  let si = 0;
  let pos = 0;
  while (pos < text.length) {
    while (si < spans.length && spans[si].end <= pos) si++;
    const span = spans[si];
    if (span && span.start <= pos) {
      tokens.push({ kind: 'protected', text: text.slice(pos, span.end), start: pos, end: span.end, protectedKind: span.kind });
      pos = span.end;
      continue;
    }
    const limit = span ? span.start : text.length;
    SPACE.lastIndex = pos;
    let m = SPACE.exec(text);
    if (m) {
      const end = Math.min(pos + m[0].length, limit);
      tokens.push({ kind: 'space', text: text.slice(pos, end), start: pos, end });
      pos = end;
      continue;
    }
    WORD.lastIndex = pos;
    m = WORD.exec(text);
    if (m) {
      const end = Math.min(pos + m[0].length, limit);
      const w = text.slice(pos, end);
      tokens.push({ kind: isNumberLike(w) ? 'number' : 'word', text: w, start: pos, end });
      pos = end;
      continue;
    }
    // one code point of punctuation/symbol
    const cp = text.codePointAt(pos)!;
    const len = cp > 0xffff ? 2 : 1;
    tokens.push({ kind: 'punct', text: text.slice(pos, pos + len), start: pos, end: pos + len });
    pos += len;
  }
  return tokens;
}

/**
 * Numbers (with units/ordinals) are protected. A word with a digit or two among letters
 * (`c4t`, `0n`, `wor1d`) is an OCR suspect, not a number.
 */
export function isNumberLike(w: string): boolean {
  let digits = 0;
  let letters = 0;
  for (const ch of w) {
    if (ch >= '0' && ch <= '9') digits++;
    else letters++;
  }
  if (digits === 0) return false;
  if (letters === 0) return true;
  if (!/^\d/.test(w)) return false; // starts with a letter: suspect (c4t, l0ve)
  return NUMERIC.test(w);
}

/** How many word tokens come before each token (index `tokens.length`: all of them), to measure distances in words. */
export function wordsBefore(tokens: readonly Token[]): Int32Array {
  const before = new Int32Array(tokens.length + 1);
  for (let i = 0; i < tokens.length; i++) before[i + 1] = before[i] + (tokens[i].kind === 'word' ? 1 : 0);
  return before;
}

/** The index of the token that holds text offset `pos` (tokens cover the text in order). */
export function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
