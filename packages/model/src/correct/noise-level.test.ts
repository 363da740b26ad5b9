import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { DEFAULT_PARAMS, type RankParams } from './params.js';
import { noiseLevelBonus } from './noise-level.js';
import type { Resources } from './resources.js';

const KNOWN = new Set('the board met on tuesday and report was adopted committee engineer said that work would be done by winter'.split(' '));
const resources = (params: Partial<RankParams>) =>
  ({ params: { ...DEFAULT_PARAMS, ...params }, lexicon: { has: (w: string) => KNOWN.has(w) } }) as unknown as Pick<Resources, 'params' | 'lexicon'>;

/** The noise bonus of the first token of each line of `text`. */
function perLine(text: string, params: Partial<RankParams>, kind: 'word' | 'letter' = 'word'): number[] {
  const tokens = tokenize(text);
  const at = noiseLevelBonus(tokens, resources(params))[kind];
  const firsts = tokens.flatMap((t, i) => (t.kind === 'word' && (i === 0 || tokens[i - 1].text.includes('\n')) ? [i] : []));
  return firsts.map(at);
}

const SCAN = ['the board met on tuesday and the report was adopted', 'tbe cornmittee rnet aud tho rcport wns adoptcd', 'the engineer said that the work would be done by winter'].join('\n');

describe('noiseLevelBonus', () => {
  it('gives every word of a text the same bonus when counted over the whole text', () => {
    const b = perLine(SCAN, { noiseWindow: null });
    expect(new Set(b).size).toBe(1);
  });

  it('counts a noisy scan line by line: a garbled line gets a malus, its clean neighbours a bonus', () => {
    const whole = perLine(SCAN, { noiseWindow: null })[0];
    const [clean1, garbled, clean2] = perLine(SCAN, { noiseWindow: 0, noiseWindowMinRate: 0.06 });
    expect(garbled).toBeLessThan(whole);
    expect(garbled).toBeLessThan(0);
    expect(clean1).toBeGreaterThan(whole);
    expect(clean2).toBeGreaterThan(whole);
  });

  it('counts a text with few unknown words as a whole (prose with a term of its own, not a scan)', () => {
    const prose = ['the board met on tuesday and the report was adopted', 'the wasm engineer said that the work would be done', 'the board met on tuesday and the report was adopted'].join('\n');
    const b = perLine(prose, { noiseWindow: 0, noiseWindowMinRate: 0.06 });
    expect(new Set(b).size).toBe(1);
    // a lone letter is judged by its line all the same: prose has no stray letters to lose
    const [, garbled] = perLine(prose, { noiseWindow: 0, noiseWindowMinRate: 0.06 }, 'letter');
    expect(garbled).toBeLessThan(b[0]);
  });
});
