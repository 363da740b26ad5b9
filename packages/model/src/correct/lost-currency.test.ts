import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { currencyOfText, lostCurrencySigns } from './lost-currency.js';

const marked = (text: string) => {
  const tokens = tokenize(text);
  return lostCurrencySigns(tokens).map((i) => text.slice(0, tokens[i].start) + '|' + text.slice(tokens[i].start));
};

describe('lostCurrencySigns', () => {
  it('finds a replacement mark right before a figure, after a space, a mark or the start', () => {
    expect(marked('a watch valued at \ufffd600, the property')).toEqual(['a watch valued at |\ufffd600, the property']);
    expect(marked('(\ufffd5)')).toEqual(['(|\ufffd5)']);
    expect(marked('\ufffd40 of the money')).toEqual(['|\ufffd40 of the money']);
  });

  it('leaves a mark glued to a word or figure, or followed by a letter, alone', () => {
    expect(marked('from R\ufffd3 per week')).toEqual([]);
    expect(marked('about 2\ufffd0, were')).toEqual([]);
    expect(marked('his wife and \ufffdhild')).toEqual([]);
    expect(marked('the sum of \ufffd MiOO')).toEqual([]);
  });
});

describe('currencyOfText', () => {
  it('takes the one sign the text writes before figures, else the fallback', () => {
    expect(currencyOfText(tokenize('paid \u20ac5 and \ufffd6'), '£')).toBe('\u20ac');
    expect(currencyOfText(tokenize('paid \ufffd6'), '£')).toBe('£');
    expect(currencyOfText(tokenize('paid \ufffd6'), null)).toBeNull();
    // a sign not before a figure says nothing; two different signs leave the mark alone
    expect(currencyOfText(tokenize('the $ sign and \ufffd6'), '£')).toBe('£');
    expect(currencyOfText(tokenize('$5 or \u20ac4 or \ufffd6'), '£')).toBeNull();
  });
});
