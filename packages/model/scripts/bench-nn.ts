/**
 * Measures candidate architectures of the neural scorer on the current machine (wasm backend).
 * Run: npx tsx packages/model/scripts/bench-nn.ts [--seconds 3] [--backend wasm|cpu]
 * Prints a markdown table; figures are throughput after warm-up, on random weights and synthetic words.
 */
import * as tf from '@tensorflow/tfjs';
import { CharTransformer, Trainer, Vocab, selectBackend, type BackendName, type TransformerConfig } from '../src/nn/index.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const seconds = Number(arg('seconds', '3'));
const backendPref = arg('backend', 'wasm') as BackendName;

const ENC_LEN = 48;
const DEC_LEN = 20;
const BATCH = 64;
const K = 8;
const CHARS_PER_SCORED_WORD = 60;

const vocab = new Vocab();
const candidates: { name: string; cfg: Omit<TransformerConfig, 'vocabSize' | 'maxEncLen' | 'maxDecLen' | 'dropout'> }[] = [
  { name: 'd=64, 2 heads, 2+1 layers, ffn 256', cfg: { dModel: 64, heads: 2, encLayers: 2, decLayers: 1, ffn: 256 } },
  { name: 'd=96, 4 heads, 2+2 layers, ffn 384', cfg: { dModel: 96, heads: 4, encLayers: 2, decLayers: 2, ffn: 384 } },
  { name: 'd=128, 4 heads, 3+1 layers, ffn 512', cfg: { dModel: 128, heads: 4, encLayers: 3, decLayers: 1, ffn: 512 } },
];

// Deterministic pseudo-random synthetic data (lowercase words in lowercase context).
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const word = (min: number, max: number) => {
  const n = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + Math.floor(rand() * 26));
  return s;
};
const context = () => Array.from({ length: 6 }, () => word(2, 8)).join(' ');
function sample(): { src: number[]; tgt: number[] } {
  const clean = word(3, 10);
  const noisy = clean.length > 3 ? clean.slice(0, 1) + clean.slice(2) : clean + 'x';
  return { src: vocab.encodeInContext(context() + ' ', noisy, ' ' + context(), ENC_LEN), tgt: vocab.encode(clean) };
}

/** Runs `fn` repeatedly for ~`seconds` after `warm` warm-up calls; returns calls/s. */
function rate(fn: () => void, warm = 1): number {
  for (let i = 0; i < warm; i++) fn();
  let n = 0;
  const t0 = performance.now();
  while (n < 2 || performance.now() - t0 < seconds * 1000) {
    fn();
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

const choice = await selectBackend(backendPref);
console.log(`backend: ${choice.name} (tried ${choice.tried.map((t) => t.name + (t.error ? ' ✗' : ' ✓')).join(', ')})`);
console.log(`batch ${BATCH}, enc len ${ENC_LEN}, dec len ${DEC_LEN}, K=${K} candidates/item, ~${seconds}s per measurement\n`);

const rows: string[] = [];
for (const c of candidates) {
  const cfg: TransformerConfig = { ...c.cfg, vocabSize: vocab.size, maxEncLen: ENC_LEN, maxDecLen: DEC_LEN, dropout: 0.1 };
  const model = new CharTransformer(cfg, { seed: 1 });
  const trainer = new Trainer(model, { lr: 1e-3, warmupSteps: 100 });
  const batches = Array.from({ length: 4 }, () => {
    const s = Array.from({ length: BATCH }, sample);
    return { src: s.map((x) => x.src), tgt: s.map((x) => x.tgt) };
  });
  let bi = 0;
  const trainSteps = rate(() => void trainer.step(batches[bi++ % batches.length]), 2);

  const items = Array.from({ length: BATCH }, sample);
  const src = items.map((x) => x.src);
  const cands = items.map((x) => Array.from({ length: K }, (_, k) => (k === 0 ? x.tgt : vocab.encode(word(3, 10)))));
  const scoreCalls = rate(() => void model.scoreSequences(src, cands));
  const greedyFull = rate(() => void model.greedyDecode(src), 1);
  const greedy12 = rate(() => void model.greedyDecode(src, 12), 1);
  const tensors = tf.memory().numTensors;
  trainer.dispose();
  model.dispose();
  const row = {
    name: c.name,
    params: model.paramCount,
    trainPairs: trainSteps * BATCH,
    scoreItems: scoreCalls * BATCH,
    greedyFull: greedyFull * BATCH,
    greedy12: greedy12 * BATCH,
  };
  console.log(`${c.name}: ${JSON.stringify({ ...row, tensorsLive: tensors })}`);
  rows.push(
    `| ${row.name} | ${(row.params / 1e6).toFixed(2)} M | ${row.trainPairs.toFixed(0)} | ${row.scoreItems.toFixed(0)} | ${((row.scoreItems * CHARS_PER_SCORED_WORD) / 1000).toFixed(1)} k | ${row.greedy12.toFixed(0)} | ${row.greedyFull.toFixed(0)} |`,
  );
}

console.log(`
| model | params | train pairs/s | score items/s (K=${K}) | text chars/s (1 scored word / ${CHARS_PER_SCORED_WORD} chars) | greedy words/s (≤12 chars) | greedy words/s (≤${DEC_LEN - 1} chars) |
|---|---|---|---|---|---|---|
${rows.join('\n')}`);
