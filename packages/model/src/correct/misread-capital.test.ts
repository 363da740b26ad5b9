import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { misreadCapitals } from './misread-capital.js';

const found = (text: string) => {
  const tokens = tokenize(text, []);
  return misreadCapitals(tokens).map((i) => tokens[i].text);
};

describe('misreadCapitals', () => {
  it('finds In and Is inside a sentence, after a word or a comma and before a lower-case word', () => {
    expect(found('which young Caron stood In with the crowd')).toEqual(['In']);
    expect(found('the Minister for Queensland Is not yet here')).toEqual(['Is']);
    expect(found('the accounts,\nIn the paper')).toEqual(['In']);
    expect(found('he put Its cover Into the box')).toEqual(['Its', 'Into']);
  });

  it('leaves sentence starts, headings, quotations and other words alone', () => {
    expect(found('In the morning he left. Is it true?')).toEqual([]);
    expect(found('Made In Japan')).toEqual([]);
    expect(found('he said, "In the end it failed"')).toEqual([]);
    expect(found('Note: In this case the call fails')).toEqual([]);
    expect(found('and It was late')).toEqual([]);
    expect(found('and If so')).toEqual([]);
    expect(found('the STATE Is not')).toEqual([]);
  });
});
