import { describe, expect, it } from 'vitest';
import { Channel, DEFAULT_COSTS } from './channel.js';
import { channelCountsFromProfile, fittedConfusions, parseChannelCounts } from './fitted-channel.js';

const PROFILE = {
  sources: ['ocr/x/dev.jsonl.gz'],
  sub: {
    e: { n: 1000, to: { o: 10, c: 100, 'e ': 50, '': 1 } },
    m: { n: 500, to: { rn: 25, iu: 5 } },
    E: { n: 100, to: { F: 20 } },
    '0': { n: 100, to: { o: 50 } },
  },
};
const OPTS = { minCount: 2, costAtOnePercent: 0.5, slope: 0.1, minCost: 0.2, maxCost: 1 };

describe('fitted channel costs', () => {
  it('keeps lower-case letters read as at most two readable characters, seen often enough', () => {
    const counts = channelCountsFromProfile(PROFILE, 2);
    expect(counts.sources).toEqual(['ocr/x/dev.jsonl.gz']);
    expect(Object.keys(counts.sub).sort()).toEqual(['e', 'm']);
    // a space is a token boundary, not a letter; a confusion seen once is too few
    expect(counts.sub.e.to).toEqual({ o: 10, c: 100 });
    expect(counts.sub.m).toEqual({ n: 500, to: { rn: 25, iu: 5 } });
    expect(parseChannelCounts(JSON.parse(JSON.stringify(counts)))).toEqual(counts);
    expect(() => parseChannelCounts({ sub: {} })).toThrow(/unsmudge-channel-counts/);
    expect(() => channelCountsFromProfile({})).toThrow(/sub/);
  });

  it('costs a confusion by its probability: 1 % at the set cost, cheaper when likelier, within bounds', () => {
    const confusions = fittedConfusions(channelCountsFromProfile(PROFILE, 2), OPTS);
    const cost = (noisy: string, clean: string) => confusions.find(([n, c]) => n === noisy && c === clean)?.[2];
    expect(cost('o', 'e')).toBeCloseTo(0.5);
    expect(cost('c', 'e')).toBeCloseTo(0.5 - 0.1 * Math.log(10));
    expect(cost('rn', 'm')).toBeCloseTo(0.5 - 0.1 * Math.log(5));
    expect(cost('iu', 'm')).toBeCloseTo(0.5);
    expect(fittedConfusions(channelCountsFromProfile(PROFILE, 2), { ...OPTS, minCount: 20 }).map(([n]) => n).sort()).toEqual(['c', 'rn']);
    const steep = fittedConfusions(channelCountsFromProfile(PROFILE, 2), { ...OPTS, slope: 5 });
    for (const [, , c] of steep) expect(c === 0.2 || c === 1 || (c > 0.2 && c < 1)).toBe(true);
  });

  it('applies fitted confusions in their own direction only', () => {
    const channel = new Channel({ ...DEFAULT_COSTS, directed: [['q', 'x', 0.3], ['iu', 'm', 0.3]] });
    expect(channel.cost('q', 'x')).toBeCloseTo(0.3);
    expect(channel.cost('x', 'q')).toBeCloseTo(1);
    expect(channel.cost('iu', 'm')).toBeCloseTo(0.3);
    expect(channel.cost('m', 'iu')).toBeGreaterThan(0.3);
  });
});
