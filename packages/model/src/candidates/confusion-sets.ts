import type { Lexicon } from '../lexicon/lexicon.js';
import type { Channel } from './channel.js';

export interface ConfusionSetOptions {
  /** Longest word considered as the right reading (real-word misreadings hit short words most). */
  maxLength: number;
  /** A word is a likely misreading of a neighbour at least this many times more probable. */
  minRatio: number;
  /** Largest channel cost of the misreading. */
  maxCost: number;
}

/** The words a known word may be a misreading of (`tie` → `the`), or undefined. */
export interface LookAlikes {
  get(word: string): readonly string[] | undefined;
}

/** Words whose look-alikes are remembered. */
const CACHE_WORDS = 50_000;
const LOWER_LATIN = /^[a-z]+$/;

/**
 * Real-word confusion sets: for a known word that is one cheap OCR misreading away from a more frequent word
 * (`bo`/`be`, `arc`/`are`, `caine`/`came`), the words it may stand for, in lexicon order. Worked out for a word when it is
 * first asked about (undoing each cheap misreading the channel knows), so loading costs nothing however wide the sets.
 */
export class LazyLookAlikes implements LookAlikes {
  private readonly cache = new Map<string, readonly string[] | undefined>();
  /** noisy character → the clean characters it is a cheap misreading of */
  private readonly cleanFor = new Map<string, string[]>();
  private readonly multi: Array<{ noisy: string; clean: string }>;

  constructor(
    private readonly lexicon: Lexicon,
    channel: Channel,
    private readonly opts: ConfusionSetOptions,
  ) {
    for (const [clean, noisyChars] of channel.cheapSubstitutions(opts.maxCost)) {
      for (const n of noisyChars) this.cleanFor.set(n, [...(this.cleanFor.get(n) ?? []), clean]);
    }
    this.multi = channel.cheapMultiConfusions(opts.maxCost);
  }

  get(word: string): readonly string[] | undefined {
    if (this.cache.has(word)) return this.cache.get(word);
    const found = this.compute(word);
    if (this.cache.size >= CACHE_WORDS) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(word, found);
    return found;
  }

  private compute(v: string): readonly string[] | undefined {
    const { lexicon, opts } = this;
    if (!LOWER_LATIN.test(v) || !lexicon.has(v)) return undefined;
    const floor = opts.minRatio * lexicon.prob(v);
    const out = new Set<string>();
    const consider = (w: string) => {
      if (w !== v && w.length >= 2 && w.length <= opts.maxLength && LOWER_LATIN.test(w) && lexicon.has(w) && lexicon.prob(w) >= floor) out.add(w);
    };
    for (let i = 0; i < v.length; i++) {
      for (const c of this.cleanFor.get(v[i]) ?? []) consider(v.slice(0, i) + c + v.slice(i + 1));
    }
    for (const m of this.multi) {
      for (let j = v.indexOf(m.noisy); j >= 0; j = v.indexOf(m.noisy, j + 1)) consider(v.slice(0, j) + m.clean + v.slice(j + m.noisy.length));
    }
    return out.size === 0 ? undefined : [...out].sort((a, b) => lexicon.id(a) - lexicon.id(b));
  }
}
