import { describe, expect, it } from 'vitest';
import { realWordPairs } from './real-pairs.js';

const ROWS = [
  { noisy: 'Tbe harbour board met on Tuesdav, "aftcrnoon" to', clean: 'The harbour board met on Tuesday, "afternoon" to' },
  { noisy: 'the report of tlie engineer upon the wharf.', clean: 'the report of the engineer upon the wharf.' },
];

describe('realWordPairs', () => {
  it('pairs each misread token, without its edge marks, with its clean word, in its noisy line', () => {
    const pairs = realWordPairs(ROWS, { cleanShare: 0 });
    const byClean = new Map(pairs.map((p) => [p.clean, p]));
    expect([...byClean.keys()].sort()).toEqual(['The', 'Tuesday', 'afternoon', 'the']);
    expect(byClean.get('Tuesday')).toEqual({ left: 'Tbe harbour board met on ', noisy: 'Tuesdav', right: ', "aftcrnoon" to', clean: 'Tuesday' });
    expect(byClean.get('afternoon')!.left.endsWith('Tuesdav, "')).toBe(true);
    expect(byClean.get('the')!.noisy).toBe('tlie');
  });

  it('adds words read right at the share it is given, and draws at most `max`', () => {
    const pairs = realWordPairs(ROWS, { cleanShare: 0.5 });
    expect(pairs.filter((p) => p.noisy === p.clean)).toHaveLength(4);
    expect(realWordPairs(ROWS, { cleanShare: 0.5, max: 2 })).toHaveLength(2);
  });
});
