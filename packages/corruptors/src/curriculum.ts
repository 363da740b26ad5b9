import { createCorruptor } from './create-corruptor.js';
import { isPresetName, PRESETS, type PresetName } from './presets.js';
import { RULE_KINDS, type CorruptorOptions } from './rule-corruptor.js';
import type { Corruptor, Rates } from './types.js';

export interface CurriculumOptions {
  /** Rates (or preset) at step 0. */
  from: Rates | PresetName;
  /** Rates (or preset) reached at `steps` and kept afterwards. */
  to: Rates | PresetName;
  /** Number of steps of the ramp. */
  steps: number;
  /** `linear` (default) or `cosine` easing of the ramp. */
  shape?: 'linear' | 'cosine';
  /** The ramp is quantised into this many levels, each built once and cached (default 100). */
  levels?: number;
  options?: CorruptorOptions;
}

function ratesOf(r: Rates | PresetName): Rates {
  if (typeof r !== 'string') return r;
  if (!isPresetName(r)) throw new RangeError(`unknown preset "${String(r)}"`);
  return PRESETS[r];
}

/** Interpolated rates at progress t ∈ [0, 1]. */
export function interpolateRates(from: Rates, to: Rates, t: number): Rates {
  const out: Rates = {};
  for (const k of RULE_KINDS) {
    const a = from[k] ?? 0;
    const b = to[k] ?? 0;
    if (a !== 0 || b !== 0) out[k] = a + (b - a) * t;
  }
  return out;
}

/** A schedule: training step → corruptor whose rates ramp from `from` to `to` over `steps`. */
export function curriculum(opts: CurriculumOptions): (step: number) => Corruptor {
  if (!(opts.steps > 0)) throw new RangeError('curriculum steps must be > 0');
  const from = ratesOf(opts.from);
  const to = ratesOf(opts.to);
  const levels = Math.max(1, Math.floor(opts.levels ?? 100));
  const cache = new Map<number, Corruptor>();
  return (step: number) => {
    const p = Math.min(1, Math.max(0, step / opts.steps));
    const level = Math.round(p * levels);
    let c = cache.get(level);
    if (!c) {
      const x = level / levels;
      const t = opts.shape === 'cosine' ? (1 - Math.cos(Math.PI * x)) / 2 : x;
      c = createCorruptor({ name: `curriculum@${x.toFixed(2)}`, rates: interpolateRates(from, to, t) }, opts.options);
      cache.set(level, c);
    }
    return c;
  };
}
