import { alignWords, sample, words } from '@unsmudge/eval';
import type { WordPair } from './word-pairs.js';

export interface RealPairOptions {
  /** Characters of context on each side (default 32). */
  context?: number;
  /** Share of examples whose word the OCR read right (default 0.2). */
  cleanShare?: number;
  /** Examples at most (default 512), drawn with `seed` (default 0). */
  max?: number;
  seed?: number;
}

/** A word of letters, apostrophes inside allowed. */
const WORD = /^[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*$/u;
/** Marks at the edges of a token (quotes, stops, commas): context, not part of the word. */
const EDGES = /^([^\p{L}\p{M}]*)(.*?)([^\p{L}\p{M}]*)$/u;

/**
 * Word-level examples of the candidate scorer cut from real (noisy, clean) lines: each clean word aligned to one noisy
 * token, that token (without the marks at its edges) in its noisy line → the clean word. Misread words, plus
 * `cleanShare` of words read right.
 */
export function realWordPairs(rows: readonly { noisy: string; clean: string }[], opts: RealPairOptions = {}): WordPair[] {
  const ctx = opts.context ?? 32;
  const cleanShare = opts.cleanShare ?? 0.2;
  const changed: WordPair[] = [];
  const untouched: WordPair[] = [];
  for (const row of rows) {
    const spans = [...row.noisy.matchAll(/\S+/gu)];
    const al = alignWords(words(row.noisy), words(row.clean));
    words(row.clean).forEach((ref, j) => {
      const i = al.indexAlignedToRef[j];
      if (i === null) return;
      const clean = EDGES.exec(ref)![2];
      const m = EDGES.exec(spans[i][0])!;
      const noisy = m[2];
      if (!WORD.test(clean) || noisy === '') return;
      const start = spans[i].index! + m[1].length;
      const end = start + noisy.length;
      const pair = { left: row.noisy.slice(Math.max(0, start - ctx), start), noisy, right: row.noisy.slice(end, end + ctx), clean };
      (noisy === clean ? untouched : changed).push(pair);
    });
  }
  const max = opts.max ?? 512;
  const seed = opts.seed ?? 0;
  const nChanged = Math.min(changed.length, Math.round(max * (1 - cleanShare)));
  const nClean = Math.min(untouched.length, Math.round((nChanged * cleanShare) / (1 - cleanShare)));
  return [...sample(changed, nChanged, seed), ...sample(untouched, nClean, seed + 1)];
}
