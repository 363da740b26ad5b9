import { BOUNDARY, BigramModel } from '../lexicon/bigrams.js';
import { NUM } from '../lexicon/lm-words.js';
import type { Resources } from './resources.js';

/** Two words of context on one side, nearest first on the right, nearest last on the left; null where unknown. */
export type LmSide = readonly [string | null, string | null];

/** Unigram probability of an LM token. */
export function unigram(res: Resources, w: string): number {
  if (w === BOUNDARY) return 0.08;
  if (w === NUM) return 0.01;
  const p = res.lexicon.prob(w);
  return p > 0 ? p : res.params.unknownProb;
}

/** Interpolated bigram probability p(b | a). */
export function bigram(res: Resources, a: string, b: string): number {
  const stats = res.bigrams.leftStats(a);
  const pu = unigram(res, b);
  if (stats[0] === 0) return pu;
  return pairProb(res, stats, res.bigrams.count(a, b), pu, lowerOrder(res, b, pu));
}

/** p(b | a) for each of `bs`, looking `a` up once; `pus` and `lowers` are `unigram` and `lowerOrder` of each b. */
export function bigramRow(res: Resources, a: string, bs: readonly string[], pus: readonly number[], lowers: readonly number[]): number[] {
  const stats = res.bigrams.leftStats(a);
  if (stats[0] === 0) return [...pus];
  const context = BigramModel.context(a);
  return bs.map((b, k) => pairProb(res, stats, res.bigrams.countAfter(context, b), pus[k], lowers[k]));
}

/** The lower order of the word-pair estimate for word `b` of unigram probability `pu`. */
export function lowerOrder(res: Resources, b: string, pu: number): number {
  const kappa = res.params.bigramContinuation;
  if (res.params.bigramWittenBell === null || !res.bigrams.hasTypes || kappa <= 0) return pu;
  // Kneser–Ney style: part of it from the number of contexts the word occurs in
  const cont = res.bigrams.rightTypeCount(b);
  return cont > 0 ? (1 - kappa) * pu + (kappa * cont) / res.bigrams.pairTypes : pu;
}

/** p(b | a) from the counts of a (`stats`), of the pair, and the lower orders of b. */
function pairProb(res: Resources, [lc, types]: [number, number], pairCount: number, pu: number, lower: number): number {
  if (lc === 0) return pu;
  const wb = res.params.bigramWittenBell;
  if (wb !== null && res.bigrams.hasTypes) {
    // Witten–Bell: a context followed by many different words leaves more to the lower order
    const t = wb * types;
    return (pairCount + t * lower) / (lc + t);
  }
  const lambda = res.params.bigramWeight;
  return lambda * (pairCount / lc) + (1 - lambda) * pu;
}

/** p(w | u v): the trigram estimate where the checkpoint has word triples, else the bigram one; null context words are unknown. */
export function wordProb(res: Resources, u: string | null, v: string | null, w: string): number {
  if (v === null) return unigram(res, w);
  const p2 = bigram(res, v, w);
  const d = res.params.trigramDiscount;
  if (u === null || d === null || !res.trigrams) return p2;
  return res.trigrams.prob(u, v, w, p2, d);
}

/**
 * The context score of a (possibly multi-word, possibly empty) option between two words on each side:
 * log p(words | left) + log p(right | …words). A side given as null is unknown (the text was cut there, mid-sentence).
 */
export function contextLogProb(res: Resources, left: LmSide, words: readonly string[], right: LmSide): number {
  let lp = 0;
  let [u, v] = left;
  for (const w of words) {
    lp += Math.log(wordProb(res, u, v, w));
    u = v;
    v = w;
  }
  const [r1, r2] = right;
  if (r1 === null) return lp;
  lp += Math.log(wordProb(res, u, v, r1));
  // the second word on the right only depends on the option through a word triple
  if (r2 === null || r1 === BOUNDARY || !res.trigrams || res.params.trigramDiscount === null) return lp;
  return lp + Math.log(wordProb(res, v, r1, r2));
}
