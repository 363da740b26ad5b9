import { describe, expect, it } from 'vitest';
import { curriculum, interpolateRates } from './curriculum.js';
import { PRESETS } from './presets.js';

describe('curriculum', () => {
  it('ramps rates from `from` to `to` over `steps`, then holds', () => {
    const sched = curriculum({ from: { drop: 0 }, to: 'ocr-heavy', steps: 1000 });
    expect(sched(0).rates.drop ?? 0).toBe(0);
    expect(sched(500).rates.ocr).toBeCloseTo(PRESETS['ocr-heavy'].ocr / 2, 10);
    expect(sched(1000).rates).toEqual(sched(5000).rates);
    expect(sched(1000).rates.ocr).toBeCloseTo(PRESETS['ocr-heavy'].ocr, 10);
    expect(sched(250)).toBe(sched(251)); // quantised and cached
  });
  it('supports cosine easing and validates steps', () => {
    const sched = curriculum({ from: 'ocr-light', to: 'ocr-heavy', steps: 10, shape: 'cosine' });
    expect(sched(5).rates.ocr).toBeCloseTo((PRESETS['ocr-light'].ocr + PRESETS['ocr-heavy'].ocr) / 2, 10);
    expect(() => curriculum({ from: 'typing', to: 'mixed', steps: 0 })).toThrow(RangeError);
    expect(interpolateRates({ drop: 0.1 }, { insert: 0.2 }, 0.5)).toEqual({ drop: 0.05, insert: 0.1 });
  });
});
