import { bigram, unigram } from './language-model.js';
import type { Resources } from './resources.js';

/** One way to read a piece of a run-together token: a word and the channel cost of reading it so. */
export interface PieceReading {
  word: string;
  cost: number;
}

/** Readings of a piece (exact or corrected); pieces that cannot be read as a word give none. Called once per cut: cache in it. */
export type PieceReader = (piece: string) => readonly PieceReading[];

export interface RunTogetherOptions {
  /** Channel cost of each space put back. */
  spaceCost: number;
  /** Readings to return. */
  limit: number;
  /** Fewest words of a reading returned. */
  minWords: number;
}

/** Longest piece tried as one word. */
const MAX_PIECE = 20;
/** Partial readings kept at each position (at most one per last word). */
const BEAM = 8;
/** Channel cost of an apostrophe read for a space or dropped as a speck (`wbose'evidence`). */
const APOSTROPHE_COST = 0.3;

interface Partial {
  score: number;
  cost: number;
  words: string[];
  /** letters of the pieces read exactly */
  exact: number;
}

/** A reading of a run-together token: its words, channel cost and letters in pieces read exactly (no correction). */
export interface RunTogetherReading {
  words: string[];
  cost: number;
  exactLetters: number;
}

/**
 * The likeliest readings of a token as several words whose spaces were lost, each word read exactly or with a
 * cheap correction (`theawomanwaidlecharged` → `the woman was discharged`): a Viterbi search over cut points that
 * scores word pairs with the bigram model and every correction and space with the channel cost. Returns up to
 * `limit` readings of at least `minWords` words, best first, with their summed channel costs.
 */
export function readRunTogether(res: Resources, q: string, readPiece: PieceReader, opts: RunTogetherOptions): RunTogetherReading[] {
  const n = q.length;
  const scale = res.params.channelScale;
  const at: Partial[][] = Array.from({ length: n + 1 }, () => []);
  at[0].push({ score: 0, cost: 0, words: [], exact: 0 });
  for (let i = 0; i < n; i++) {
    const here = prune(at[i]);
    if (here.length === 0) continue;
    if (q[i] === "'") {
      for (const h of here) at[i + 1].push({ score: h.score + scale * APOSTROPHE_COST, cost: h.cost + APOSTROPHE_COST, words: h.words, exact: h.exact });
      continue;
    }
    for (let j = i + 1; j <= Math.min(n, i + MAX_PIECE); j++) {
      const piece = q.slice(i, j);
      for (const r of readPiece(piece)) {
        for (const h of here) {
          const prev = h.words[h.words.length - 1];
          const cost = r.cost + (h.words.length > 0 ? opts.spaceCost : 0);
          // the first word has no known left context here: the ranker scores the reading in its context later
          const lp = Math.log(h.words.length > 0 ? bigram(res, prev, r.word) : unigram(res, r.word));
          at[j].push({ score: h.score + lp + scale * cost, cost: h.cost + cost, words: [...h.words, r.word], exact: h.exact + (r.cost === 0 ? piece.length : 0) });
        }
      }
    }
  }
  return prune(at[n])
    .filter((h) => h.words.length >= opts.minWords)
    .slice(0, opts.limit)
    .map(({ words, cost, exact }) => ({ words, cost, exactLetters: exact }));
}

/** Best partial reading per last word, the BEAM best of them, best first. */
function prune(hs: Partial[]): Partial[] {
  const byLast = new Map<string, Partial>();
  for (const h of hs) {
    const key = h.words.length > 0 ? h.words[h.words.length - 1] : '';
    const cur = byLast.get(key);
    if (!cur || h.score > cur.score) byLast.set(key, h);
  }
  const out = [...byLast.values()].sort((a, b) => b.score - a.score);
  if (out.length > BEAM) out.length = BEAM;
  hs.length = 0;
  hs.push(...out);
  return hs;
}
