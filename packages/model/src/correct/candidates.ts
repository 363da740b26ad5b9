import { normalizeWord } from '../lexicon/lm-words.js';
import type { Resources } from './resources.js';
import { unigram } from './language-model.js';
import { readRunTogether, type PieceReading } from './run-together.js';
import { ChannelTrie } from '../candidates/channel-trie.js';

/** A possible correction of one word: lower-cased words (more than one when the word is split). */
export interface Option {
  words: string[];
  /** Channel cost (edit units) of turning this option into the noisy word. */
  cost: number;
  /** A reading of a long token as three or more words whose spaces were lost (credited for the token's length). */
  runTogether?: true;
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
  const out: Option[] = scored.slice(0, params.maxCandidates).map(({ words, cost }) => ({ words, cost }));
  // three or more words whose spaces were lost, some of them misread (`theawomanwaidlecharged`); many short words
  // have a low unigram pre-score, so these readings are added after the cut
  // (not searched when one word explains the token cheaply: `remembranee`)
  const explained = out.some((o) => o.words.length === 1 && o.cost <= ONE_WORD_EXPLAINS);
  const runTogether = params.runTogetherMinLength !== null && q.length >= params.runTogetherMinLength && q.length <= RUN_TOGETHER_MAX_LENGTH;
  if (runTogether && !isWord(res, q) && !explained) {
    // where the token already reads exactly as a few known words, a reading that only cuts those words further is none
    // of its readings (`and caution ed` beside `and cautioned`: the credit below would prefer it)
    const exactCuts = out.filter((o) => o.words.length >= 2 && o.words.join('') === q).map((o) => cutsOf(o.words));
    const reader = (piece: string) => cachedPiece(res, piece, mode);
    for (const o of readRunTogether(res, q, reader, { spaceCost: params.runTogetherSpaceCost, limit: RUN_TOGETHER_READINGS, minWords: 3 })) {
      // a cut inside a word (`with drawn`, `after wards`) is a compound read wrongly, not a lost space; a word
      // repeated (`xxxx xxxx`) is a pattern cut up, not prose
      // (a rare word across the cut, `thea`, `anda`, is no compound: `the a`, `and a` are read)
      if (o.words.some((w, i) => i > 0 && (res.lexicon.corpusCount(o.words[i - 1] + w) >= COMPOUND_MIN_COUNT || w === o.words[i - 1]))) continue;
      if (exactCuts.length > 0 && o.words.join('') === q && cutsFurther(o.words, exactCuts)) continue;
      // one unknown word that long is improbable, many known words that lost their spaces are not: such readings
      // are credited for each letter of their exactly read pieces beyond a few (two-word readings
      // compete as plain splits do; corrected pieces are no evidence of lost spaces)
      const credit = params.runTogetherCredit * Math.max(0, o.exactLetters - params.runTogetherCreditFrom);
      out.push({ words: o.words, cost: o.cost - credit, runTogether: true });
    }
  }
  return cheapestPerReading(out);
}

/**
 * One option per reading: the same words found by two routes (`thatimorning`: `that` before `imorning` corrected, and
 * `thati` corrected before `morning`) are one reading, at the cheaper cost, where the first of them stood; listed
 * twice they would split its probability between them.
 */
export function cheapestPerReading(options: readonly Option[]): Option[] {
  const at = new Map<string, number>();
  const out: Option[] = [];
  for (const o of options) {
    const key = o.words.join(' ');
    const k = at.get(key);
    if (k === undefined) {
      at.set(key, out.length);
      out.push(o);
    } else if (o.cost < out[k].cost) out[k] = o;
  }
  return out;
}

/** Where a token is cut into `words`: the length of each prefix before a cut. */
function cutsOf(words: readonly string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const w of words.slice(0, -1)) out.push((at += w.length));
  return out;
}

/** Whether `words` make every cut of one of `readings` (cut positions) and more. */
function cutsFurther(words: readonly string[], readings: readonly number[][]): boolean {
  const cuts = new Set(cutsOf(words));
  return readings.some((c) => c.length < cuts.size && c.every((x) => cuts.has(x)));
}

/** A word across a cut of a run-together reading at least this frequent makes the cut one inside a compound. */
const COMPOUND_MIN_COUNT = 50;

/** Channel cost below which a one-word reading of a long token makes its run-together search pointless. */
const ONE_WORD_EXPLAINS = 1;
/** Longest token searched for lost spaces (a line of prose run together; longer ones are not prose). */
const RUN_TOGETHER_MAX_LENGTH = 60;
/** Readings of a long run-together token added to its candidates. */
const RUN_TOGETHER_READINGS = 3;
/** Corrected readings of one piece of a run-together token. */
const PIECE_CORRECTIONS = 3;

/** Pieces of run-together tokens whose readings are remembered (common pieces recur: `the`, `prisoner`). */
const CACHE_PIECES = 50_000;
const pieceCaches = new WeakMap<Resources, Map<string, PieceReading[]>>();

function cachedPiece(res: Resources, piece: string, mode: CandidateMode): PieceReading[] {
  let cache = pieceCaches.get(res);
  if (!cache) pieceCaches.set(res, (cache = new Map()));
  const key = mode === 'query' ? `?${piece}` : piece;
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size >= CACHE_PIECES) cache.delete(cache.keys().next().value!);
    cache.set(key, (hit = readPiece(res, piece, mode)));
  }
  return hit;
}

/**
 * A piece of a run-together token read as a known word, or as up to PIECE_CORRECTIONS cheap corrections of one: a
 * lean search (one plain edit, or one OCR confusion undone, and the channel cost of the likeliest few only), because
 * it runs for every piece of the token.
 */
function readPiece(res: Resources, piece: string, mode: CandidateMode): PieceReading[] {
  // `i` inside a lower-case token would have been written `I`: `entrepreneurially` is not `entrepreneur i ally`
  if (piece === 'i') return [];
  const exact: PieceReading[] = isWord(res, piece) ? [{ word: piece, cost: 0 }] : [];
  // a rare word may be a misreading of a common one (`tha` for `the`)
  const rare = exact.length === 0 || res.lexicon.corpusCount(piece) <= res.params.rareWordCount;
  if (!rare || piece.length < MIN_CORRECTED_RUN_PIECE || piece.length > MAX_CORRECTED_RUN_PIECE || piece.includes("'")) return exact;
  const words = new Set<string>();
  for (const r of res.index.lookup(piece, 1)) words.add(res.indexWords[r.id]);
  for (const v of res.channel.variants(piece)) if (isWord(res, v)) words.add(v);
  words.delete(piece);
  const likely = [...words].filter((w) => w.length > 1 || SINGLE_LETTER_WORDS.has(w));
  likely.sort((a, b) => res.lexicon.prob(b) - res.lexicon.prob(a));
  const channel = mode === 'query' ? res.typingChannel : res.channel;
  const found: Scored[] = [];
  for (const w of likely.slice(0, PIECE_CHANNEL_COSTS)) {
    const cost = channel.cost(piece, w);
    if (cost <= res.params.splitCorrectMaxCost) found.push(scoredOption(res, [w], cost));
  }
  found.sort((a, b) => b.pre - a.pre);
  return [...exact, ...found.slice(0, PIECE_CORRECTIONS).map((o) => ({ word: o.words[0], cost: o.cost }))];
}

/** Likeliest words near a piece whose channel cost is computed. */
const PIECE_CHANNEL_COSTS = 8;
/** Longest piece of a run-together token that is corrected. */
const MAX_CORRECTED_RUN_PIECE = 12;
/** Shortest piece of a run-together token that is corrected (shorter ones match too much). */
const MIN_CORRECTED_RUN_PIECE = 3;

type Scored = Option & { pre: number };

/** An option with its pre-ranking score: channel cost plus the unigram probability of its words. */
function scoredOption(res: Resources, words: string[], cost: number): Scored {
  return { words, cost, pre: res.params.channelScale * cost + words.reduce((s, w) => s + Math.log(unigram(res, w)), 0) };
}

/** `scoredOption` of the one word of the candidate index with id `id`, its log prior looked up. */
function wordOption(res: Resources, id: number, cost: number, logPrior: Float64Array): Scored {
  return { words: [res.indexWords[id]], cost, pre: res.params.channelScale * cost + logPrior[id] };
}

/**
 * One-word corrections of `q` by the channel model (not ranked yet), searched up to `maxD` plain edits (by default
 * two from four letters on: rn→m and friends are two edits, so short words need distance 2 as well).
 */
function singleWords(res: Resources, q: string, mode: CandidateMode, maxD = q.length >= 4 ? 2 : 1, piece = false): Scored[] {
  const { params } = res;
  const channel = mode === 'query' ? res.typingChannel : res.channel;
  const scored: Scored[] = [];
  const hits = new Map<number, number>();
  const index = res.index;
  for (let n = index.find(q, maxD), k = 0; k < n; k++) hits.set(index.foundIds[k], index.foundDistances[k]);
  // a reading with one OCR confusion undone counts as one edit (so `mat` for `rnat` is as near as `rat`)
  const nearer = (v: string) => {
    const n = index.find(v, 1);
    const ids = index.foundIds;
    const distances = index.foundDistances;
    for (let k = 0; k < n; k++) hits.set(ids[k], Math.min(hits.get(ids[k]) ?? Infinity, distances[k] + 1));
  };
  for (const v of res.channel.variants(q)) nearer(v);
  // a short word searched at one edit: one cheap misread letter undone first (`tbo` → `tho` → `the`)
  if (maxD === 1 && mode === 'text' && q.length >= 3 && res.params.shortWordLetterCost !== null) {
    for (const v of res.channel.letterVariants(q, res.params.shortWordLetterCost)) nearer(v);
  }
  // a long word far from every known one (`conneotioim`, `Rleverrue`): a third edit away, through one cheap misreading
  // undone (a letter or a letter group)
  const far = maxD === 2 && mode === 'text' && params.farMinLength !== null && q.length >= params.farMinLength && ![...hits.values()].some((d) => d <= 1);
  // (longer words are left to the deep search below, which finds their far readings among common words faster)
  if (far && (params.farMaxLength === null || q.length < params.farMaxLength)) {
    const variants = new Set([...res.channel.letterVariants(q, params.farLetterCost), ...res.channel.variants(q)]);
    for (const v of variants) {
      const n = index.find(v, 2);
      const ids = index.foundIds;
      const distances = index.foundDistances;
      for (let k = 0; k < n; k++) if (!hits.has(ids[k])) hits.set(ids[k], distances[k] + 1);
    }
  }
  const costCap = far ? params.farMaxCost : params.maxCost;
  // a garbled word (`rcsuiniitiou`, `lirgolv`): searched by the channel cost itself, many cheap misreadings deep
  const deep = far && params.deepMinLength !== null && q.length >= params.deepMinLength;
  // the weighted channel is dear: compute it for the likeliest hits only (by plain distance, then frequency)
  let prelim = [...hits.keys()];
  const logPrior = indexLogPriors(res);
  if (prelim.length > PRELIMINARY) {
    const keyed = prelim.map((id) => ({ id, key: hits.get(id)! * 40 - logPrior[id] }));
    keyed.sort((a, b) => a.key - b.key);
    prelim = keyed.slice(0, PRELIMINARY).map((k) => k.id);
  }
  for (const id of prelim) {
    const w = res.indexWords[id];
    if (w === q) continue;
    if (w.length === 1 && !SINGLE_LETTER_WORDS.has(w)) continue;
    const cost = channel.cost(q, w);
    if (cost > costCap) continue;
    scored.push(wordOption(res, id, cost, logPrior));
  }
  // (not when a reading found above is already cheap: the ranker keeps it over the dearer ones found so deep)
  const cheapFound = deep && scored.some((o) => o.cost <= params.deepSkipBelow);
  // a shorter unknown word: its cheap readings among common words by the channel cost itself, which the plain-edit
  // search misses (`ohlof` → chief, `matij` → many)
  // (the misread piece of a run-together token only from `shallowSplitMinLength` letters: shorter ones cost much, win little)
  const pieceLongEnough = !piece || (params.shallowSplitMinLength !== null && q.length >= params.shallowSplitMinLength);
  const shallow = !deep && mode === 'text' && pieceLongEnough && params.shallowMinLength !== null && q.length >= params.shallowMinLength && !res.lexicon.has(q);
  const weighted = deep
    ? cheapFound
      ? null
      : { minCount: params.deepMinCount, budget: params.deepMaxCost, limit: DEEP_HITS, maxNodes: DEEP_MAX_NODES }
    : shallow
      ? { minCount: params.shallowMinCount, budget: params.shallowMaxCost, limit: params.shallowHits, maxNodes: params.shallowMaxNodes }
      : null;
  const addHits = (search: TrieSearch) => {
    for (const h of channelTrie(res, search.minCount).search(q, channel, search).hits) {
      const w = res.indexWords[h.id];
      if (prelim.includes(h.id) || scored.some((o) => o.words.length === 1 && o.words[0] === w)) continue;
      const cost = channel.cost(q, w);
      if (cost <= search.budget) scored.push(wordOption(res, h.id, cost, logPrior));
    }
  };
  if (weighted) addHits(weighted);
  // and a long one that nothing found so far reads well enough, among the rarer words at a tighter budget (`tondoru`
  // → tenders, `lnleicepted` → intercepted: words the corpus has fewer than `deepMinCount` times)
  const rareSearch = deep && !cheapFound && params.deepRareMaxCost !== null && q.length >= params.deepRareMinLength && !scored.some((o) => o.cost <= params.deepRareSkipBelow);
  if (rareSearch) addHits({ minCount: params.deepRareMinCount, budget: params.deepRareMaxCost!, limit: DEEP_HITS, maxNodes: DEEP_MAX_NODES });
  return scored;
}

/** A weighted search down the trie of the words seen at least `minCount` times. */
type TrieSearch = { minCount: number; budget: number; limit: number; maxNodes: number };

/** Readings of a garbled word taken from the weighted search, and the trie nodes it may visit. */
const DEEP_HITS = 12;
const DEEP_MAX_NODES = 60_000;
const tries = new WeakMap<Resources, Map<number, ChannelTrie>>();

/** The trie of the words seen at least `min` times that a garbled word may stand for (built when first needed: about 0.1 s). */
function channelTrie(res: Resources, min: number): ChannelTrie {
  let byCount = tries.get(res);
  if (!byCount) tries.set(res, (byCount = new Map()));
  let trie = byCount.get(min);
  if (!trie) byCount.set(min, (trie = new ChannelTrie(res.indexWords, (w) => w.length >= 2 && !w.includes("'") && res.lexicon.corpusCount(w) >= min)));
  return trie;
}

const logPriors = new WeakMap<Resources, Float64Array>();

/** Log unigram probability of each word of the candidate index, by id (computed once per resources). */
function indexLogPriors(res: Resources): Float64Array {
  let priors = logPriors.get(res);
  if (!priors) {
    priors = Float64Array.from(res.indexWords, (w) => Math.log(unigram(res, w)));
    logPriors.set(res, priors);
  }
  return priors;
}

/** Adds `left + best correction of piece + right` when the piece has a cheap one. */
function pushSplitCorrection(res: Resources, scored: Scored[], left: string[], piece: string, right: string[], mode: CandidateMode): void {
  const { params } = res;
  let best: Scored | undefined;
  // one plain edit (or one OCR confusion undone) only: the search runs for every cut, and dearer pieces rarely win
  for (const o of singleWords(res, piece, mode, 1, true)) if (!best || o.pre > best.pre) best = o;
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
