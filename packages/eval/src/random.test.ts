import { describe, expect, it } from 'vitest';
import { mulberry32, sample, sampleIndices } from './random.js';

describe('seeded sampling', () => {
  it('repeats with the same seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  it('picks k distinct sorted indices, or all when k >= n', () => {
    const idx = sampleIndices(1000, 50, 1);
    expect(idx).toHaveLength(50);
    expect(new Set(idx).size).toBe(50);
    expect([...idx].sort((x, y) => x - y)).toEqual(idx);
    expect(idx.every((i) => i >= 0 && i < 1000)).toBe(true);
    expect(sampleIndices(5, 10, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(sampleIndices(1000, 50, 1)).toEqual(idx);
    expect(sampleIndices(1000, 50, 2)).not.toEqual(idx);
  });

  it('keeps items in their original order', () => {
    const items = Array.from({ length: 100 }, (_, i) => `item${i}`);
    const s = sample(items, 10, 9);
    expect(s.map((x) => items.indexOf(x))).toEqual(sampleIndices(100, 10, 9));
  });
});
