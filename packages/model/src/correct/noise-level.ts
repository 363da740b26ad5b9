import { NON_LATIN, type Token } from '../text/tokenize.js';
import { normalizeWord } from '../lexicon/lm-words.js';
import type { Resources } from './resources.js';

/** Weight of the prior rate in the smoothed estimate, in words. */
const PSEUDO_WORDS = 10;

/** The noise prior of each token: for a word, and for a lone letter that may be a stray mark. */
export interface NoiseLevel {
  word: (token: number) => number;
  letter: (token: number) => number;
}

/**
 * A prior from the text's own noise level: the share of its words the lexicon does not know, for each token.
 * Clean text with a few unknown terms gets a bonus for keeping them; garbled text a malus.
 */
export function noiseLevelBonus(tokens: readonly Token[], res: Pick<Resources, 'params' | 'lexicon'>): NoiseLevel {
  const p = res.params;
  const same = (f: (token: number) => number): NoiseLevel => ({ word: f, letter: f });
  if (p.noiseAdapt === 0) return same(() => 0);
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
  const allUnknown = sum(unknown, 0, unknown.length);
  // one word says nothing about the text's noise level: a word given alone is a spelling query
  if (total <= 1) return same(() => p.contextFreeKeepBonus);
  // smoothed toward the reference rate, so short texts move the prior little
  const bonus = (u: number, w: number) => p.noiseAdapt * Math.log(p.noiseRef / ((u + p.noiseRef * PSEUDO_WORDS) / (w + PSEUDO_WORDS)));
  const whole = bonus(allUnknown, total);
  const k = p.noiseWindow;
  if (k === null || words.length <= 2 * k + 1) return same(() => whole);
  // in a text of many lines, the lines within `noiseWindow` of the token's: a scan is garbled in places
  const byLine = words.map((_, l) => bonus(sum(unknown, l - k, l + k), sum(words, l - k, l + k)));
  const local = (i: number) => byLine[lineOf[i]];
  // but words are judged so only in a noisy text (a scan, not prose with a few terms of its own: there a line with
  // one would look garbled); a lone letter always, prose has none to lose
  const noisy = allUnknown >= p.noiseWindowMinRate * total;
  return { word: noisy ? local : () => whole, letter: local };
}
