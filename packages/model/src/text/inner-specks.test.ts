import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';
import { absorbInnerSpecks } from './inner-specks.js';

const KNOWN = new Set(['later', 'dealing', 'have', 'and', 'night', 'work', 'something', 'am', 'eg']);
const words = (text: string) =>
  absorbInnerSpecks(tokenize(text), (w) => KNOWN.has(w))
    .filter((t) => t.kind === 'word')
    .map((t) => t.text);

describe('absorbInnerSpecks', () => {
  it('takes a stop or comma inside small letters into the word when the pieces make a known word without it', () => {
    expect(words('he was dea.ling with it la.ter')).toEqual(['he', 'was', 'dea.ling', 'with', 'it', 'la.ter']);
    expect(words('we ha.ve a.nd some.thing')).toEqual(['we', 'ha.ve', 'a.nd', 'some.thing']);
    const text = 'so la.ter on';
    const w = absorbInnerSpecks(tokenize(text), (x) => KNOWN.has(x)).find((t) => t.text === 'la.ter')!;
    expect(text.slice(w.start, w.end)).toBe('la.ter');
  });

  it('or with the mark read as one letter', () => {
    expect(words('at nig,t the wo.k')).toEqual(['at', 'nig,t', 'the', 'wo.k']);
  });

  it('leaves abbreviations, names, spaced marks and pieces that make no word', () => {
    expect(words('at 9 a.m. e.g. now')).toEqual(['at', 'a', 'm', 'e', 'g', 'now']);
    expect(words('the res.params value')).toEqual(['the', 'res', 'params', 'value']);
    expect(words('la. ter, and La.ter')).toEqual(['la', 'ter', 'and', 'La', 'ter']);
    // a chain of marks is an abbreviation, even where two pieces would make a word
    expect(words('the l.a.ter')).toEqual(['the', 'l', 'a', 'ter']);
  });

  it('reads the other marks it is given the same way, and only those', () => {
    const marks = new Set(['.', ',', '(', '!', '*']);
    const withMarks = (text: string) =>
      absorbInnerSpecks(tokenize(text), (w) => KNOWN.has(w), marks)
        .filter((t) => t.kind === 'word')
        .map((t) => t.text);
    expect(withMarks('we ha(ve a!nd wo*k')).toEqual(['we', 'ha(ve', 'a!nd', 'wo*k']);
    // by default a bracket or a bang stays a mark
    expect(words('we ha(ve a!nd')).toEqual(['we', 'ha', 've', 'a', 'nd']);
    // a call or an expression is no word (`f(x)`, `log(prob)`)
    expect(withMarks('f(x) log(prob)')).toEqual(['f', 'x', 'log', 'prob']);
  });
});
