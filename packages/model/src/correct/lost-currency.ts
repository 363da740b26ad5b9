import type { Token } from '../text/tokenize.js';

/** U+FFFD: what a decoder writes for a byte it could not read. */
const REPLACEMENT = '\ufffd';
const SIGNS = ['£', '€', '$', '¥'];

/**
 * Indices of replacement marks (U+FFFD) standing for a currency sign that a wrong text encoding lost: right before a
 * figure (`valued at �600`, `(�5)`), with no letter or figure glued in front (`R�3`, `2�0` are left: garbled).
 */
export function lostCurrencySigns(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text !== REPLACEMENT || !/^\d/u.test(tokens[i + 1]?.text ?? '')) continue;
    const before = tokens[i - 1];
    if (before === undefined || before.kind === 'space' || before.kind === 'punct') out.push(i);
  }
  return out;
}

/**
 * The sign to write for a lost one: the only currency sign the text itself puts before figures, else `fallback`
 * (null when the text writes more than one, or none and there is no fallback).
 */
export function currencyOfText(tokens: readonly Token[], fallback: string | null): string | null {
  const used = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i].text;
    if (SIGNS.includes(t) && /^\d/u.test(tokens[i + 1]?.text ?? '')) used.add(t);
  }
  if (used.size > 1) return null;
  return used.size === 1 ? [...used][0] : fallback;
}
