import { describe, expect, it } from 'vitest';
import { applyCase, casePattern, pieceCapitals } from './case.js';

describe('casing of a correction', () => {
  it('follows the pattern of the word it replaces', () => {
    expect(applyCase('house', casePattern('Hcuse'))).toBe('House');
    expect(applyCase('house', casePattern('HCUSE'))).toBe('HOUSE');
    expect(applyCase('house', casePattern('hcuse'))).toBe('house');
  });

  it('capitalises the pieces after an apostrophe or hyphen that were capitalised', () => {
    expect(pieceCapitals("o'malley", "O'Mulley")).toBe("o'Malley");
    expect(pieceCapitals(applyCase("o'donnell", 'title'), "O'Donnoll")).toBe("O'Donnell");
    expect(pieceCapitals('sussex-street', 'Sussex-Btreet')).toBe('sussex-Street');
    expect(pieceCapitals('north-eastern', 'North-eastren')).toBe('north-eastern');
    // cut differently: left alone
    expect(pieceCapitals('dalembert', "D'Alembert")).toBe('dalembert');
  });
});
