import { BOUNDARY } from '../lexicon/bigrams.js';
import { NUM } from '../lexicon/lm-words.js';
import type { Resources } from './resources.js';

/** Unigram probability of an LM token. */
export function unigram(res: Resources, w: string): number {
  if (w === BOUNDARY) return 0.08;
  if (w === NUM) return 0.01;
  const p = res.lexicon.prob(w);
  return p > 0 ? p : res.params.unknownProb;
}

/** Interpolated bigram probability p(b | a). */
export function bigram(res: Resources, a: string, b: string): number {
  const lc = res.bigrams.leftCount(a);
  const pu = unigram(res, b);
  if (lc === 0) return pu;
  const lambda = res.params.bigramWeight;
  return lambda * (res.bigrams.count(a, b) / lc) + (1 - lambda) * pu;
}

/**
 * log p(words | left) + log p(right | last word): the context score of a (possibly multi-word) option.
 * A side given as null is unknown (the text was cut there, mid-sentence): that side adds no bigram evidence.
 */
export function contextLogProb(res: Resources, left: string | null, words: readonly string[], right: string | null): number {
  let lp = 0;
  let prev = left;
  for (const w of words) {
    lp += Math.log(prev === null ? unigram(res, w) : bigram(res, prev, w));
    prev = w;
  }
  if (right === null) return lp;
  // an option of no words (a deleted token) with an unknown left side: the right word on its own
  return lp + Math.log(prev === null ? unigram(res, right) : bigram(res, prev, right));
}
