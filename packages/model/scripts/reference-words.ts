/** What the ranker-measuring scripts (`ranking-oracle.ts`, `ranker-refit.ts`, `dev-halves.ts`) share about dev pairs. */
import { createHash } from 'node:crypto';
import { alignWords, words } from '@unsmudge/eval';
import type { RankerDecision } from '../src/index.js';

/** A word of a text aligned to a reference word: its span in the text, and the reference word as readings are written. */
export interface ReferenceWord {
  start: number;
  end: number;
  word: string;
}

/** A word as the corrector's readings are written: no marks at its ends, lower-cased, one kind of apostrophe. */
export function readingForm(w: string): string {
  return w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '').toLowerCase().replace(/’/g, "'");
}

/** Each whitespace-separated word of `noisy` that the word alignment pairs with a word of `clean`. */
export function referenceWords(noisy: string, clean: string): ReferenceWord[] {
  const spans = [...noisy.matchAll(/\S+/gu)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const ref = words(clean);
  const out: ReferenceWord[] = [];
  alignWords(words(noisy), ref).indexAlignedToRef.forEach((i, j) => {
    if (i !== null) out.push({ ...spans[i], word: readingForm(ref[j]) });
  });
  return out;
}

/** The index of the reference among a decision's readings (-1: not among them, or no reference word holds its span). */
export function rightReading(refs: readonly ReferenceWord[] | undefined, d: RankerDecision): number {
  const ref = refs?.find((r) => r.start <= d.start && d.end <= r.end);
  return ref ? d.readings.indexOf(ref.word) : -1;
}

/** The raw dev files of the OCR sets whose rows name their document (the eval loaders keep only ids), by set. */
export const DEV_PAIR_FILES: Readonly<Record<string, string>> = {
  overproof: 'ocr/overproof/dev.jsonl.gz',
  bln600: 'ocr/bln600/dev.jsonl.gz',
  icdar_en: 'ocr/icdar_en/segments/dev.jsonl.gz',
};

/** The dev halves by document: a document is in half B when the last hex digit of SHA-1("half:" + its key) is odd. */
export function inHalfB(documentKey: string): boolean {
  return parseInt(createHash('sha1').update('half:' + documentKey).digest('hex').slice(-1), 16) % 2 === 1;
}
