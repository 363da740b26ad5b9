import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { isSpellingQuery } from './suspects.js';

describe('isSpellingQuery', () => {
  it('is a bare word in lower or title case, spaces around it allowed', () => {
    for (const q of ['recieve', 'Athenean', '  wierd \n']) expect(isSpellingQuery(tokenize(q)), q).toBe(true);
  });
  it('is not a line of a scan (capitals, punctuation) nor more than one word', () => {
    for (const q of ['ARRIVALS', 'ful.', 'verdict.', 'two words', '', '42']) expect(isSpellingQuery(tokenize(q)), q).toBe(false);
  });
});
