import { describe, expect, it } from 'vitest';
import { createRng, toRng } from './rng.js';

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 100 }, a);
    expect(Array.from({ length: 100 }, b)).toEqual(xa);
    expect(Array.from({ length: 100 }, c)).not.toEqual(xa);
  });
  it('accepts string seeds and stays in [0, 1) with a sane mean', () => {
    const r = toRng('run-1');
    let sum = 0;
    let bad = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      if (!(x >= 0 && x < 1)) bad++;
      sum += x;
    }
    expect(bad).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
    expect(createRng('a')()).not.toBe(createRng('b')());
  });
});
