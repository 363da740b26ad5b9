import { describe, expect, it } from 'vitest';
import { loadResources } from '../corrector.js';
import { makeTinyCheckpoint } from '../test-support/tiny-checkpoint.js';
import { readRunTogether, type PieceReader } from './run-together.js';

describe('readRunTogether', () => {
  it('puts back lost spaces, reading pieces through the given reader', async () => {
    const { resources } = loadResources({ checkpointDir: await makeTinyCheckpoint() });
    const known = new Set(resources.lexicon.words);
    const exact: PieceReader = (p) => (known.has(p) ? [{ word: p, cost: 0 }] : []);
    const opts = { spaceCost: 0.3, limit: 3, minWords: 3 };
    const best = readRunTogether(resources, 'thecatsatonthemat', exact, opts)[0];
    expect(best.words).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat']);
    expect(best.cost).toBeCloseTo(5 * 0.3);
    // a misread piece is taken at the reader's cost
    const withFix: PieceReader = (p) => (p === 'rnet' ? [{ word: 'met', cost: 0.4 }] : exact(p));
    const fixed = readRunTogether(resources, 'theboardrnetontuesday', withFix, opts)[0];
    expect(fixed.words).toEqual(['the', 'board', 'met', 'on', 'tuesday']);
    expect(fixed.cost).toBeCloseTo(0.4 + 4 * 0.3);
    expect(readRunTogether(resources, 'theboardrnetontuesday', exact, opts)).toEqual([]);
    // too few words for the request
    expect(readRunTogether(resources, 'theboard', exact, opts)).toEqual([]);
  });
});
