import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCheckpoint } from '../checkpoint-dir.js';
import { loadResources } from '../corrector.js';
import { buildLexicon } from '../lexicon/build.js';
import { DEFAULT_PARAMS } from './params.js';
import { adjacentRuns, jointScores } from './joint-context.js';
import { contextLogProb } from './language-model.js';
import type { Option } from './candidates.js';
import type { Suspect } from './suspects.js';

// `be held` is common; `to` (also after `will`) and `light` are common words on their own, but `to light` and
// `be light` are never seen
const CORPUS = [
  ...Array.from({ length: 8 }, () => 'they had the will to win and the will to live.'),
  ...Array.from({ length: 6 }, () => 'the meeting will be held on monday.'),
  ...Array.from({ length: 6 }, () => 'he went to the shop to buy a light and to see the town.'),
  ...Array.from({ length: 4 }, () => 'a light was seen to the west and to the north.'),
];

function suspect(from: number, written: string, options: Option[]): Suspect {
  return { from, to: from, base: written, suffix: '', trailing: '', keep: { words: [written], cost: 0 }, keepBonus: 0, extraOptions: [], options };
}

describe('suspects decided together', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'unsmudge-joint-'));
  const built = await buildLexicon({ paragraphs: CORPUS, minWordCount: 1, minPairCount: 1 });
  writeCheckpoint(dir, { config: { name: 'joint', format: 1, params: DEFAULT_PARAMS }, lexicon: built.lexicon, bigrams: built.bigrams });
  const res = loadResources({ checkpointDir: dir }).resources;
  const p = res.params;
  const te = () => suspect(2, 'te', [{ words: ['to'], cost: 0.6 }, { words: ['be'], cost: 0.8 }]);
  const liclil = () => suspect(4, 'liclil', [{ words: ['light'], cost: 1.5 }, { words: ['held'], cost: 1.5 }]);
  const own = (s: Suspect, k: number) => p.channelScale * [s.keep, ...s.options][k].cost + (k === 0 ? s.keepBonus : 0);
  const argmax = (xs: number[]) => xs.indexOf(Math.max(...xs));

  it('gives each reading its log-marginal over all readings of the run (checked against enumerating them)', () => {
    const run = [te(), liclil()];
    const scores = jointScores(res, run, 'will', 'on');
    const all = run.map((s) => [s.keep, ...s.options]);
    // every pair of readings, scored as one stretch of text between `will` and `on`
    const pair = (a: number, b: number) =>
      own(run[0], a) + own(run[1], b) + contextLogProb(res, [null, 'will'], [...all[0][a].words, ...all[1][b].words], ['on', null]);
    const logSum = (xs: number[]) => Math.log(xs.reduce((z, x) => z + Math.exp(x), 0));
    for (let a = 0; a < 3; a++) expect(scores[0][a]).toBeCloseTo(logSum([0, 1, 2].map((b) => pair(a, b))), 6);
    for (let b = 0; b < 3; b++) expect(scores[1][b]).toBeCloseTo(logSum([0, 1, 2].map((a) => pair(a, b))), 6);
  });

  it('reads `will te liclil soon` as `will be held soon`, which neither word reaches with a garbled neighbour as context', () => {
    const [a, b] = [te(), liclil()];
    const scores = jointScores(res, [a, b], 'will', 'soon');
    expect([a.keep, ...a.options][argmax(scores[0])].words).toEqual(['be']);
    expect([b.keep, ...b.options][argmax(scores[1])].words).toEqual(['held']);
    // one at a time, each with the other as written: `te` becomes `to`, and `liclil` after `te` becomes `light`
    const alone = (s: Suspect, left: string, right: string) =>
      [s.keep, ...s.options].map((o, k) => own(s, k) + contextLogProb(res, [null, left], o.words, [right, null]));
    expect(a.options[argmax(alone(a, 'will', 'liclil')) - 1].words).toEqual(['to']);
    expect(b.options[argmax(alone(b, 'te', 'soon')) - 1].words).toEqual(['light']);
  });

  it('groups only suspects with no word between them, and leaves out those that may be deleted', () => {
    // tokens: will _ te _ liclil _ on _ xx _ yy
    const lm = ['will', null, 'te', null, 'liclil', null, 'on', null, 'xx', null, 'yy'];
    const [a, b] = [te(), liclil()];
    const c = suspect(8, 'xx', [{ words: ['at'], cost: 0.5 }]);
    const d = suspect(10, 'yy', [{ words: ['by'], cost: 0.5 }]);
    expect(adjacentRuns([d, b, c, a], lm)).toEqual([
      [a, b],
      [c, d],
    ]);
    const deletable = suspect(10, 'yy', [{ words: [], cost: 0.5 }]);
    expect(adjacentRuns([a, b, c, deletable], lm)).toEqual([[a, b]]);
    // only spaces (or marks the context model skips, such as a hyphen) between them: together; a break between: apart
    expect(adjacentRuns([a, b], ['will', null, 'te', null, 'liclil'])).toHaveLength(1);
    expect(adjacentRuns([a, b], ['will', null, 'te', '<s>', 'liclil'])).toHaveLength(0);
  });
});
