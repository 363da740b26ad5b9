import { join } from 'node:path';
import { loadCleanTextSet } from './clean-text.js';
import { UnknownNameError } from './errors.js';
import { loadJsonlPairs, loadTsvPairs, type EvalItem } from './loaders.js';

export type Split = 'dev' | 'test';
export const SPLITS: readonly Split[] = ['dev', 'test'];

export type SetKind = 'ocr' | 'typo-words' | 'typo-sentences' | 'clean';

export interface SetSpec {
  name: string;
  kind: SetKind;
  /** Word-pair sets: each misspelling is given to the corrector as its own text. */
  unit: 'text' | 'word';
  description: string;
  /** Path of each split relative to the data root. */
  files: Record<Split, string>;
  format: 'jsonl' | 'tsv' | 'clean-text';
  columns?: { noisy: string; clean: string; count?: string };
}

const words = (name: string, dir: string, description: string, count = false): SetSpec => ({
  name,
  kind: 'typo-words',
  unit: 'word',
  description,
  files: { dev: `typos/${dir}/dev.tsv`, test: `typos/${dir}/test.tsv` },
  format: 'tsv',
  columns: { noisy: 'misspelling', clean: 'correct', ...(count ? { count: 'count' } : {}) },
});

const texts = (name: string, kind: SetKind, dir: string, ext: string, description: string): SetSpec => ({
  name,
  kind,
  unit: 'text',
  description,
  files: { dev: `${dir}/dev.${ext}`, test: `${dir}/test.${ext}` },
  format: 'jsonl',
});

/** Every named set the bench knows, in report order. */
export const SETS: readonly SetSpec[] = [
  texts('bln600', 'ocr', 'ocr/bln600', 'jsonl.gz', 'BLN600, 19th-c. British newspapers, OCR vs human (sentences)'),
  texts('overproof', 'ocr', 'ocr/overproof', 'jsonl.gz', 'Overproof, AU/US newspapers (printed lines)'),
  texts('icdar_en', 'ocr', 'ocr/icdar_en/segments', 'jsonl.gz', 'ICDAR 2017/2019 English (segments, 60–220 chars)'),
  texts('acl_arc', 'ocr', 'ocr/acl_arc', 'jsonl', 'ACL Anthology OCR, scientific prose (paragraphs)'),
  {
    name: 'acl_arc_words',
    kind: 'ocr',
    unit: 'word',
    description: 'ACL ARC isolated OCR word errors (word pairs)',
    files: { dev: 'ocr/acl_arc_word_errors/dev.tsv', test: 'ocr/acl_arc_word_errors/test.tsv' },
    format: 'tsv',
    columns: { noisy: 'ocr', clean: 'correct', count: 'count' },
  },
  words('birkbeck', 'birkbeck', 'Birkbeck native-speaker misspellings (word pairs)'),
  words('toefl_spell', 'toefl_spell', 'TOEFL-Spell learner misspellings (word pairs)'),
  words('wikipedia', 'wikipedia', "Wikipedia editors' common misspellings (word pairs)"),
  words('aspell', 'aspell', 'Aspell common misspellings (word pairs)'),
  words('norvig1', 'norvig_testset1', 'Norvig spell-testset1 (word pairs)'),
  words('norvig2', 'norvig_testset2', 'Norvig spell-testset2 (word pairs)'),
  words('tweet', 'tweet_typo_corpus', 'Twitter typo corpus (word pairs)', true),
  texts('jfleg_spell', 'typo-sentences', 'typos/jfleg_spell', 'jsonl', 'JFLEG learner sentences, spelling errors only (tokenised)'),
  {
    name: 'clean_text',
    kind: 'clean',
    unit: 'text',
    description: 'Held-out clean_text paragraphs, a fixed-seed sample (seed 0) of 500 of the split (noisy = clean): how much a corrector changes clean text',
    files: { dev: 'clean_text', test: 'clean_text' },
    format: 'clean-text',
  },
];

export function setNames(): string[] {
  return SETS.map((s) => s.name);
}

export function getSet(name: string): SetSpec {
  const spec = SETS.find((s) => s.name === name);
  if (!spec) throw new UnknownNameError('set', name, setNames());
  return spec;
}

export interface LoadSetOptions {
  dataDir: string;
  /** clean_text only: paragraphs per split (default 500) and sampling seed (default 0). */
  cleanTextSize?: number;
  cleanTextSeed?: number;
}

/** All items of one split of a named set, in file order. */
export async function loadSet(name: string, split: Split, options: LoadSetOptions): Promise<EvalItem[]> {
  const spec = getSet(name);
  if (!SPLITS.includes(split)) throw new UnknownNameError('split', split, SPLITS);
  const path = join(options.dataDir, spec.files[split]);
  switch (spec.format) {
    case 'jsonl':
      return loadJsonlPairs(path);
    case 'tsv':
      return loadTsvPairs(path, spec.columns as NonNullable<SetSpec['columns']>);
    case 'clean-text':
      return loadCleanTextSet(path, { split, size: options.cleanTextSize, seed: options.cleanTextSeed });
  }
}
