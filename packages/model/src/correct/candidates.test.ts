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

  it('reads a run-together word as a common word and a cheap correction of the rest', async () => {
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir });
    expect(generateCandidates(resources, 'thecornmittee').map((o) => o.words.join(' '))).toContain('the committee');
    expect(generateCandidates(resources, 'cornmitteethe').map((o) => o.words.join(' '))).toContain('committee the');
    const off = loadResources({ checkpointDir: dir, params: { splitCorrectMinLength: 99 } }).resources;
    expect(generateCandidates(off, 'thecornmittee').map((o) => o.words.join(' '))).not.toContain('the committee');
  });
});
