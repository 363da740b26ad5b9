import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { doubledCommas, loneMarks } from './lone-mark.js';

const without = (text: string, marks = '.') => {
  let out = text;
  for (const span of loneMarks(tokenize(text, []), marks).reverse()) out = out.slice(0, span.start) + out.slice(span.end);
  return out;
};

describe('loneMarks', () => {
  it('deletes a mark standing alone between two lower-case words, with the space before it', () => {
    expect(without('he told him . that he must go')).toBe('he told him that he must go');
    expect(without("the ' man said", "'")).toBe('the man said');
  });

  it('leaves sentence ends, line ends, marks glued to words, other marks and tokenized text alone', () => {
    expect(without('he went home . The next day')).toBe('he went home . The next day');
    expect(without('he went home .\nthe next day')).toBe('he went home .\nthe next day');
    expect(without('he went home. the next day')).toBe('he went home. the next day');
    expect(without('a - b and c', '.')).toBe('a - b and c');
    expect(without('i think , that it is . and so , we go .', '.,')).toBe('i think , that it is . and so , we go .');
  });
});

describe('doubledCommas', () => {
  const second = (text: string) => doubledCommas(tokenize(text)).map((m) => text.slice(0, m.start) + '|' + text.slice(m.start));

  it('finds the second of two commas glued to a word', () => {
    expect(second('he came back,, and sat down')).toEqual(['he came back,|, and sat down']);
    expect(second('he came back,,')).toEqual(['he came back,|,']);
  });

  it('leaves an argument list, a single comma and commas apart from words alone', () => {
    expect(second('call f(argument1,,argument3) now')).toEqual([]);
    expect(second('he came back, and sat down')).toEqual([]);
    expect(second('a , , b')).toEqual([]);
  });
});
