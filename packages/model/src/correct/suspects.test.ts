import { describe, expect, it } from 'vitest';
import { endFigureWord, strayInitial } from './suspects.js';

describe('endFigureWord', () => {
  it('finds one figure before three lower-case letters or more, or after two letters or more', () => {
    expect(endFigureWord('4ook')).toBe('before');
    expect(endFigureWord('2ecretary')).toBe('before');
    expect(endFigureWord('hi4')).toBe('after');
    expect(endFigureWord('Widow9')).toBe('after');
  });

  it('leaves counts with units, sizes, short or capitalised pieces and several figures alone', () => {
    for (const w of ['3yrs', '2xlarge', '4th', '3ab', '2Sec', '12abc', 'a1', 'abc12', 'c4t']) expect(endFigureWord(w), w).toBeNull();
  });
});

describe('strayInitial', () => {
  it('finds an l or i glued before the capital of a word, but not the i- of product names nor other letters', () => {
    for (const w of ['lHogg', 'lRose', 'iHe']) expect(strayInitial(w), w).toBe(true);
    for (const w of ['iPods', 'eBay', 'iMac', 'mRNA', 'Hogg', 'lhogg', 'pH', 'xUnit', 'aThe']) expect(strayInitial(w), w).toBe(false);
  });
});
