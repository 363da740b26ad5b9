import { normalizeWord } from '../lexicon/lm-words.js';
import type { Resources } from './resources.js';
import { unigram } from './language-model.js';

/** A possible correction of one word: lower-cased words (more than one when the word is split). */
export interface Option {
  words: string[];
  /** Channel cost (edit units) of turning this option into the noisy word. */
  cost: number;
}

const SINGLE_LETTER_WORDS = new Set(['a', 'i']);
/** What follows the apostrophe of a contraction or a possessive. */
const CONTRACTIONS = new Set(['s', 't', 'll', 're', 've', 'd', 'm', 'em', 'tis', 'twas']);
/** Hits kept for the weighted channel model. */
const PRELIMINARY = 60;

/** Distinct words whose candidates are remembered (a few MB). */
const CACHE_WORDS = 20_000;
const caches = new WeakMap<Resources, Map<string, Option[]>>();
const typingCaches = new WeakMap<Resources, Map<string, Option[]>>();

/** 'text': a word in running text (OCR or typing); 'query': a word given alone, most likely typed. */
export type CandidateMode = 'text' | 'query';

/**
 * Candidate corrections of a noisy word, cheapest/most frequent first, without the word itself.
 * They depend on the word only (context comes later), so they are remembered per word, least recently used out.
 */
export function generateCandidates(res: Resources, noisy: string, mode: CandidateMode = 'text'): Option[] {
  const q = normalizeWord(noisy);
  const store = mode === 'query' ? typingCaches : caches;
  let cache = store.get(res);
  if (!cache) store.set(res, (cache = new Map()));
  const hit = cache.get(q);
  if (hit) {
    cache.delete(q);
    cache.set(q, hit);
    return hit;
  }
  const found = searchCandidates(res, q, mode);
  if (cache.size >= CACHE_WORDS) cache.delete(cache.keys().next().value!);
  cache.set(q, found);
  return found;
}

function searchCandidates(res: Resources, q: string, mode: CandidateMode): Option[] {
  const { params } = res;
  const scored = singleWords(res, q, mode);
  addSplits(res, q, scored);
  // run-together words with one of them misread (`accusedopaned`, `thatimorning`): a common word and a cheap
  // correction of the rest
  if (q.length >= params.splitCorrectMinLength) {
    for (let i = MIN_SPLIT_PIECE; i <= q.length - MIN_SPLIT_PIECE; i++) {
      const a = q.slice(0, i);
      const b = q.slice(i);
      if (b.length >= MIN_CORRECTED_PIECE && commonWord(res, a) && !isWord(res, b)) pushSplitCorrection(res, scored, [a], b, [], mode);
      if (a.length >= MIN_CORRECTED_PIECE && commonWord(res, b) && !isWord(res, a)) pushSplitCorrection(res, scored, [], a, [b], mode);
    }
  }
  scored.sort((x, y) => y.pre - x.pre);
  return scored.slice(0, params.maxCandidates).map(({ words, cost }) => ({ words, cost }));
}

type Scored = Option & { pre: number };

/** An option with its pre-ranking score: channel cost plus the unigram probability of its words. */
function scoredOption(res: Resources, words: string[], cost: number): Scored {
  return { words, cost, pre: res.params.channelScale * cost + words.reduce((s, w) => s + Math.log(unigram(res, w)), 0) };
}

/**
 * One-word corrections of `q` by the channel model (not ranked yet), searched up to `maxD` plain edits (by default
 * two from four letters on: rn→m and friends are two edits, so short words need distance 2 as well).
 */
function singleWords(res: Resources, q: string, mode: CandidateMode, maxD = q.length >= 4 ? 2 : 1): Scored[] {
  const { params } = res;
  const channel = mode === 'query' ? res.typingChannel : res.channel;
  const scored: Scored[] = [];
  const hits = new Map<number, number>();
  for (const r of res.index.lookup(q, maxD)) hits.set(r.id, r.distance);
  // a reading with one OCR confusion undone counts as one edit (so `mat` for `rnat` is as near as `rat`)
  for (const v of res.channel.variants(q)) {
    for (const r of res.index.lookup(v, 1)) hits.set(r.id, Math.min(hits.get(r.id) ?? Infinity, r.distance + 1));
  }
  // the weighted channel is dear: compute it for the likeliest hits only (by plain distance, then frequency)
  const prelim = [...hits].map(([id, distance]) => ({ w: res.indexWords[id], distance }));
  if (prelim.length > PRELIMINARY) {
    for (const p of prelim) (p as { key?: number }).key = p.distance * 40 - Math.log(unigram(res, p.w));
    prelim.sort((a, b) => (a as { key?: number }).key! - (b as { key?: number }).key!);
    prelim.length = PRELIMINARY;
  }
  for (const { w } of prelim) {
    if (w === q) continue;
    if (w.length === 1 && !SINGLE_LETTER_WORDS.has(w)) continue;
    const cost = channel.cost(q, w);
    if (cost > params.maxCost) continue;
    scored.push(scoredOption(res, [w], cost));
  }
  return scored;
}

/** Adds `left + best correction of piece + right` when the piece has a cheap one. */
function pushSplitCorrection(res: Resources, scored: Scored[], left: string[], piece: string, right: string[], mode: CandidateMode): void {
  const { params } = res;
  let best: Scored | undefined;
  // one plain edit (or one OCR confusion undone) only: the search runs for every cut, and dearer pieces rarely win
  for (const o of singleWords(res, piece, mode, 1)) if (!best || o.pre > best.pre) best = o;
  if (!best || best.cost > params.splitCorrectMaxCost) return;
  scored.push(scoredOption(res, [...left, ...best.words, ...right], params.splitCost + best.cost));
}

/** Readings of `q` as two or more words: exact cuts into known words, and an apostrophe read for a space. */
function addSplits(res: Resources, q: string, scored: Scored[]): void {
  const { params } = res;
  if (q.length >= 4) {
    for (let i = 1; i < q.length; i++) {
      const a = q.slice(0, i);
      const b = q.slice(i);
      if (isWord(res, a) && isWord(res, b)) scored.push(scoredOption(res, [a, b], params.splitCost));
    }
  }
  // two words joined by an apostrophe read for a space (`will'be`, `state'of`), not a contraction (`we'll`, `it's`)
  const apostrophe = q.indexOf("'");
  if (apostrophe > 0 && q.indexOf("'", apostrophe + 1) < 0) {
    const [a, b] = [q.slice(0, apostrophe), q.slice(apostrophe + 1)];
    if (!CONTRACTIONS.has(b) && isWord(res, a) && isWord(res, b)) scored.push(scoredOption(res, [a, b], params.splitCost));
  }
  // run-together words (`stickandarazor`): the likeliest way to cut the word into three or four known words
  if (q.length >= params.multiSplitMinLength) {
    const words = segment(res, q);
    if (words && words.length > 2) scored.push(scoredOption(res, words, params.multiSplitCost));
  }
}

/** Most words a run-together token is cut into. */
const MAX_PIECES = 4;

/** The most probable cut of `q` into at most MAX_PIECES known words (by unigram probability), or null. */
function segment(res: Resources, q: string): string[] | null {
  const n = q.length;
  // best[i][k]: best log-probability of q[0, i) cut into k pieces
  const best = Array.from({ length: n + 1 }, () => new Float64Array(MAX_PIECES + 1).fill(-Infinity));
  const back = Array.from({ length: n + 1 }, () => new Int16Array(MAX_PIECES + 1).fill(-1));
  best[0][0] = 0;
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 20); j < i; j++) {
      const w = q.slice(j, i);
      if (!isWord(res, w)) continue;
      const lp = Math.log(unigram(res, w));
      for (let k = 1; k <= MAX_PIECES; k++) {
        const v = best[j][k - 1] + lp;
        if (v > best[i][k]) {
          best[i][k] = v;
          back[i][k] = j;
        }
      }
    }
  }
  let k = 0;
  for (let c = 1; c <= MAX_PIECES; c++) if (best[n][c] > (k ? best[n][k] : -Infinity)) k = c;
  if (k === 0) return null;
  const words: string[] = [];
  for (let i = n; k > 0; k--) {
    const j = back[i][k];
    words.unshift(q.slice(j, i));
    i = j;
  }
  return words;
}

/** Shortest piece of a run-together word tried as a word of its own in a cut with a correction. */
const MIN_SPLIT_PIECE = 2;
/** Shortest piece corrected in such a cut. */
const MIN_CORRECTED_PIECE = 2;
/** A piece cut off unchanged must be at least this probable (that, which, before): rarer ones cost speed, not errors. */
const COMMON_WORD_PROB = 1e-4;

function commonWord(res: Resources, w: string): boolean {
  return (w.length > 1 || SINGLE_LETTER_WORDS.has(w)) && res.lexicon.prob(w) >= COMMON_WORD_PROB;
}

function isWord(res: Resources, w: string): boolean {
  if (w.length === 1) return SINGLE_LETTER_WORDS.has(w);
  return res.lexicon.corpusCount(w) >= 5;
}
