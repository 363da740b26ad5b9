import type { Trainer } from '../nn/train-step.js';
import type { Vocab } from '../nn/vocab.js';
import type { CharTransformer } from '../nn/architecture.js';
import type { WordPair } from './word-pairs.js';

export interface StepInfo {
  step: number;
  loss: number;
  lr: number;
  pairs: number;
  seconds: number;
  pairsPerSecond: number;
}

export interface TrainLoopOptions {
  model: CharTransformer;
  trainer: Trainer;
  vocab: Vocab;
  /** Endless source of examples. */
  pairs: AsyncIterator<WordPair>;
  batchSize: number;
  /** Stop after this many optimizer steps in total (counting earlier runs). */
  maxSteps?: number;
  /** Stop after this many seconds of this run. */
  maxSeconds?: number;
  /** Save a resumable checkpoint this often (seconds). */
  checkpointEverySeconds: number;
  onCheckpoint: (step: number) => Promise<void>;
  /** Run validation every this many steps. */
  validateEverySteps?: number;
  onValidate?: (step: number) => Promise<void>;
  onStep?: (info: StepInfo) => void;
  /** Checked between steps; return true to stop early (e.g. on SIGTERM), after a final checkpoint. */
  shouldStop?: () => boolean;
}

/** Encodes word pairs into a batch: the noisy word in its context → the clean word. */
export function encodeBatch(vocab: Vocab, model: CharTransformer, pairs: WordPair[]): { src: number[][]; tgt: number[][] } {
  const { maxEncLen, maxDecLen } = model.config;
  return {
    src: pairs.map((p) => vocab.encodeInContext(p.left, p.noisy, p.right, maxEncLen)),
    tgt: pairs.map((p) => vocab.encode(p.clean).slice(0, maxDecLen - 1)),
  };
}

/** Runs optimizer steps until a limit, checkpointing on a timer and validating at intervals. */
export async function trainLoop(o: TrainLoopOptions): Promise<{ steps: number; seconds: number }> {
  const t0 = performance.now();
  let lastCkpt = t0;
  let pairsSeen = 0;
  const startStep = o.trainer.stepsDone;
  for (;;) {
    const step = o.trainer.stepsDone;
    const seconds = (performance.now() - t0) / 1000;
    if ((o.maxSteps !== undefined && step >= o.maxSteps) || (o.maxSeconds !== undefined && seconds >= o.maxSeconds) || o.shouldStop?.()) break;
    const batch: WordPair[] = [];
    while (batch.length < o.batchSize) {
      const r = await o.pairs.next();
      if (r.done) throw new Error('the example stream ended');
      batch.push(r.value);
    }
    const loss = o.trainer.step(encodeBatch(o.vocab, o.model, batch));
    pairsSeen += batch.length;
    const now = performance.now();
    const el = (now - t0) / 1000;
    o.onStep?.({ step: o.trainer.stepsDone, loss, lr: o.trainer.currentLr, pairs: pairsSeen, seconds: el, pairsPerSecond: pairsSeen / el });
    if (o.validateEverySteps && o.onValidate && (o.trainer.stepsDone - startStep) % o.validateEverySteps === 0) await o.onValidate(o.trainer.stepsDone);
    if ((now - lastCkpt) / 1000 >= o.checkpointEverySeconds) {
      await o.onCheckpoint(o.trainer.stepsDone);
      lastCkpt = performance.now();
    }
  }
  await o.onCheckpoint(o.trainer.stepsDone);
  return { steps: o.trainer.stepsDone - startStep, seconds: (performance.now() - t0) / 1000 };
}
