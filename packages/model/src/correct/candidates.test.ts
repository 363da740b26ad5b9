import { describe, expect, it } from 'vitest';
import { loadResources } from '../corrector.js';
import { makeTinyCheckpoint } from '../test-support/tiny-checkpoint.js';
import { generateCandidates } from './candidates.js';

describe('generateCandidates', () => {
  it('cuts a run-together word into two, three or four known words', async () => {
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir });
    const readings = (w: string) => generateCandidates(resources, w).map((o) => o.words.join(' '));
    expect(readings('theoffice')).toContain('the office');
    expect(readings('harbourboardmet')).toContain('harbour board met');
    expect(readings('thecatsatonthemat')).not.toContain('the cat sat on the mat');
    const off = loadResources({ checkpointDir: dir, params: { multiSplitMinLength: 99 } }).resources;
    expect(generateCandidates(off, 'harbourboardmet').some((o) => o.words.length > 2)).toBe(false);
  });
});
