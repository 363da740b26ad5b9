import { describe, expect, it } from 'vitest';
import { nearestReading } from './nearest-reading.js';

describe('nearestReading', () => {
  const readings = ['canued', 'caused', 'canned', 'cause'];
  it('picks the reading nearest to all likely ones when none is likely enough alone', () => {
    // caused 0.45, canned 0.3, cause 0.25 (keep ~0): caused is one letter from cause, two from canned
    const scores = [-20, Math.log(0.45), Math.log(0.3), Math.log(0.25)];
    const d = nearestReading(readings, scores, 0.6, 1);
    expect(d?.index).toBe(1);
    expect(d?.confidence).toBeGreaterThan(0.99);
  });

  it('keeps the word when keeping it is about as likely as the rest, or when the gain is under the margin', () => {
    expect(nearestReading(readings, [0, 0, -1, -1], 0.6, 1)).toBeNull();
    expect(nearestReading(['ab', 'ac'], [-1, 0], 5, 1)).toBeNull();
  });

  it('follows the best reading when it dominates, and a higher temperature flattens the choice', () => {
    expect(nearestReading(readings, [-20, -10, 0, -10], 0, 1)?.index).toBe(2);
    const flat = nearestReading(['abcd', 'abxd', 'zbxd', 'abxy'], [-30, 0, -0.5, -0.5], 0, 100);
    expect(flat?.index).toBe(1);
  });
});
