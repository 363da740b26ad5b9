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

/** log p(words | left) + log p(right | last word): the context score of a (possibly multi-word) option. */
export function contextLogProb(res: Resources, left: string, words: readonly string[], right: string): number {
  let lp = 0;
  let prev = left;
  for (const w of words) {
    lp += Math.log(bigram(res, prev, w));
    prev = w;
  }
  return lp + Math.log(bigram(res, prev, right));
}
