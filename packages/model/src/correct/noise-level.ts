import { NON_LATIN, type Token } from '../text/tokenize.js';
import { normalizeWord } from '../lexicon/lm-words.js';
import type { Resources } from './resources.js';

/** Weight of the prior rate in the smoothed estimate, in words. */
const PSEUDO_WORDS = 10;

/**
 * A prior from the text's own noise level: the share of its words the lexicon does not know, for each token.
 * Clean text with a few unknown terms gets a bonus for keeping them; garbled text a malus.
 */
export function noiseLevelBonus(tokens: readonly Token[], res: Pick<Resources, 'params' | 'lexicon'>): (token: number) => number {
  const p = res.params;
  if (p.noiseAdapt === 0) return () => 0;
  // per line: its words, and the unknown ones among them; and each token's line
  const lineOf = new Int32Array(tokens.length);
  const words: number[] = [0];
  const unknown: number[] = [0];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    lineOf[i] = words.length - 1;
    if (t.kind === 'space') {
      for (const ch of t.text) {
        if (ch !== '\n') continue;
        words.push(0);
        unknown.push(0);
      }
      continue;
    }
    if (t.kind !== 'word' || t.text.length < 2 || NON_LATIN.test(t.text)) continue;
    words[words.length - 1]++;
    if (!res.lexicon.has(normalizeWord(t.text))) unknown[unknown.length - 1]++;
  }
  const sum = (xs: number[], from: number, to: number) => {
    let n = 0;
    for (let k = Math.max(0, from); k <= Math.min(xs.length - 1, to); k++) n += xs[k];
    return n;
  };
  const total = sum(words, 0, words.length);
  // one word says nothing about the text's noise level: a word given alone is a spelling query
  if (total <= 1) return () => p.contextFreeKeepBonus;
  // smoothed toward the reference rate, so short texts move the prior little
  const bonus = (u: number, w: number) => p.noiseAdapt * Math.log(p.noiseRef / ((u + p.noiseRef * PSEUDO_WORDS) / (w + PSEUDO_WORDS)));
  const whole = bonus(sum(unknown, 0, unknown.length), total);
  const k = p.noiseWindow;
  // in a noisy text of many lines (a scan, not prose with a few terms of its own), the lines within `noiseWindow`
  // of the word's: a scan is garbled in places
  const noisy = sum(unknown, 0, unknown.length) >= p.noiseWindowMinRate * total;
  if (k === null || words.length <= 2 * k + 1 || !noisy) return () => whole;
  const byLine = words.map((_, l) => bonus(sum(unknown, l - k, l + k), sum(words, l - k, l + k)));
  return (i) => byLine[lineOf[i]];
}

