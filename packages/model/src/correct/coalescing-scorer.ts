import type { CandidateScorer, ScoreRequest } from './resources.js';

/**
 * Gathers the score requests that texts corrected side by side make in the same turn of the event loop and sends
 * them to the scorer as one batch: a text has only a word or two to score, and a forward pass costs about the same
 * for one item as for dozens.
 */
export class CoalescingScorer implements CandidateScorer {
  private pending: Array<{ requests: ScoreRequest[]; resolve: (s: number[][]) => void; reject: (e: unknown) => void }> = [];
  private scheduled = false;

  constructor(private readonly inner: CandidateScorer) {}

  score(requests: ScoreRequest[]): Promise<number[][]> {
    if (requests.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.pending.push({ requests, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    try {
      const scores = await this.inner.score(batch.flatMap((b) => b.requests));
      let at = 0;
      for (const b of batch) {
        b.resolve(scores.slice(at, at + b.requests.length));
        at += b.requests.length;
      }
    } catch (e) {
      for (const b of batch) b.reject(e);
    }
  }
}
