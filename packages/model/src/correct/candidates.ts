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
  const channel = mode === 'query' ? res.typingChannel : res.channel;
  // rn→m and friends are two edits: short words need distance 2 as well
  const maxD = q.length >= 4 ? 2 : 1;
  const scored: Array<Option & { pre: number }> = [];
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
    scored.push({ words: [w], cost, pre: params.channelScale * cost + Math.log(unigram(res, w)) });
  }
  if (q.length >= 4) {
    for (let i = 1; i < q.length; i++) {
      const a = q.slice(0, i);
      const b = q.slice(i);
      if (!isWord(res, a) || !isWord(res, b)) continue;
      const cost = params.splitCost;
      scored.push({ words: [a, b], cost, pre: params.channelScale * cost + Math.log(unigram(res, a)) + Math.log(unigram(res, b)) });
    }
  }
  scored.sort((x, y) => y.pre - x.pre);
  return scored.slice(0, params.maxCandidates).map(({ words, cost }) => ({ words, cost }));
}

function isWord(res: Resources, w: string): boolean {
  if (w.length === 1) return SINGLE_LETTER_WORDS.has(w);
  return res.lexicon.corpusCount(w) >= 5;
}
