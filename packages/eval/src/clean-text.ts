import { join } from 'node:path';
import { stableHash } from './fnv.js';
import type { EvalItem } from './loaders.js';
import { sample } from './random.js';
import { readLines } from '@unsmudge/corruptors';

/** The four files of clean_text/, in a fixed order. */
export const CLEAN_TEXT_FILES = ['wikipedia_en.txt.gz', 'aws_docs_en.txt.gz', 'gutenberg_books_en.txt.gz', 'state_of_the_union_en.txt.gz'] as const;

/** Held out: stableHash (FNV-1a-32 of the trimmed paragraph's UTF-8 bytes, then fmix32) mod 1000 below this (≈0.5 % of paragraphs). */
export const HELD_OUT_PER_MILLE = 5;

/**
 * True when a clean_text paragraph belongs to the evaluation hold-out, so training must skip it.
 * Depends on the paragraph text only (trimmed), so it holds whichever file or order it comes from.
 */
export function isHeldOutParagraph(text: string): boolean {
  const t = text.trim();
  return t !== '' && stableHash(t) % 1000 < HELD_OUT_PER_MILLE;
}

/** Which half of the hold-out a held-out paragraph is in (a second, independent hash). */
export function heldOutSplit(text: string): 'dev' | 'test' {
  return stableHash(`split:${text.trim()}`) % 2 === 0 ? 'dev' : 'test';
}

export interface CleanTextOptions {
  split: 'dev' | 'test';
  /** Paragraphs to keep per split (fixed-seed sample of the held-out ones); default 500. */
  size?: number;
  seed?: number;
}

/** All held-out paragraphs of one split, from every clean_text file, as identity pairs (noisy = clean). */
export async function loadHeldOutParagraphs(cleanTextDir: string, split: 'dev' | 'test'): Promise<EvalItem[]> {
  const items: EvalItem[] = [];
  for (const file of CLEAN_TEXT_FILES) {
    let lineNo = 0;
    for await (const line of readLines(join(cleanTextDir, file))) {
      lineNo++;
      if (!isHeldOutParagraph(line) || heldOutSplit(line) !== split) continue;
      const text = line.trim();
      items.push({ id: `${file}:${lineNo}`, noisy: text, clean: text, count: 1 });
    }
  }
  return items;
}

/** The clean-text evaluation set: a fixed-seed sample (default 500 per split, seed 0) of the held-out paragraphs. */
export async function loadCleanTextSet(cleanTextDir: string, options: CleanTextOptions): Promise<EvalItem[]> {
  const all = await loadHeldOutParagraphs(cleanTextDir, options.split);
  return sample(all, options.size ?? 500, options.seed ?? 0);
}
