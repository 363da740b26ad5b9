import nspell from 'nspell';
import dictionaryEn from 'dictionary-en';
import { applyCase, wordByWord } from '../word-by-word.js';
import type { CorrectorWithStats } from './corrector-with-stats.js';

/**
 * Hunspell baseline: nspell with dictionary-en (SCOWL en_US). Word by word: a word the dictionary
 * accepts is kept, otherwise it becomes the first suggestion (case pattern of the input kept),
 * or stays as it is when there is none. Suggestions are memoised per word.
 */
export function createHunspellCorrector(): CorrectorWithStats {
  const spell = nspell({ aff: Buffer.from(dictionaryEn.aff), dic: Buffer.from(dictionaryEn.dic) });
  let lookups = 0;
  let suggestCalls = 0;
  let suggestMs = 0;
  const correct = wordByWord((word) => {
    lookups++;
    if (spell.correct(word)) return word;
    const t0 = performance.now();
    const suggestions = spell.suggest(word);
    suggestMs += performance.now() - t0;
    suggestCalls++;
    return suggestions.length > 0 ? applyCase(word, suggestions[0]) : word;
  });
  return Object.assign(correct, {
    stats: () => ({ distinctWords: lookups, suggestCalls, suggestMs: Math.round(suggestMs), msPerSuggest: suggestCalls ? suggestMs / suggestCalls : 0 }),
  });
}
