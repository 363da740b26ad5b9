import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { misreadOnes, oneFor } from './misread-one.js';

const found = (text: string) => {
  const tokens = tokenize(text);
  return misreadOnes(tokens).map((i) => tokens[i].text);
};

describe('misreadOnes', () => {
  it('finds a figure one read as a letter beside another sum of old money', () => {
    expect(found('pub. at £1. Is 10s 6d Grant')).toEqual(['Is']);
    expect(found('post free. Is 3d, from the chemist')).toEqual(['Is']);
    expect(found('Tablets, Is 1½d, from all chemists')).toEqual(['Is']);
    expect(found('cost ls. 6d. each')).toEqual(['ls']);
    expect(found('a fine of 10s ld and costs')).toEqual(['ld']);
    expect(oneFor('Is')).toBe('1s');
    expect(oneFor('ld')).toBe('1d');
  });

  it('finds `Is.` inside a sentence, and pence whose 6 was read as G after a sum', () => {
    expect(found('apples, which are Is. per pot')).toEqual(['Is']);
    expect(found('Admission, Is. Reserved seats')).toEqual(['Is']);
    expect(found('an advance of Is. to Is. Gd. on sugar')).toEqual(['Is', 'Is', 'Gd']);
    expect(found('rabbits 2s. Gd. each')).toEqual(['Gd']);
    expect(oneFor('Gd')).toBe('6d');
    // a sentence's first word, a question, and a G without a sum before it are left
    expect(found('It rained. Is. That is all')).toEqual([]);
    expect(found('Is it so?')).toEqual([]);
    expect(found('the Gd. rabbits')).toEqual([]);
  });

  it('leaves the word alone without a sum beside it, or across a line break', () => {
    expect(found('Is it true? Is 5 enough')).toEqual([]);
    expect(found('Tickets, Is and 6d')).toEqual([]);
    expect(found('the price Is\n6d each')).toEqual([]);
    expect(found('It Is 10 miles')).toEqual([]);
  });
});
