import { AffixIndex } from '../lexicon/affix-index.js';
import type { Option } from './candidates.js';
import type { Resources } from './resources.js';
import type { Suspect } from './suspects.js';

/** Shortest fragment taken for a piece of a longer word. */
const MIN_PIECE = 4;
/** Words seen at least this often in the corpus count as wholes that a fragment may be a piece of. */
const PIECE_WORD_COUNT = 5;
/** A fragment with a common reading this cheap (`thia` → this, `sinoe` → since) is taken for that misreading, not a piece. */
const PIECE_MAX_MISREADING = 0.75;
/** How often the corpus must have that common word. */
const PIECE_COMMON_READING = 1000;
const affixes = new WeakMap<Resources, AffixIndex>();

/**
 * A word at the cut start (end) of a text that is the end (start) of a known word (`ference`, `applica`) and no cheap
 * misreading of a common word (`thia` → this): most likely a piece of that word, cut by a line break.
 */
export function isLinePiece(q: string, s: Suspect, res: Resources): boolean {
  // a word with a line-end hyphen after it says it is a piece (`examina-`, `im-`): it only has to start a known word
  const hyphen = s.hyphenEnd === true && res.params.hyphenPieceMinLength !== null;
  if (q.length < (hyphen ? res.params.hyphenPieceMinLength! : MIN_PIECE) || (s.fragment === 'start' && !/^\p{Ll}/u.test(s.base))) return false;
  const cheap = (o: Option) => o.words.length === 1 && o.cost <= PIECE_MAX_MISREADING && res.lexicon.corpusCount(o.words[0]) >= PIECE_COMMON_READING;
  if (!hyphen && s.options.some(cheap)) return false;
  let idx = affixes.get(res);
  if (!idx) affixes.set(res, (idx = new AffixIndex(res.indexWords.filter((w) => res.lexicon.corpusCount(w) >= PIECE_WORD_COUNT))));
  return s.fragment === 'start' ? idx.hasLongerWordEndingWith(q) : idx.hasLongerWordStartingWith(q);
}
