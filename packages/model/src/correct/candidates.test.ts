import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCheckpoint } from '../checkpoint-dir.js';
import { loadResources } from '../corrector.js';
import { buildLexicon } from '../lexicon/build.js';
import { DEFAULT_PARAMS } from './params.js';
import { makeTinyCheckpoint } from '../test-support/tiny-checkpoint.js';
import { generateCandidates } from './candidates.js';

describe('generateCandidates', () => {
  it('cuts a run-together word into two, three or four known words', async () => {
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir });
    const readings = (w: string) => generateCandidates(resources, w).map((o) => o.words.join(' '));
    expect(readings('theoffice')).toContain('the office');
    expect(readings('harbourboardmet')).toContain('harbour board met');
    // more than four words is the run-together search's job
    const plain = loadResources({ checkpointDir: dir, params: { runTogetherMinLength: null } }).resources;
    expect(generateCandidates(plain, 'thecatsatonthemat').map((o) => o.words.join(' '))).not.toContain('the cat sat on the mat');
    expect(readings('thecatsatonthemat')).toContain('the cat sat on the mat');
    const off = loadResources({ checkpointDir: dir, params: { multiSplitMinLength: 99, runTogetherMinLength: null } }).resources;
    expect(generateCandidates(off, 'harbourboardmet').some((o) => o.words.length > 2)).toBe(false);
  });

  it('reads a run-together word as a common word and a cheap correction of the rest', async () => {
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir });
    expect(generateCandidates(resources, 'thecornmittee').map((o) => o.words.join(' '))).toContain('the committee');
    expect(generateCandidates(resources, 'cornmitteethe').map((o) => o.words.join(' '))).toContain('committee the');
    const off = loadResources({ checkpointDir: dir, params: { splitCorrectMinLength: 99 } }).resources;
    expect(generateCandidates(off, 'thecornmittee').map((o) => o.words.join(' '))).not.toContain('the committee');
  });

  it('reads a long token as many words whose spaces were lost, some misread', async () => {
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir });
    const readings = (w: string) => generateCandidates(resources, w).filter((o) => o.runTogether);
    const best = readings('thecornmitteeoftheharbourboard')[0];
    expect(best.words).toEqual(['the', 'committee', 'of', 'the', 'harbour', 'board']);
    // credited for the letters of its exactly read pieces beyond 8 (the, of, the, harbour, board: 20)
    const uncredited = loadResources({ checkpointDir: dir, params: { runTogetherCredit: 0 } }).resources;
    const plain = generateCandidates(uncredited, 'thecornmitteeoftheharbourboard').find((o) => o.runTogether)!;
    expect(plain.words).toEqual(best.words);
    expect(best.cost).toBeCloseTo(plain.cost - 0.5 * (20 - 8));
    // a cut inside a known word is not a lost space
    expect(readings('theboardmetintheoffice').map((o) => o.words.join(' '))).not.toContain('the board met in the of fice');
    const off = loadResources({ checkpointDir: dir, params: { runTogetherMinLength: null } }).resources;
    expect(generateCandidates(off, 'thecornmitteeoftheharbourboard').some((o) => o.runTogether)).toBe(false);
    // a pattern is not words run together, and a very long token is not searched at all
    expect(readings('thethethethethe')).toEqual([]);
    expect(readings('theboard'.repeat(2)).length).toBeGreaterThan(0);
    expect(readings('theboardmet'.repeat(10))).toEqual([]);
  });

  it('finds a long word three edits away through one cheap misreading undone', async () => {
    const dir = await makeTinyCheckpoint();
    // (words of 9 letters or more are left to the deep search by default: here the far search alone)
    const { resources } = loadResources({ checkpointDir: dir, params: { farMaxLength: null, deepMinLength: null } });
    const readings = (res: typeof resources, w: string) => generateCandidates(res, w).map((o) => o.words.join(' '));
    // n read as u twice and i as l: three plain edits from `foundations`, but cheap ones
    expect(readings(resources, 'fouudatlous')).toContain('foundations');
    const off = loadResources({ checkpointDir: dir, params: { farMinLength: null } }).resources;
    expect(readings(off, 'fouudatlous')).not.toContain('foundations');
    // three arbitrary edits are not searched
    expect(readings(resources, 'fxyzdations')).not.toContain('foundations');
    // from farMaxLength letters on, the far search is not run: the deep search (over words seen deepMinCount times)
    // finds the word instead
    const longOff = loadResources({ checkpointDir: dir, params: { farMaxLength: 9, deepMinLength: null } }).resources;
    expect(readings(longOff, 'fouudatlous')).not.toContain('foundations');
    const deep = loadResources({ checkpointDir: dir, params: { farMaxLength: 9, deepMinCount: 1 } }).resources;
    expect(readings(deep, 'fouudatlous')).toContain('foundations');
  });

  it('searches a shorter unknown word by channel cost too, for its few cheapest readings', async () => {
    const dir = await makeTinyCheckpoint();
    // the far and deep searches off, to see the shallow one alone: `hcarcl` is three plain edits from `board` (h for
    // b, c for o, cl for d), each a cheap misreading, and nothing known is one or two plain edits away from it
    const params = { farMinLength: null, deepMinLength: null, shallowMinCount: 1 };
    const readings = (extra: object) => generateCandidates(loadResources({ checkpointDir: dir, params: { ...params, ...extra } }).resources, 'hcarcl');
    expect(readings({ shallowMinLength: null }).map((o) => o.words.join(' '))).not.toContain('board');
    const found = readings({ shallowMinLength: 4 }).find((o) => o.words.join(' ') === 'board');
    expect(found?.cost).toBeLessThanOrEqual(1.6);
    // beyond the budget it is not offered
    expect(readings({ shallowMinLength: 4, shallowMaxCost: 1 }).map((o) => o.words.join(' '))).not.toContain('board');
  });

  it('searches the misread piece of a run-together word so too, from the length asked for', async () => {
    const dir = await makeTinyCheckpoint();
    // `thehcarcl`: `the` before `hcarcl`, which only the search by channel cost reads as `board` (as above)
    const params = { farMinLength: null, deepMinLength: null, shallowMinCount: 1, shallowMinLength: 4 };
    const readings = (extra: object) =>
      generateCandidates(loadResources({ checkpointDir: dir, params: { ...params, ...extra } }).resources, 'thehcarcl').map((o) => o.words.join(' '));
    expect(readings({ shallowSplitMinLength: 6 })).toContain('the board');
    expect(readings({ shallowSplitMinLength: 7 })).not.toContain('the board');
    expect(readings({ shallowSplitMinLength: null })).not.toContain('the board');
  });

  it('skips the deep search when the plain search already found a cheap reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unsmudge-skip-'));
    const paragraphs = Array.from({ length: 5 }, () => 'the foundations of the fountains and the foundation of the mountains stood.');
    const built = await buildLexicon({ paragraphs, minWordCount: 1 });
    writeCheckpoint(dir, { config: { name: 'skip', format: 1, params: DEFAULT_PARAMS }, lexicon: built.lexicon, bigrams: built.bigrams });
    const readings = (deepSkipBelow: number) =>
      generateCandidates(loadResources({ checkpointDir: dir, params: { deepMinCount: 1, deepSkipBelow } }).resources, 'fouudatlons').map((o) => o.words.join(' '));
    // two plain edits from `foundations` (n read as u, i as l: cheap), nothing one edit away; `foundation` only deep
    expect(readings(0)).toEqual(expect.arrayContaining(['foundations', 'foundation']));
    expect(readings(1.2)).toContain('foundations');
    expect(readings(1.2)).not.toContain('foundation');
  });

  it('searches a long garbled word among rarer words too, at a tighter budget, when nothing reads it well enough', async () => {
    const dir = await makeTinyCheckpoint();
    // no word is common enough for the deep search itself (deepMinCount): only the search among rarer words finds it
    const params = { deepMinCount: 1e9, deepRareMinCount: 1, deepRareMinLength: 9, deepRareSkipBelow: 2 };
    const readings = (extra: object, w = 'fouuclatlous') =>
      generateCandidates(loadResources({ checkpointDir: dir, params: { ...params, ...extra } }).resources, w).map((o) => o.words.join(' '));
    // 1.6 in OCR costs from `foundations`
    expect(readings({ deepRareMaxCost: null })).not.toContain('foundations');
    expect(readings({ deepRareMaxCost: 2.2 })).toContain('foundations');
    // not beyond its budget, nor for shorter words
    expect(readings({ deepRareMaxCost: 1.2 })).not.toContain('foundations');
    expect(readings({ deepRareMaxCost: 2.2, deepRareMinLength: 13 })).not.toContain('foundations');
  });

  it('searches a garbled long word by channel cost when nothing is near it in plain edits', async () => {
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir, params: { deepMinCount: 1 } });
    const readings = (res: typeof resources, w: string) => generateCandidates(res, w).map((o) => o.words.join(' '));
    // five plain edits from `foundations`, 1.6 in OCR costs (n→u twice, d→cl, i→l)
    expect(readings(resources, 'fouuclatlous')).toContain('foundations');
    const off = loadResources({ checkpointDir: dir, params: { deepMinCount: 1, deepMinLength: null } }).resources;
    expect(readings(off, 'fouuclatlous')).not.toContain('foundations');
    // and not beyond its budget
    const tight = loadResources({ checkpointDir: dir, params: { deepMinCount: 1, deepMaxCost: 1 } }).resources;
    expect(readings(tight, 'fouuclatlous')).not.toContain('foundations');
  });
});
