import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCheckpoint } from '../checkpoint-dir.js';
import { loadResources } from '../corrector.js';
import { buildLexicon } from '../lexicon/build.js';
import { DEFAULT_PARAMS } from './params.js';
import { bigram, unigram } from './language-model.js';

// `alpha` is seen ten times before ten different words, `beta` ten times before `gamma`
const FOLLOWERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const CORPUS = [...FOLLOWERS.map((w) => `alpha ${w} and beta gamma.`), ...FOLLOWERS.map((w) => `${w} delta.`)];

describe('word-pair model', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'unsmudge-lm-'));
  const built = await buildLexicon({ paragraphs: [...CORPUS, ...CORPUS], minWordCount: 1, minPairCount: 1 });
  writeCheckpoint(dir, { config: { name: 'lm', format: 1, params: DEFAULT_PARAMS }, lexicon: built.lexicon, bigrams: built.bigrams });
  const wittenBell = loadResources({ checkpointDir: dir }).resources;
  const constant = loadResources({ checkpointDir: dir, params: { bigramWittenBell: null } }).resources;
  // how much of a word's own probability is left to it after a context it was never seen in
  const unseenShare = (res: typeof constant, context: string, w: string) => bigram(res, context, w) / unigram(res, w);

  it('prefers seen pairs to unseen ones', () => {
    for (const res of [wittenBell, constant]) expect(bigram(res, 'beta', 'gamma')).toBeGreaterThan(bigram(res, 'beta', 'delta'));
  });

  it('backs off more after a context followed by many different words (Witten–Bell), the same after each with a constant weight', () => {
    expect(unseenShare(wittenBell, 'alpha', 'delta')).toBeGreaterThan(3 * unseenShare(wittenBell, 'beta', 'delta'));
    expect(unseenShare(constant, 'alpha', 'delta')).toBeCloseTo(unseenShare(constant, 'beta', 'delta'), 6);
  });
});
