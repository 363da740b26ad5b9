import { describe, expect, it } from 'vitest';
import { Lexicon } from './lexicon.js';

describe('Lexicon TSV', () => {
  const entries = [
    { word: 'the', corpus: 120, general: 9000 },
    { word: 'london', corpus: 7, general: 40, proper: true },
    { word: "o'clock", corpus: 2, general: 0 },
  ];

  it('reads back what it writes: words, both counts and the name flag', () => {
    const back = Lexicon.fromTsv(new Lexicon(entries).toTsv());
    expect(back.size).toBe(3);
    expect([back.corpusCount('london'), back.isProper('london'), back.isProper('the'), back.has("o'clock")]).toEqual([7, true, false, true]);
    expect(back.prob('the')).toBeCloseTo(new Lexicon(entries).prob('the'), 12);
  });

  it('takes a last line without a line end and skips blank lines', () => {
    const lex = Lexicon.fromTsv('the\t120\t9000\n\nlondon\t7\t40\tP');
    expect([lex.size, lex.corpusCount('london'), lex.isProper('london')]).toEqual([2, 7, true]);
  });

  it('names the entry that is not word, count, count', () => {
    expect(() => Lexicon.fromTsv('the\t120\t9000\nlondon 7 40\ncat\t3\t4\n')).toThrow(/lexicon entry 2 .*london 7 40/);
  });
});
