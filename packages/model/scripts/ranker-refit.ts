/**
 * Would the ranker's own features, weighed anew, choose better? Watches the shipped corrector's last decision about
 * every one-word suspect of a dev sample whose right reading is among its readings (`CleanOptions.inspect`), splits
 * them into two halves by document (as `dev-halves.ts`), fits a conditional logit on half A over four features per
 * reading — its word-pair log-probability, its channel cost, the keep bonus (the word as written) and a constant for
 * keeping — and on half B compares the log-loss and the readings taken (the likeliest where it reaches the threshold,
 * else the word as written) with the shipped weights and with the shipped corrector's own decisions (its rules, the
 * nearest-reading rule and the scorer included).
 *   npx tsx packages/model/scripts/ranker-refit.ts [--sets overproof,bln600,'icdar_en/!eng_monograph/81#'] [--sample 3000]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PARAMS, loadCorrector, SHIPPED_CHECKPOINT } from '../src/index.js';
import { readConfig } from '../src/checkpoint-dir.js';
import { devDecisions, type DevDecision as Example } from './dev-decisions.js';

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: "overproof,bln600,icdar_en/!eng_monograph/81#" },
    sample: { type: 'string', default: '3000' },
    steps: { type: 'string', default: '3000' },
  },
});

const corrector = await loadCorrector();
// (the two parameters the features need, read from the checkpoint's config rather than by loading its lexicon again)
const { channelScale, threshold } = { ...DEFAULT_PARAMS, ...readConfig(SHIPPED_CHECKPOINT).params };
const examples = await devDecisions(corrector, values.sets!.split(','), Number(values.sample), channelScale);

const dot = (f: number[], w: number[]) => f.reduce((s, x, i) => s + x * w[i], 0);
/** Softmax probabilities of an example's readings under weights `w`. */
function probabilities(e: Example, w: number[]): number[] {
  const s = e.features.map((f) => dot(f, w));
  const max = Math.max(...s);
  const p = s.map((v) => Math.exp(v - max));
  const z = p.reduce((a, b) => a + b, 0);
  return p.map((v) => v / z);
}
/** Mean log-loss of the right readings, and its gradient. */
function logLoss(set: Example[], w: number[]): { loss: number; grad: number[] } {
  let loss = 0;
  const grad = w.map(() => 0);
  for (const e of set) {
    const p = probabilities(e, w);
    loss -= Math.log(Math.max(p[e.right], 1e-300));
    e.features.forEach((f, j) => f.forEach((x, i) => (grad[i] += (p[j] - (j === e.right ? 1 : 0)) * x)));
  }
  return { loss: loss / set.length, grad: grad.map((g) => g / set.length) };
}
/** Right readings taken per set: the likeliest reading where it reaches `th`, else the word as written (null: the corrector's own). */
function taken(set: Example[], w: number[] | null, th: number): string {
  const bySet = new Map<string, [number, number]>();
  for (const e of set) {
    let choice = e.chosen;
    if (w) {
      const p = probabilities(e, w);
      let best = 1;
      for (let j = 2; j < p.length; j++) if (p[j] > p[best]) best = j;
      choice = p.length > 1 && p[best] >= th ? best : 0;
    }
    const v = bySet.get(e.set) ?? [0, 0];
    v[0] += choice === e.right ? 1 : 0;
    v[1]++;
    bySet.set(e.set, v);
  }
  return [...bySet].map(([s, [a, n]]) => `${s} ${a}/${n}`).join('  ');
}

const halfA = examples.filter((e) => !e.halfB);
const halfB = examples.filter((e) => e.halfB);
const shipped = [1, channelScale, 1, 0];
let w = [...shipped];
for (let step = 0; step < Number(values.steps); step++) {
  const { grad } = logLoss(halfA, w);
  // (the cost's feature is small beside the log-probabilities: a larger step for its weight)
  w = w.map((x, i) => x - 0.02 * grad[i] * (i === 1 ? 10 : 1));
}
console.log(`decisions: half A ${halfA.length}, half B ${halfB.length}`);
console.log(`weights (word pairs, cost, keep bonus, keeping): shipped ${shipped.join(' ')}; refit on half A ${w.map((x) => x.toFixed(3)).join(' ')}`);
console.log(`log-loss on half B: shipped ${logLoss(halfB, shipped).loss.toFixed(4)}, refit ${logLoss(halfB, w).loss.toFixed(4)}`);
console.log(`right readings taken on half B:`);
console.log(`  the corrector's own decisions      ${taken(halfB, null, threshold)}`);
console.log(`  shipped weights, threshold ${threshold}     ${taken(halfB, shipped, threshold)}`);
for (const th of [0.6, 0.7, 0.8, 0.9]) console.log(`  refit weights, threshold ${th}       ${taken(halfB, w, th)}`);
