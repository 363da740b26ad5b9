import type { Lexicon } from '../lexicon/lexicon.js';
import type { Channel } from './channel.js';

export interface ConfusionSetOptions {
  /** Longest word considered (real-word misreadings hit short words most). */
  maxLength: number;
  /** A word is a likely misreading of a neighbour at least this many times more probable. */
  minRatio: number;
  /** Largest channel cost of the misreading. */
  maxCost: number;
}

/**
 * Real-word confusion sets: for a known word that is one cheap OCR misreading away from a much
 * more frequent word (`tie`/`the`, `bo`/`be`, `wore`/`were`), the words it may stand for.
 * Built once at load from the lexicon and the channel's cheap substitutions.
 */
export function buildConfusionSets(lexicon: Lexicon, channel: Channel, opts: ConfusionSetOptions): Map<string, string[]> {
  const subs = channel.cheapSubstitutions(opts.maxCost);
  const multi = channel.cheapMultiConfusions(opts.maxCost);
  const out = new Map<string, string[]>();
  for (const w of lexicon.words) {
    if (w.length < 2 || w.length > opts.maxLength || !/^[a-z]+$/.test(w)) continue;
    const pw = lexicon.prob(w);
    const add = (v: string) => {
      if (v === w || !/^[a-z]+$/.test(v) || !lexicon.has(v) || pw < opts.minRatio * lexicon.prob(v)) return;
      const list = out.get(v) ?? [];
      if (!list.includes(w)) list.push(w);
      out.set(v, list);
    };
    for (let i = 0; i < w.length; i++) {
      for (const n of subs.get(w[i]) ?? []) add(w.slice(0, i) + n + w.slice(i + 1));
    }
    for (const m of multi) {
      for (let i = w.indexOf(m.clean); i >= 0; i = w.indexOf(m.clean, i + 1)) add(w.slice(0, i) + m.noisy + w.slice(i + m.clean.length));
    }
  }
  return out;
}
