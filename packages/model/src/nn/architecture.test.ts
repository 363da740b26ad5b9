import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CharTransformer, type TransformerConfig } from './architecture.js';
import { selectBackend } from './backend.js';
import { Trainer, batchTensors, maskedCrossEntropy } from './train-step.js';
import { Vocab } from './vocab.js';

const vocab = new Vocab();
const tiny: TransformerConfig = {
  vocabSize: vocab.size,
  dModel: 32,
  heads: 2,
  encLayers: 1,
  decLayers: 1,
  ffn: 64,
  maxEncLen: 24,
  maxDecLen: 12,
  dropout: 0,
};

// (noisy in context, clean) pairs, written for this test.
const PAIRS: [string, string, string, string][] = [
  ['the ', 'c4t', ' sat', 'cat'],
  ['a ', 'rnat', ' here', 'mat'],
  ['', 'Tbe', ' dog', 'The'],
  ['on ', 'tlie', ' hill', 'the'],
  ['big ', 'hause', ' now', 'house'],
  ['', 'quick', ' fox', 'quick'],
  ['it ', 'wos', ' red', 'was'],
  ['my ', 'bok', ' is', 'book'],
  ['to ', 'tbem', '.', 'them'],
  ['so ', 'green', ' and', 'green'],
];

function batch() {
  return {
    src: PAIRS.map(([l, w, r]) => vocab.encodeInContext(l, w, r, tiny.maxEncLen, false)),
    tgt: PAIRS.map(([, , , c]) => vocab.encode(c)),
  };
}

async function gradsOn(backend: 'cpu' | 'wasm'): Promise<Map<string, Float32Array>> {
  await tf.setBackend(backend);
  const model = new CharTransformer({ ...tiny }, { seed: 3 });
  const out = new Map<string, Float32Array>();
  tf.tidy(() => {
    const t = batchTensors(batch(), tiny.maxDecLen);
    const { grads } = tf.variableGrads(() => {
      const enc = model.encode(t.src, true);
      return maskedCrossEntropy(model.decodeLogits(enc, t.decIn, true), t.target, 0.1);
    }, model.variables());
    for (const [name, w] of model.weights) {
      const g = grads[w.name];
      if (g) out.set(name, g.dataSync() as Float32Array);
    }
  });
  model.dispose();
  return out;
}

describe('CharTransformer', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('produces logits of the right shape', () => {
    const model = new CharTransformer(tiny, { seed: 1 });
    const b = batch();
    tf.tidy(() => {
      const enc = model.encode(b.src);
      expect(enc.memory.shape).toEqual([10, Math.max(...b.src.map((s) => s.length)), 32]);
      const logits = model.decodeLogits(enc, [[1, 7, 8], [1, 9, 0], ...Array(8).fill([1, 5, 5])]);
      expect(logits.shape).toEqual([10, 3, vocab.size]);
    });
    expect(model.paramCount).toBeGreaterThan(10_000);
    model.dispose();
  });

  it('gets a gradient for every variable on wasm, matching the cpu backend', async () => {
    const wasm = await gradsOn('wasm');
    const cpu = await gradsOn('cpu');
    await tf.setBackend('wasm');
    const names = [...new CharTransformerNames(tiny).names];
    expect(wasm.size).toBe(names.length);
    for (const [name, g] of wasm) {
      const ref = cpu.get(name)!;
      let scale = 1e-6;
      let err = 0;
      let nonZero = false;
      for (let i = 0; i < g.length; i++) {
        scale = Math.max(scale, Math.abs(ref[i]));
        err = Math.max(err, Math.abs(g[i] - ref[i]));
        if (g[i] !== 0) nonZero = true;
        expect(Number.isFinite(g[i])).toBe(true);
      }
      expect(nonZero, `zero gradient for ${name}`).toBe(true);
      expect(err / scale, `gradient of ${name}`).toBeLessThan(2e-3);
    }
  });

  it('learns a few corrections, then ranks and decodes them, without leaking tensors', () => {
    const model = new CharTransformer(tiny, { seed: 7 });
    const trainer = new Trainer(model, { lr: 1e-2, warmupSteps: 20, decay: 'constant', clipNorm: 1 });
    const b = batch();
    const startTensors = tf.memory().numTensors;
    const first = trainer.step(b);
    let loss = first;
    for (let i = 1; i < 250 && loss > 0.02; i++) loss = trainer.step(b);
    expect(tf.memory().numTensors).toBe(startTensors);
    expect(first).toBeGreaterThan(3);
    expect(loss).toBeLessThan(0.1);

    // Greedy decoding reproduces the clean words.
    const before = tf.memory().numTensors;
    const greedy = model.greedyDecode(b.src);
    expect(greedy.map((h) => vocab.decode(h.ids))).toEqual(PAIRS.map((p) => p[3]));
    expect(greedy.every((h) => h.finished && h.logprob < 0)).toBe(true);

    // The right candidate is ranked first among plausible distractors.
    const cands = PAIRS.map(([, w, , c]) => [w, c, c + 's', c.slice(1), 'xyz'].map((s) => vocab.encode(s)));
    const scores = model.scoreSequences(b.src, cands);
    scores.forEach((row, i) => {
      const best = row.indexOf(Math.max(...row));
      expect(vocab.decode(cands[i][best]), `item ${i}`).toBe(PAIRS[i][3]);
    });
    // Teacher-forced score of the greedy output equals its decoding log-prob.
    const again = model.scoreSequences(b.src, greedy.map((h) => [h.ids]));
    greedy.forEach((h, i) => expect(again[i][0]).toBeCloseTo(h.logprob, 3));

    // Beam search puts the same answer first.
    const beams = model.beamDecode(b.src, 3);
    expect(beams.map((bs) => vocab.decode(bs[0].ids))).toEqual(PAIRS.map((p) => p[3]));
    beams.forEach((bs) => {
      expect(bs.length).toBeGreaterThan(0);
      for (let i = 1; i < bs.length; i++) expect(bs[i].logprob).toBeLessThanOrEqual(bs[i - 1].logprob);
    });
    expect(tf.memory().numTensors).toBe(before);

    trainer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBeLessThan(startTensors);
  });

  it('grouped cross-attention equals decoding against repeated memory; ragged candidate lists', () => {
    const model = new CharTransformer(tiny, { seed: 2 });
    const b = batch();
    tf.tidy(() => {
      const enc = model.encode(b.src.slice(0, 3));
      const decIn = Array.from({ length: 6 }, (_, i) => [1, 10 + i, 20 + i, 30]);
      const grouped = model.decodeLogits(enc, decIn).dataSync();
      const repeated = model.decodeLogits(CharTransformer.selectRows(enc, [0, 0, 1, 1, 2, 2]), decIn).dataSync();
      let err = 0;
      for (let i = 0; i < grouped.length; i++) err = Math.max(err, Math.abs(grouped[i] - repeated[i]));
      expect(err).toBeLessThan(1e-4);
    });
    const cands = [[vocab.encode('cat'), vocab.encode('at')], [], [vocab.encode('the'), [], vocab.encode('he'), vocab.encode('tbe')]];
    const src = b.src.slice(0, 3);
    const together = model.scoreSequences(src, cands, { chunk: 4 });
    expect(together.map((r) => r.length)).toEqual([2, 0, 4]);
    const alone = cands.map((c, i) => (c.length ? model.scoreSequences([src[i]], [c])[0] : []));
    together.flat().forEach((v, i) => expect(v).toBeCloseTo(alone.flat()[i], 4));
    expect(together.flat().every((v) => v < 0)).toBe(true);
    model.dispose();
  });

  it('rejects bad input clearly', () => {
    const model = new CharTransformer(tiny, { seed: 1 });
    expect(() => model.scoreSequences([[4, 10, 5]], [[Array(20).fill(10)]])).toThrow(/at most 11/);
    expect(() => model.scoreSequences([[4, 10, 5]], [])).toThrow(/candidate lists/);
    expect(() => model.encode([Array(30).fill(7)])).toThrow(/exceeds 24/);
    expect(() => new CharTransformer({ ...tiny, heads: 3 })).toThrow(/divisible/);
    model.dispose();
    expect(() => model.greedyDecode([[4, 5]])).toThrow(/dispose/);
  });
});

/** Expected weight names for a config (independent listing, to catch missing variables). */
class CharTransformerNames {
  readonly names: string[] = ['emb', 'out.b'];
  constructor(c: TransformerConfig) {
    const ln = (p: string) => this.names.push(`${p}.g`, `${p}.b`);
    const ff = (p: string) => {
      ln(`${p}.ln`);
      this.names.push(`${p}.w1`, `${p}.b1`, `${p}.w2`, `${p}.b2`);
    };
    for (let i = 0; i < c.encLayers; i++) {
      ln(`enc.${i}.self.ln`);
      this.names.push(`enc.${i}.self.wqkv`, `enc.${i}.self.bqkv`, `enc.${i}.self.wo`, `enc.${i}.self.bo`);
      ff(`enc.${i}.ff`);
    }
    ln('enc.ln');
    for (let i = 0; i < c.decLayers; i++) {
      ln(`dec.${i}.self.ln`);
      this.names.push(`dec.${i}.self.wqkv`, `dec.${i}.self.bqkv`, `dec.${i}.self.wo`, `dec.${i}.self.bo`);
      ln(`dec.${i}.cross.ln`);
      this.names.push(`dec.${i}.cross.wq`, `dec.${i}.cross.bq`, `dec.${i}.cross.wkv`, `dec.${i}.cross.bkv`, `dec.${i}.cross.wo`, `dec.${i}.cross.bo`);
      ff(`dec.${i}.ff`);
    }
    ln('dec.ln');
  }
}
