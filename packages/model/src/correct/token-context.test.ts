import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { capitalNeighbour, glued, gluedStop, isSpellingQuery, leadingStop, misreadIdentifier, oneForI, sentenceInitial, strayLetter, strayStop } from './token-context.js';

describe('isSpellingQuery', () => {
  it('is a bare word in lower or title case, spaces around it allowed', () => {
    for (const q of ['recieve', 'Athenean', '  wierd \n']) expect(isSpellingQuery(tokenize(q)), q).toBe(true);
  });
  it('is not a line of a scan (capitals, punctuation) nor more than one word', () => {
    for (const q of ['ARRIVALS', 'ful.', 'verdict.', 'two words', '', '42']) expect(isSpellingQuery(tokenize(q)), q).toBe(false);
  });
});

describe('token context', () => {
  const at = (text: string, word: string) => {
    const tokens = tokenize(text);
    return { tokens, i: tokens.findIndex((t) => t.text === word) };
  };
  it('does not start a sentence after an initial or a title', () => {
    for (const [text, word, initial] of [
      ['He left. Then he came.', 'Then', true],
      ['said G. Saon and others', 'Saon', false],
      ['asked Dr. Rookes again', 'Rookes', false],
    ] as const) {
      const { tokens, i } = at(text, word);
      expect(sentenceInitial(tokens, i), text).toBe(initial);
    }
  });
  it('finds lone stray letters, glued pieces and a 1 that may be I', () => {
    let c = at('stated n that', 'n');
    expect(strayLetter(c.tokens, c.i)).toBe(true);
    c = at('than a or u harmonizes', 'u');
    expect(strayLetter(c.tokens, c.i)).toBe(false);
    c = at('recent compt,tational work', 'tational');
    expect(glued(c.tokens, c.i)).toBe(true);
    c = at('a well-known work', 'known');
    expect(glued(c.tokens, c.i)).toBe(false);
    c = at('and 1 stood there', '1');
    expect(oneForI(c.tokens, c.i)).toBe(true);
    c = at('cost 12, 1 and 3 each', '1');
    expect(oneForI(c.tokens, c.i)).toBe(false);
    // another lone 1 nearby is no list of numbers: both may be I
    const two = tokenize('and 1 now record that 1 saw it');
    expect(two.map((t, i) => (t.text === '1' ? oneForI(two, i) : null)).filter((x) => x !== null)).toEqual([true, true]);
  });
});

describe('misreadIdentifier', () => {
  const words = new Set(['get', 'object', 'user', 'name', 'iphone', 'let', 'hogg', 'famous', 'mac', 'bay']);
  const isWord = (w: string) => words.has(w);
  const first = (text: string) => tokenize(text)[0];
  it('takes camelCase whose humps are not all words for a misreading', () => {
    for (const w of ['tLet', 'lHogg', 'famouB', 'thCise']) expect(misreadIdentifier(first(w), isWord), w).toBe(true);
  });
  it('leaves identifiers made of words, known words and other protected spans alone', () => {
    for (const w of ['getObject', 'userName', 'iPhone', 'iMac', 'eBay', 'snake_case', 'https://a.example/tLet']) expect(misreadIdentifier(first(w), isWord), w).toBe(false);
    expect(misreadIdentifier(tokenize('tLet', ['tLet'])[0], isWord)).toBe(false);
  });
  it('asks common words for the humps of a short identifier starting in lower case', () => {
    const known = (w: string) => ['sh', 'eo', 'is', 'ok', 'num', 'rows'].includes(w);
    const common = (w: string) => ['is', 'ok', 'rows'].includes(w);
    expect(misreadIdentifier(first('shEo'), known)).toBe(false);
    expect(misreadIdentifier(first('shEo'), known, common)).toBe(true);
    expect(misreadIdentifier(first('isOk'), known, common)).toBe(false);
    // a longer one is an identifier if its humps are words at all
    expect(misreadIdentifier(first('numRows'), known, common)).toBe(false);
  });

  it('takes a full stop glued to a word before a lower-case word on the same line for a possible speck', () => {
    const stop = (text: string) => {
      const tokens = tokenize(text);
      return strayStop(tokens, tokens.findIndex((t) => t.text === '.'));
    };
    expect(stop('and he. had several times')).toBe(true);
    for (const text of ['he left. The end', 'he left .the end', 'he left.\nthe end', 'her B.A. at the college', 'by P. and', 'the Co. to promote', 'etc. and', 'royal 8vo. cloth', 'pub. at 5s', 'per cent. per annum', 'a wound 2in. long']) {
      expect(stop(text), text).toBe(false);
    }
  });

  it('takes a full stop between two words, the second in lower case, for a speck where a space was', () => {
    const at = (text: string) => {
      const tokens = tokenize(text);
      return gluedStop(tokens, tokens.findIndex((t) => t.text === '.'));
    };
    expect(at('he went to.his house')).toBe(true);
    for (const text of ['he went home.He left', 'see e.g.the list', 'the Co.to promote', 'he went to. his house']) expect(at(text), text).toBe(false);
  });
});

describe('leadingStop', () => {
  // the index of the first full stop of a text, and whether it is a speck glued to the front of a common word
  const speck = (text: string, common = (w: string) => w !== 'zyxt') => {
    const tokens = tokenize(text);
    return leadingStop(tokens, tokens.findIndex((t) => t.text === '.'), common);
  };

  it('is a full stop glued to the front of a common lower-case word after a space inside a line', () => {
    expect(speck('the prisoner .who had come')).toBe(true);
    expect(speck('and .his wife')).toBe(true);
  });

  it('is not a file extension, a rare word, a capitalised word, a stop after a space at a line start, or a normal stop', () => {
    expect(speck('Download .csv to save it')).toBe(false);
    expect(speck('create an .aws folder')).toBe(false);
    expect(speck('the prisoner .zyxt had')).toBe(false);
    expect(speck('use the .NET runtime')).toBe(false);
    expect(speck('the end\n.who knows')).toBe(false);
    expect(speck('the end. who knows')).toBe(false);
    expect(speck('it was 3 .who knows')).toBe(false);
  });
});

describe('capitalNeighbour', () => {
  const at = (text: string, word: string) => {
    const tokens = tokenize(text);
    return capitalNeighbour(tokens, tokens.findIndex((t) => t.text === word));
  };
  it('finds a word in capitals beside a word on its line, not on the line above or below', () => {
    expect(at('FATAL OMNIBUS AccrDENT', 'AccrDENT')).toBe(true);
    expect(at('MYSTERIOUS AFFAIR.\nWVilliam Smith was charged', 'WVilliam')).toBe(false);
    expect(at('the resolution, which was caAried\nMEETING OF THE BOARD', 'caAried')).toBe(false);
  });
});
