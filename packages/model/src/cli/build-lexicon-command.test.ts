import { describe, expect, it } from 'vitest';
import { parseWeights } from './build-lexicon-command.js';
import { UsageError } from './usage-error.js';

describe('unsmudge build-lexicon --weight', () => {
  const files = ['gutenberg_books_en.txt.gz', 'wikipedia_en.txt.gz'];

  it('reads FILE=N pairs for corpus files', () => {
    expect(parseWeights(['gutenberg_books_en.txt.gz=2', 'wikipedia_en.txt.gz=0.5'], files)).toEqual({ 'gutenberg_books_en.txt.gz': 2, 'wikipedia_en.txt.gz': 0.5 });
    expect(parseWeights([], files)).toEqual({});
  });

  it('refuses a file that is not in the corpus, or a weight that is not a positive number', () => {
    expect(() => parseWeights(['books.txt.gz=2'], files)).toThrow(UsageError);
    expect(() => parseWeights(['books.txt.gz=2'], files)).toThrow(/not a corpus file/);
    expect(() => parseWeights(['gutenberg_books_en.txt.gz=0'], files)).toThrow(/positive number/);
    expect(() => parseWeights(['gutenberg_books_en.txt.gz'], files)).toThrow(/FILE=N/);
  });
});
