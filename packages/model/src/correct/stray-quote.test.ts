import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { strayQuotes } from './stray-quote.js';

const stray = (text: string) => {
  const tokens = tokenize(text, []);
  return strayQuotes(tokens).map((i) => tokens[i].start);
};

describe('strayQuotes', () => {
  it('finds unpaired quote marks glued to a lower-case word', () => {
    expect(stray("the witness 'was there")).toEqual([12]);
    expect(stray("the witness and' he said")).toEqual([15]);
    expect(stray("|'away from the house")).toEqual([1]);
    expect(stray("He was !'a kind of man")).toEqual([8]);
    // quoted words in a row are specks in prose, a notation only in a text with brackets
    expect(stray("with him 'when I 'was 'in drink")).toEqual([9, 17, 22]);
  });

  it('leaves quotations, possessives, contractions and names alone', () => {
    for (const text of [
      "he called it 'protoplasm' then",
      "the word 'wealth.' came up",
      "the prisoners' case was heard",
      "I think it 's harder",
      "whose course, 'tis said, is run",
      'an admirer of Tam-o\'-Shanter',
      "the name 'Smith was written",
      "RuPaul's Drag Race",
      "(mark-dict (mark-dict '-es))) 'false-root root t t) lex 'kindof 'fish t t)",
      "\\[i'.fl',fr',tl'\\]",
    ]) {
      expect(stray(text), text).toEqual([]);
    }
  });

  it('pairs a quote mark only with one within the window, in words', () => {
    const far = "the witness 'was there. " + 'The board met on Tuesday. '.repeat(8) + "He said it was 'protoplasm' then";
    const find = (window: number | null) => {
      const tokens = tokenize(far, []);
      return strayQuotes(tokens, window).map((i) => tokens[i].start);
    };
    // the closing quote of `'protoplasm'` is 43 words after the speck: with no window it pairs with it
    expect(find(null)).toEqual([]);
    expect(find(30)).toEqual([12]);
  });
});
