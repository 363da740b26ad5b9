import { describe, expect, it } from 'vitest';
import { isArchaicInflection, isElidedForm, isLetterAlternation, isLooseSpellingVariant, isRegionalVariant, isSpellingVariant } from './spelling-variants.js';

describe('isSpellingVariant', () => {
  it('recognises early-modern spellings of a modern word', () => {
    for (const [old, modern] of [['halfe', 'half'], ['againe', 'again'], ['haue', 'have'], ['vsed', 'used'], ['vpon', 'upon'], ['iust', 'just'], ['controversie', 'controversy'], ['fetcht', 'fetched'], ['Sleepe', 'sleep'], ['shoppe', 'shop'], ['hee', 'he'], ['shee', 'she'], ['maister', 'master'], ['raysed', 'raised'], ['demaunded', 'demanded'], ['souldier', 'soldier'], ['glasse', 'glass'], ['shortnesse', 'shortness'], ['arrowes', 'arrows'], ['meanes', 'means'], ['magick', 'magic'], ['sonne', 'son'], ['goe', 'go']]) {
      expect(isSpellingVariant(old, modern), `${old}/${modern}`).toBe(true);
    }
  });
  it('does not excuse misreadings', () => {
    for (const [noisy, modern] of [['tbe', 'the'], ['rnust', 'must'], ['c4t', 'cat'], ['statcd', 'stated'], ['agaiust', 'against'], ['tim', 'time'], ['preffer', 'prefer'], ['untill', 'until'], ['wonderfull', 'wonderful'], ['bo', 'be'], ['poisened', 'poisoned'], ['sorne', 'some'], ['woukl', 'would'], ['horsees', 'horses'], ['ic', 'ick'], ['stjle', 'style'], ['jears', 'years'], ['splendidlj', 'splendidly'], ['plajed', 'played'], ['housee', 'house'], ['femalee', 'female'], ['whait', 'what'], ['engaiged', 'engaged'], ['thaut', 'that'], ['wase', 'was'], ['dide', 'did'], ['lete', 'let'], ['ites', 'its']]) {
      expect(isSpellingVariant(noisy, modern), `${noisy}/${modern}`).toBe(false);
    }
  });
});

describe('isLooseSpellingVariant', () => {
  it('also takes doubled or single consonants and an e put in or left out for older print', () => {
    for (const [old, modern] of [['comming', 'coming'], ['evill', 'evil'], ['shal', 'shall'], ['busines', 'business'], ['breakefast', 'breakfast'], ['entred', 'entered'], ['moneth', 'month'], ['greevous', 'grievous'], ['flouds', 'floods'], ['haue', 'have']]) {
      expect(isLooseSpellingVariant(old, modern), `${old}/${modern}`).toBe(true);
    }
  });
  it('still does not excuse misreadings', () => {
    for (const [noisy, modern] of [['tbe', 'the'], ['thc', 'the'], ['bcen', 'been'], ['beeu', 'been'], ['tlie', 'the'], ['wben', 'when'], ['rnust', 'must'], ['statcd', 'stated'], ['sorne', 'some']]) {
      expect(isLooseSpellingVariant(noisy, modern), `${noisy}/${modern}`).toBe(false);
    }
  });
});

describe('isLetterAlternation', () => {
  it("takes old type's letters in place of the modern ones, and nothing else", () => {
    for (const [old, modern] of [['theyr', 'their'], ['rayse', 'raise'], ['voyd', 'void'], ['vnto', 'unto'], ['haue', 'have'], ['maiesty', 'majesty']]) {
      expect(isLetterAlternation(old, modern)).toBe(true);
    }
    // a learner's i for y, a letter added or dropped, the word itself
    for (const [written, modern] of [['rais', 'rays'], ['agee', 'age'], ['preciouse', 'precious'], ['shee', 'she'], ['their', 'their'], ['ison', 'json']]) {
      expect(isLetterAlternation(written, modern)).toBe(false);
    }
  });
});

describe('isRegionalVariant', () => {
  it('takes a British spelling for a variant of the American one, only that way round', () => {
    for (const [a, b] of [['tokenised', 'tokenized'], ['organisation', 'organization'], ['analysed', 'analyzed'], ['centre', 'center'], ['criticises', 'criticizes']]) {
      expect(isRegionalVariant(a, b)).toBe(true);
      expect(isRegionalVariant(b, a)).toBe(false);
    }
  });

  it('does not excuse misspellings that look alike', () => {
    // surprise is spelt -ise only; a short stem is no ending (rise, wise); -our is not excused (juniour)
    expect(isRegionalVariant('surprize', 'surprise')).toBe(false);
    expect(isRegionalVariant('rise', 'rize')).toBe(false);
    expect(isRegionalVariant('juniour', 'junior')).toBe(false);
    expect(isRegionalVariant('colour', 'colony')).toBe(false);
  });
});


describe('isElidedForm', () => {
  const known = new Set(['performed', 'loved', 'died', 'replied', 'applied', 'knowest', 'command']);
  const has = (w: string) => known.has(w);

  it("takes 'd and 'st for the endings of a word it knows", () => {
    for (const w of ["perform'd", "lov'd", "apply'd", "know'st"]) expect(isElidedForm(w, has), w).toBe(true);
  });

  it("leaves specks inside words and other words to the corrector", () => {
    // the apostrophe stands for the e: die'd, replie'd and comman'd are specks in died, replied, command
    for (const w of ["die'd", "replie'd", "comman'd", "perfrm'd", 'performd', "perform'ed", "he'd"]) expect(isElidedForm(w, has), w).toBe(false);
  });
});

describe('isArchaicInflection', () => {
  it('takes -eth and -est on a verb seen often enough for an older inflection, not a misspelt word', () => {
    const counts: Record<string, number> = { follow: 900, love: 900, carry: 900, set: 900, know: 900, appear: 900, for: 9000, on: 9000, rare: 10 };
    const count = (w: string) => counts[w] ?? 0;
    for (const w of ['followeth', 'loveth', 'carrieth', 'setteth', 'knowest', 'appeareth']) expect(isArchaicInflection(w, count, 50), w).toBe(true);
    // a short stem for -est (`forest` misspelt `forrest`, `onest`), a verb seen too seldom, no ending
    for (const w of ['forrest', 'onest', 'rareth', 'follow', 'eth']) expect(isArchaicInflection(w, count, 50), w).toBe(false);
  });
});
