import { BigramModel } from './bigrams.js';
import { Lexicon, type LexiconEntry } from './lexicon.js';
import { BOUNDARY } from './bigrams.js';
import { NUM, lmWords, normalizeWord } from './lm-words.js';

/** A paragraph whose words count `weight` times (a source that should weigh more than its size: older prose). */
export interface WeightedParagraph {
  text: string;
  weight: number;
}

export interface BuildLexiconOptions {
  /** Paragraphs of clean training text; a plain string counts once. */
  paragraphs: AsyncIterable<string | WeightedParagraph> | Iterable<string | WeightedParagraph>;
  /** A general word-frequency list (word, count), e.g. the SymSpell list. */
  general?: Iterable<[string, number]>;
  /** Paragraphs for which this returns true are not used (held out for evaluation). */
  skip?: (paragraph: string) => boolean;
  /** Corpus words seen fewer times are left out unless in the general list (default 2). */
  minWordCount?: number;
  /** Word pairs seen fewer times are left out (default 2). */
  minPairCount?: number;
  onProgress?: (paragraphs: number, words: number) => void;
}

export interface BuiltLexicon {
  lexicon: Lexicon;
  bigrams: BigramModel;
  stats: { paragraphs: number; skipped: number; tokens: number; words: number; pairs: number };
}

/** Counts words and word pairs of a corpus; the corrector's frequency prior and context model. */
export async function buildLexicon(opts: BuildLexiconOptions): Promise<BuiltLexicon> {
  const minWord = opts.minWordCount ?? 2;
  const minPair = opts.minPairCount ?? 2;
  const uni = new Map<string, number>();
  /** per lower-cased word: [occurrences inside sentences, of which capitalised] */
  const caps = new Map<string, [number, number]>();
  const pairs = new Map<string, number>();
  let paragraphs = 0;
  let skipped = 0;
  let tokens = 0;
  for await (const item of opts.paragraphs) {
    const p = typeof item === 'string' ? item : item.text;
    const weight = typeof item === 'string' ? 1 : item.weight;
    if (!p || !(weight > 0)) continue;
    if (opts.skip?.(p)) {
      skipped++;
      continue;
    }
    paragraphs++;
    countCapitals(p, caps, weight);
    const ws = lmWords(p);
    for (let i = 1; i < ws.length; i++) {
      const w = ws[i];
      if (w !== BOUNDARY && w !== NUM) {
        uni.set(w, (uni.get(w) ?? 0) + weight);
        tokens += weight;
      }
      const key = ws[i - 1] + ' ' + w;
      pairs.set(key, (pairs.get(key) ?? 0) + weight);
    }
    if (paragraphs % 5000 === 0) opts.onProgress?.(paragraphs, tokens);
  }
  const general = new Map<string, number>();
  for (const [w, c] of opts.general ?? []) {
    const lw = w.toLowerCase();
    general.set(lw, (general.get(lw) ?? 0) + c);
  }
  const entries: LexiconEntry[] = [];
  const proper = (w: string) => {
    const c = caps.get(w);
    return c !== undefined && c[0] >= 3 && c[1] >= 0.9 * c[0];
  };
  for (const [w, c] of uni) {
    if (c >= minWord || general.has(w)) entries.push({ word: w, corpus: c, general: general.get(w) ?? 0, proper: proper(w) });
  }
  for (const [w, c] of general) if (!uni.has(w)) entries.push({ word: w, corpus: 0, general: c });
  const lexicon = new Lexicon(entries);
  const bigrams = BigramModel.fromCounts(pairs, minPair);
  return {
    lexicon,
    bigrams,
    stats: { paragraphs, skipped, tokens, words: lexicon.size, pairs: bigrams.size },
  };
}

const WORD_IN_SENTENCE = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** Counts, for words not at a sentence start, how often they are capitalised. */
function countCapitals(p: string, caps: Map<string, [number, number]>, weight: number): void {
  for (const m of p.matchAll(WORD_IN_SENTENCE)) {
    const before = p.slice(Math.max(0, m.index - 3), m.index).trimEnd();
    if (before === '' || /[.!?:"“‘([]$/.test(before)) continue;
    const w = normalizeWord(m[0]);
    const c = caps.get(w) ?? [0, 0];
    c[0] += weight;
    const first = m[0][0];
    if (first !== first.toLowerCase()) c[1] += weight;
    caps.set(w, c);
  }
}
