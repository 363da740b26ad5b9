import { describe, expect, it } from 'vitest';
import { AffixIndex } from './affix-index.js';

describe('AffixIndex', () => {
  const idx = new AffixIndex(['afternoon', 'conference', 'society', 'noon', 'application', 'apple']);
  it('finds longer words with a given end or start', () => {
    expect(idx.hasLongerWordEndingWith('ternoon')).toBe(true);
    expect(idx.hasLongerWordEndingWith('ciety')).toBe(true);
    expect(idx.hasLongerWordStartingWith('applica')).toBe(true);
    expect(idx.hasLongerWordStartingWith('app')).toBe(true);
  });
  it('does not count the word itself, nor words that merely contain the piece', () => {
    expect(idx.hasLongerWordEndingWith('noon')).toBe(true);
    expect(idx.hasLongerWordEndingWith('afternoon')).toBe(false);
    expect(idx.hasLongerWordStartingWith('apple')).toBe(false);
    expect(idx.hasLongerWordEndingWith('feren')).toBe(false);
    expect(idx.hasLongerWordStartingWith('zzz')).toBe(false);
  });
});
