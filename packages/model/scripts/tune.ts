/**
 * Tunes the ranker's parameters on the dev splits: runs the bench once per configuration and
 * prints relative CER reduction per set plus the clean-text change rate.
 *   npx tsx packages/model/scripts/tune.ts --checkpoint DIR --grid '{"channelScale":[-4,-5],"unknownProb":[1e-8,1e-9]}' --sample 300
 *   add --scorer runs/scorer/best to score candidates with a trained neural scorer (vary "neuralWeight")
 *   a set may be read in part by row id: `icdar_en/!eng_monograph/81#` (without the long book that is 81 % of its dev
 *   split), `icdar_en/eng_periodical`, `icdar_en/EN1`
 */
import { parseArgs } from 'node:util';
import { runBench, defaultDataDir } from '@unsmudge/eval';
import { createCorrector, loadResources, nn, NeuralScorer } from '../src/index.js';
import { readFileSync } from 'node:fs';
import { confusionSetsFor, ocrChannel } from '../src/corrector.js';
import { parseChannelCounts } from '../src/candidates/fitted-channel.js';
import type { RankParams } from '../src/correct/params.js';

const { values } = parseArgs({
  options: {
    checkpoint: { type: 'string' },
    grid: { type: 'string', default: '{}' },
    sets: { type: 'string', default: 'bln600,overproof,icdar_en,acl_arc,jfleg_spell,wikipedia,clean_text' },
    sample: { type: 'string', default: '300' },
    split: { type: 'string', default: 'dev' },
    data: { type: 'string' },
    scorer: { type: 'string' },
    // another channel.json (confusion counts) than the checkpoint's, e.g. one fitted on half of the dev pairs
    channel: { type: 'string' },
  },
});

const grid = JSON.parse(values.grid!) as Record<string, unknown[]>;
const configs: Array<Partial<RankParams>> = [{}];
for (const [key, vals] of Object.entries(grid)) {
  const next: Array<Partial<RankParams>> = [];
  for (const c of configs) for (const v of vals) next.push({ ...c, [key]: v });
  configs.splice(0, configs.length, ...next);
}

const loaded = loadResources({ checkpointDir: values.checkpoint });
const { resources } = loaded;
const channelCounts = values.channel ? parseChannelCounts(JSON.parse(readFileSync(values.channel, 'utf8'))) : loaded.channelCounts;
if (values.scorer) {
  await nn.selectBackend();
  nn.registerWasmKernels();
  const { model, vocab } = await nn.loadModel(values.scorer);
  resources.scorer = new NeuralScorer(model, vocab);
}
const base = resources.params;
const sets = values.sets!.split(',');
console.log(['config', ...sets].join('\t'));
for (const cfg of configs) {
  const params = { ...base, ...cfg };
  // the real-word confusion sets depend on the parameters: rebuilt when any of theirs is varied
  const newChannel = 'fittedChannel' in cfg || 'keyboardSlipCost' in cfg || values.channel !== undefined;
  const channel = newChannel ? ocrChannel(channelCounts, params) : resources.channel;
  const confusions = newChannel || Object.keys(cfg).some((k) => k.startsWith('realWord')) ? confusionSetsFor(resources.lexicon, channel, params) : resources.confusions;
  const corrector = createCorrector({ ...resources, params, confusions, channel }, { checkpoint: 'tune', backend: 'none', loadMs: 0 });
  const result = await runBench({
    correctors: { unsmudge: async (texts) => (await corrector.clean(texts)).map((r) => r.text) },
    sets,
    split: values.split as 'dev' | 'test',
    sample: Number(values.sample),
    seed: 1,
    dataDir: values.data ?? defaultDataDir(),
  });
  const cells = result.sets.map((s) => {
    const m = s.results[0].metrics;
    if (s.set === 'clean_text') return `chg ${((m.changedRate ?? 0) * 100).toFixed(3)}%`;
    if (s.unit === 'word') return `fix ${((m.fixRate ?? 0) * 100).toFixed(1)} brk ${((m.brokenRate ?? 0) * 100).toFixed(2)}`;
    return `${((m.cerReduction ?? 0) * 100).toFixed(2)}%`;
  });
  console.log([JSON.stringify(cfg), ...cells].join('\t'));
}
