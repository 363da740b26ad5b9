import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { createRng, parseProfile, OCR_FITTED_PROFILE_URL } from '@unsmudge/corruptors';
import { defaultDataDir, heldOutSplit, isHeldOutParagraph, loadSet, readLines, setNames } from '@unsmudge/eval';
import { selectBackend } from '../nn/backend.js';
import { registerWasmKernels } from '../nn/kernels.js';
import { CharTransformer } from '../nn/architecture.js';
import { Trainer } from '../nn/train-step.js';
import { Vocab } from '../nn/vocab.js';
import { loadModel, saveModel } from '../nn/model-io.js';
import { streamParagraphs, randomPassage, type CorpusPosition } from '../training/corpus-stream.js';
import { makeWordPairs, type WordPair } from '../training/word-pairs.js';
import { realWordPairs } from '../training/real-pairs.js';
import { noiseMixture } from '../training/noise-mixture.js';
import { encodeBatch, trainLoop } from '../training/train-loop.js';
import { lineChartSvg } from '../training/svg-plot.js';
import { UsageError } from './usage-error.js';

const HELP = `unsmudge train — train the neural candidate scorer on corrupted clean text
  --out DIR            run folder (checkpoint/, best/, metrics.csv, curve.svg); resumes if it holds a checkpoint
  --from DIR           start from these weights (fine-tuning), e.g. packages/model/checkpoints/shipped/scorer
  --corpus DIR         folder of .txt/.txt.gz files, one paragraph per line (default ../shared/data/clean_text)
  --minutes N          stop after N minutes of this run     --steps N   stop at N total steps
  --clean-share X (0.2) share of examples whose word is left clean, so the scorer learns to keep good words
  --real-dev SETS      real OCR dev sets to validate on as well (default bln600,overproof,icdar_en; '' for none);
                       the best checkpoint is the one with the lowest loss on them
  --batch N (64)  --lr X (1e-3)  --seed N (1)  --checkpoint-minutes N (3)  --validate-every N (400)
  --d N (64) --heads N (4) --enc N (2) --dec N (1) --ffn N (256) --enc-len N (48) --dec-len N (20)`;

export async function runTrain(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: 'boolean', default: false },
      out: { type: 'string', default: 'runs/scorer' },
      from: { type: 'string' },
      corpus: { type: 'string' },
      minutes: { type: 'string' },
      steps: { type: 'string' },
      'clean-share': { type: 'string', default: '0.2' },
      'real-dev': { type: 'string', default: 'bln600,overproof,icdar_en' },
      batch: { type: 'string', default: '64' },
      lr: { type: 'string', default: '1e-3' },
      seed: { type: 'string', default: '1' },
      'checkpoint-minutes': { type: 'string', default: '3' },
      'validate-every': { type: 'string', default: '400' },
      d: { type: 'string', default: '64' },
      heads: { type: 'string', default: '4' },
      enc: { type: 'string', default: '2' },
      dec: { type: 'string', default: '1' },
      ffn: { type: 'string', default: '256' },
      'enc-len': { type: 'string', default: '48' },
      'dec-len': { type: 'string', default: '20' },
      'no-progress': { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (!values.minutes && !values.steps) throw new UsageError('give --minutes or --steps');
  const cleanShare = Number(values['clean-share']);
  if (!(cleanShare >= 0 && cleanShare < 1)) throw new UsageError(`--clean-share must be a number in [0, 1), got ${values['clean-share']}`);
  const realSets = values['real-dev']!.split(',').filter((x) => x !== '');
  const unknownSet = realSets.find((n) => !setNames().includes(n));
  if (unknownSet) throw new UsageError(`--real-dev: no set ${unknownSet} (sets: ${setNames().join(', ')})`);
  const out = resolve(values.out!);
  const ckptDir = join(out, 'checkpoint');
  const bestDir = join(out, 'best');
  mkdirSync(out, { recursive: true });
  const backend = await selectBackend();
  registerWasmKernels();
  console.error(`unsmudge train: backend ${backend.name}`);

  const statePath = join(out, 'train-state.json');
  // best losses so far: on the synthetic validation pairs, and on the real dev words (runs older than it lack that)
  let state: { step: number; position: CorpusPosition | null; seed: string; bestValLoss: number; bestRealLoss?: number; seconds: number } = {
    step: 0,
    position: null,
    seed: values.seed!,
    bestValLoss: Infinity,
    seconds: 0,
  };
  let model: CharTransformer;
  let vocab: Vocab;
  const trainerOpts = { lr: Number(values.lr), warmupSteps: 300, decay: 'inverse-sqrt' as const, clipNorm: 1, labelSmoothing: 0.05 };
  let trainer: Trainer;
  if (existsSync(join(ckptDir, 'model.json'))) {
    const loaded = await loadModel(ckptDir, { optimizer: true });
    model = loaded.model;
    vocab = loaded.vocab;
    trainer = new Trainer(model, trainerOpts);
    if (loaded.optimizerState) trainer.setState(loaded.optimizerState);
    state = JSON.parse(readFileSync(statePath, 'utf8'));
    console.error(`unsmudge train: resuming ${ckptDir} at step ${trainer.stepsDone}`);
  } else if (values.from) {
    const loaded = await loadModel(resolve(values.from));
    model = loaded.model;
    vocab = loaded.vocab;
    trainer = new Trainer(model, trainerOpts);
    console.error(`unsmudge train: fine-tuning from ${values.from}`);
  } else {
    vocab = new Vocab();
    model = new CharTransformer(
      {
        vocabSize: vocab.size,
        dModel: Number(values.d),
        heads: Number(values.heads),
        encLayers: Number(values.enc),
        decLayers: Number(values.dec),
        ffn: Number(values.ffn),
        maxEncLen: Number(values['enc-len']),
        maxDecLen: Number(values['dec-len']),
        dropout: 0.05,
      },
      { seed: Number(values.seed) },
    );
    trainer = new Trainer(model, trainerOpts);
  }
  console.error(`unsmudge train: ${model.paramCount} parameters, config ${JSON.stringify(model.config)}`);

  const dataDir = defaultDataDir();
  const corpus = values.corpus ?? join(dataDir, 'clean_text');
  const files = readdirSync(corpus).filter((f) => /\.txt(\.gz)?$/.test(f)).sort();
  // old prints matter most for OCR: Gutenberg is weighted up against its size
  const weightOf = (f: string) => (/gutenberg/.test(f) ? 0.3 : /wikipedia/.test(f) ? 0.4 : /aws/.test(f) ? 0.2 : 0.1);
  const profile = parseProfile(JSON.parse(readFileSync(OCR_FITTED_PROFILE_URL, 'utf8')));
  const corrupt = noiseMixture({ profile, curriculumSteps: 20000, step: () => trainer.stepsDone });
  const position: CorpusPosition = state.position ?? { linesRead: files.map(() => 0) };
  const rng = createRng(`${state.seed}:${trainer.stepsDone}`);
  const paragraphs = streamParagraphs(
    { open: (f) => readLines(join(corpus, f)), files, weights: files.map(weightOf), skip: isHeldOutParagraph },
    rng,
    position,
  );
  // an example the model's input and output windows hold (the word, and BOS/EOS or the context marks)
  const fits = (p: WordPair) => p.clean.length <= model.config.maxDecLen - 1 && p.noisy.length <= model.config.maxEncLen - 2;
  async function* pairStream(): AsyncGenerator<WordPair> {
    for await (const p of paragraphs) {
      for (const pair of makeWordPairs(randomPassage(p, 240, rng), corrupt, rng, { perPassage: 4, cleanShare })) if (fits(pair)) yield pair;
    }
  }

  // validation: fixed examples from held-out dev paragraphs
  const valPairs: WordPair[] = [];
  {
    const vr = createRng('validation');
    const vc = noiseMixture({ profile, curriculumSteps: 1, step: () => 1 });
    outer: for (const f of files) {
      for await (const line of readLines(join(corpus, f))) {
        if (!isHeldOutParagraph(line) || heldOutSplit(line) !== 'dev') continue;
        valPairs.push(...makeWordPairs(randomPassage(line.trim(), 240, vr), vc, vr, { perPassage: 4 }));
        if (valPairs.length >= 512) break outer;
      }
    }
  }
  // and real OCR: words of the real dev sets, each in its noisy line (a set whose data is missing is skipped)
  const realPairs: WordPair[] = [];
  for (const name of realSets) {
    const rows = await loadSet(name, 'dev', { dataDir }).catch((e: Error) => {
      console.error(`unsmudge train: no real validation on ${name} (${e.message}); --real-dev names the sets`);
      return [];
    });
    realPairs.push(...realWordPairs(rows, { max: Math.ceil(512 / realSets.length), seed: 1 }).filter(fits));
  }
  const startSeconds = state.seconds;
  const metricsPath = join(out, 'metrics.csv');
  const header = 'step,seconds,pairs_per_second,lr,train_loss,val_loss,val_exact,real_loss,real_exact';
  if (!existsSync(metricsPath)) writeFileSync(metricsPath, header + '\n');
  else if (!readFileSync(metricsPath, 'utf8').startsWith(header)) {
    // a run begun before the real dev columns: its rows get empty ones
    const [, ...rows] = readFileSync(metricsPath, 'utf8').trim().split('\n');
    writeFileSync(metricsPath, [header, ...rows.map((r) => r + ',,')].join('\n') + '\n');
  }
  let lossEma = NaN;
  let lastInfo = { step: 0, seconds: 0, pairsPerSecond: 0, lr: 0 };

  const lossAndExact = (pairs: WordPair[]) => {
    let loss = 0;
    let exact = 0;
    for (let i = 0; i < pairs.length; i += 64) {
      const b = pairs.slice(i, i + 64);
      const batch = encodeBatch(vocab, model, b);
      loss += trainer.evaluate(batch) * b.length;
      model.greedyDecode(batch.src).forEach((h, k) => (exact += vocab.decode(h.ids) === b[k].clean ? 1 : 0));
    }
    return { loss: loss / pairs.length, exact: exact / pairs.length };
  };
  const validate = async (step: number) => {
    const val = lossAndExact(valPairs);
    const real = realPairs.length > 0 ? lossAndExact(realPairs) : null;
    const realCells = `,${real ? real.loss.toFixed(4) : ''},${real ? real.exact.toFixed(4) : ''}`;
    appendFileSync(
      metricsPath,
      `${step},${(startSeconds + lastInfo.seconds).toFixed(0)},${lastInfo.pairsPerSecond.toFixed(1)},${lastInfo.lr.toExponential(3)},${lossEma.toFixed(4)},${val.loss.toFixed(4)},${val.exact.toFixed(4)}${realCells}\n`,
    );
    writeCurve(out, metricsPath);
    // the best checkpoint is chosen on real OCR where there is some, else on the synthetic pairs
    const better = real ? real.loss < (state.bestRealLoss ?? Infinity) : val.loss < state.bestValLoss;
    state.bestValLoss = Math.min(state.bestValLoss, val.loss);
    if (real) state.bestRealLoss = Math.min(state.bestRealLoss ?? Infinity, real.loss);
    if (better) {
      const metrics = { step, valLoss: val.loss, valExact: val.exact, ...(real ? { realLoss: real.loss, realExact: real.exact } : {}) };
      await saveModel(bestDir, model, vocab, { quantization: 'float16', metrics });
    }
    const realText = real ? `; real dev loss ${real.loss.toFixed(4)}, greedy exact ${(real.exact * 100).toFixed(1)}%` : '';
    console.error(`\nstep ${step}: val loss ${val.loss.toFixed(4)}, greedy exact ${(val.exact * 100).toFixed(1)}%${realText}`);
  };

  let stop = false;
  const onSignal = () => (stop = true);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const bar = values['no-progress'] ? null : new cliProgress.SingleBar({ format: 'train {bar} {value} steps | loss {loss} | {pps} pairs/s', stream: process.stderr }, cliProgress.Presets.shades_classic);
  const maxSteps = values.steps ? Number(values.steps) : undefined;
  bar?.start(maxSteps ?? 0, trainer.stepsDone, { loss: '-', pps: '-' });
  const result = await trainLoop({
    model,
    trainer,
    vocab,
    pairs: pairStream(),
    batchSize: Number(values.batch),
    maxSteps,
    maxSeconds: values.minutes ? Number(values.minutes) * 60 : undefined,
    checkpointEverySeconds: Number(values['checkpoint-minutes']) * 60,
    validateEverySteps: Number(values['validate-every']),
    onValidate: validate,
    shouldStop: () => stop,
    onStep: (info) => {
      lossEma = Number.isNaN(lossEma) ? info.loss : 0.98 * lossEma + 0.02 * info.loss;
      lastInfo = info;
      bar?.update(info.step, { loss: lossEma.toFixed(3), pps: info.pairsPerSecond.toFixed(0) });
    },
    onCheckpoint: async (step) => {
      await saveModel(ckptDir, model, vocab, { trainer, extra: { step } });
      state = { ...state, step, position, seconds: startSeconds + lastInfo.seconds };
      writeFileSync(statePath, JSON.stringify(state, null, 2) + '\n');
    },
  });
  bar?.stop();
  console.error(`unsmudge train: ${result.steps} steps in ${result.seconds.toFixed(0)} s; checkpoint in ${ckptDir}, best in ${bestDir}`);
}

function writeCurve(out: string, metricsPath: string): void {
  const rows = readFileSync(metricsPath, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map((x) => (x === '' ? NaN : Number(x))));
  const svg = lineChartSvg(
    [
      { name: 'train loss (EMA)', color: '#1f77b4', points: rows.map((r) => [r[0], r[4]]) },
      { name: 'validation loss', color: '#d62728', points: rows.map((r) => [r[0], r[5]]) },
      { name: 'greedy exact (val)', color: '#2ca02c', points: rows.map((r) => [r[0], r[6]]) },
      ...(rows.some((r) => Number.isFinite(r[7]))
        ? [
            { name: 'real dev loss', color: '#9467bd', points: rows.filter((r) => Number.isFinite(r[7])).map((r): [number, number] => [r[0], r[7]]) },
            { name: 'greedy exact (real dev)', color: '#8c564b', points: rows.filter((r) => Number.isFinite(r[8])).map((r): [number, number] => [r[0], r[8]]) },
          ]
        : []),
    ],
    { title: 'unsmudge scorer training', xLabel: 'step', yLabel: 'loss / accuracy' },
  );
  writeFileSync(join(out, 'curve.svg'), svg);
}
