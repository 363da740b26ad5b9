import { BigramModel } from './bigrams.js';
import { Lexicon, type LexiconEntry } from './lexicon.js';
import { BOUNDARY } from './bigrams.js';
import { NUM, lmWords } from './lm-words.js';

export interface BuildLexiconOptions {
  /** Paragraphs of clean training text. */
  paragraphs: AsyncIterable<string> | Iterable<string>;
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
  const pairs = new Map<string, number>();
  let paragraphs = 0;
  let skipped = 0;
  let tokens = 0;
  for await (const p of opts.paragraphs) {
    if (!p) continue;
    if (opts.skip?.(p)) {
      skipped++;
      continue;
    }
    paragraphs++;
    const ws = lmWords(p);
    for (let i = 1; i < ws.length; i++) {
      const w = ws[i];
      if (w !== BOUNDARY && w !== NUM) {
        uni.set(w, (uni.get(w) ?? 0) + 1);
        tokens++;
      }
      const key = ws[i - 1] + ' ' + w;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    if (paragraphs % 5000 === 0) opts.onProgress?.(paragraphs, tokens);
  }
  const general = new Map<string, number>();
  for (const [w, c] of opts.general ?? []) {
    const lw = w.toLowerCase();
    general.set(lw, (general.get(lw) ?? 0) + c);
  }
  const entries: LexiconEntry[] = [];
  for (const [w, c] of uni) {
    if (c >= minWord || general.has(w)) entries.push({ word: w, corpus: c, general: general.get(w) ?? 0 });
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
