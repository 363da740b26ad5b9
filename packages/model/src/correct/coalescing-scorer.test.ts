import { describe, expect, it } from 'vitest';
import { CoalescingScorer } from './coalescing-scorer.js';
import type { ScoreRequest } from './resources.js';

const request = (word: string): ScoreRequest => ({ context: word, start: 0, end: word.length, candidates: [word, word + 's'] });

describe('CoalescingScorer', () => {
  it('sends the requests made in one turn as one batch and gives each caller its own scores', async () => {
    const batches: string[][] = [];
    const scorer = new CoalescingScorer({
      async score(reqs) {
        batches.push(reqs.map((r) => r.context));
        return reqs.map((r) => r.candidates.map((c) => -c.length));
      },
    });
    const [a, b, none] = await Promise.all([scorer.score([request('cat'), request('mat')]), scorer.score([request('house')]), scorer.score([])]);
    expect(batches).toEqual([['cat', 'mat', 'house']]);
    expect(a).toEqual([[-3, -4], [-3, -4]]);
    expect(b).toEqual([[-5, -6]]);
    expect(none).toEqual([]);
    // a later turn makes a new batch
    await scorer.score([request('dog')]);
    expect(batches).toHaveLength(2);
  });

  it('fails every caller of a batch whose scoring fails', async () => {
    const scorer = new CoalescingScorer({
      async score() {
        throw new Error('backend lost');
      },
    });
    const results = await Promise.allSettled([scorer.score([request('cat')]), scorer.score([request('mat')])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
