import type { CharTransformer } from './nn/architecture.js';
import type { Vocab } from './nn/vocab.js';
import type { CandidateScorer, ScoreRequest } from './correct/resources.js';

/** Items scored per forward pass. */
const BATCH = 64;

/** Scores candidate corrections with the character transformer: log p(candidate | noisy word in context). */
export class NeuralScorer implements CandidateScorer {
  constructor(
    readonly model: CharTransformer,
    readonly vocab: Vocab,
  ) {}

  async score(requests: ScoreRequest[]): Promise<number[][]> {
    const { maxEncLen, maxDecLen } = this.model.config;
    const out: number[][] = [];
    for (let s = 0; s < requests.length; s += BATCH) {
      const chunk = requests.slice(s, s + BATCH);
      const enc = chunk.map((r) =>
        this.vocab.encodeInContext(r.context.slice(0, r.start), r.context.slice(r.start, r.end), r.context.slice(r.end), maxEncLen),
      );
      const cands = chunk.map((r) => r.candidates.map((c) => this.vocab.encode(c).slice(0, maxDecLen - 1)));
      out.push(...this.model.scoreSequences(enc, cands));
      // let other work (HTTP, lock renewal) run between batches
      await new Promise((r) => setImmediate(r));
    }
    return out;
  }
}
