import { describe, expect, it } from 'vitest';
import { loadResources } from '../corrector.js';
import type { Lexicon } from '../lexicon/lexicon.js';
import type { Channel } from './channel.js';
import { LazyLookAlikes, type ConfusionSetOptions } from './confusion-sets.js';

/** The sets built the other way round, over the whole lexicon: every word's cheap misreadings that are words. */
function wholeLexicon(lexicon: Lexicon, channel: Channel, opts: ConfusionSetOptions): Map<string, string[]> {
  const subs = channel.cheapSubstitutions(opts.maxCost);
  const multi = channel.cheapMultiConfusions(opts.maxCost);
  const out = new Map<string, string[]>();
  for (const w of lexicon.words) {
    if (w.length < 2 || w.length > opts.maxLength || !/^[a-z]+$/.test(w)) continue;
    const add = (v: string) => {
      if (v === w || !/^[a-z]+$/.test(v) || !lexicon.has(v) || lexicon.prob(w) < opts.minRatio * lexicon.prob(v)) return;
      const list = out.get(v) ?? [];
      if (!list.includes(w)) list.push(w);
      out.set(v, list);
    };
    for (let i = 0; i < w.length; i++) for (const n of subs.get(w[i]) ?? []) add(w.slice(0, i) + n + w.slice(i + 1));
    for (const m of multi) for (let i = w.indexOf(m.clean); i >= 0; i = w.indexOf(m.clean, i + 1)) add(w.slice(0, i) + m.noisy + w.slice(i + m.clean.length));
  }
  return out;
}

describe('LazyLookAlikes', () => {
  const { resources } = loadResources();
  const { lexicon, channel } = resources;

  it('finds the much more frequent look-alikes of a known word', () => {
    const sets = new LazyLookAlikes(lexicon, channel, { maxLength: 5, minRatio: 10, maxCost: 0.6 });
    expect(sets.get('bo')).toEqual(['be']);
    expect(sets.get('arc')).toEqual(['are']);
    expect(sets.get('caine')).toEqual(['came']);
    expect(sets.get('the')).toBeUndefined();
    expect(sets.get('xqzv')).toBeUndefined();
  });

  it('gives, word by word, the same sets in the same order as a pass over the whole lexicon', () => {
    for (const opts of [
      { maxLength: 5, minRatio: 10, maxCost: 0.6 },
      { maxLength: 7, minRatio: 0.5, maxCost: 0.9 },
    ]) {
      const whole = wholeLexicon(lexicon, channel, opts);
      const lazy = new LazyLookAlikes(lexicon, channel, opts);
      for (const [word, list] of whole) expect([word, lazy.get(word)]).toEqual([word, list]);
      // and nothing for words the pass gives nothing
      for (let i = 0; i < lexicon.words.length; i += 37) {
        const w = lexicon.words[i];
        if (!whole.has(w)) expect([w, lazy.get(w)]).toEqual([w, undefined]);
      }
    }
  }, 60_000);
});
