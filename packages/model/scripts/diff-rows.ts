/**
 * Two corrector settings side by side on a dev sample: prints each row whose outputs differ, with the character errors
 * of each against the reference and the words that differ, then the totals. What a tune.ts figure is made of.
 *   npx tsx packages/model/scripts/diff-rows.ts --set bln600 --sample 1500 --b '{"neuralWeight":0.5}'
 *   --a / --b: params over the checkpoint's (default '{}'); --scorer-a / --scorer-b: neural scorer folders (default
 *   the checkpoint's own scorer); a set may be read in part by row id, as in the bench: --set 'icdar_en/!eng_monograph/81#'
 */
import { parseArgs } from 'node:util';
import { codePoints, defaultDataDir, levenshtein, loadSet, parseSelection, sample as sampleItems } from '@unsmudge/eval';
import { loadCorrector, nn, NeuralScorer, type Corrector } from '../src/index.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'bln600' },
    sample: { type: 'string', default: '1500' },
    split: { type: 'string', default: 'dev' },
    a: { type: 'string', default: '{}' },
    b: { type: 'string', default: '{}' },
    'scorer-a': { type: 'string' },
    'scorer-b': { type: 'string' },
    checkpoint: { type: 'string' },
  },
});

/** A corrector with these params over the checkpoint's, and this scorer (the checkpoint's own when none is named). */
async function corrector(params: string, scorerDir: string | undefined): Promise<Corrector> {
  let scorer: NeuralScorer | undefined;
  if (scorerDir) {
    await nn.selectBackend();
    nn.registerWasmKernels();
    const { model, vocab } = await nn.loadModel(scorerDir);
    scorer = new NeuralScorer(model, vocab);
  }
  return loadCorrector({ checkpointDir: values.checkpoint, params: JSON.parse(params), scorer });
}

const [a, b] = [await corrector(values.a!, values['scorer-a']), await corrector(values.b!, values['scorer-b'])];
const { spec, keep } = parseSelection(values.set!);
const items = sampleItems((await loadSet(spec.name, values.split as 'dev' | 'test', { dataDir: defaultDataDir() })).filter(keep), Number(values.sample), 1);
const [outA, outB] = [await a.clean(items.map((i) => i.noisy)), await b.clean(items.map((i) => i.noisy))];
const dist = (x: string, y: string) => levenshtein(codePoints(x), codePoints(y));

let [errA, errB, rows] = [0, 0, 0];
items.forEach((item, k) => {
  const [ta, tb] = [outA[k].text, outB[k].text];
  if (ta === tb) return;
  const [ea, eb] = [dist(ta, item.clean), dist(tb, item.clean)];
  [errA, errB, rows] = [errA + ea, errB + eb, rows + 1];
  console.log(`${ea} → ${eb}  ${wordDiff(ta, tb)}\n  noisy: ${item.noisy}\n  clean: ${item.clean}\n  a:     ${ta}\n  b:     ${tb}\n`);
});
console.log(`${rows} of ${items.length} rows differ; their character errors: a ${errA}, b ${errB}`);

/** The words where two outputs differ, as `a-words ⇒ b-words`, after the longest common prefix and suffix of words. */
function wordDiff(x: string, y: string): string {
  const [wx, wy] = [x.split(/\s+/), y.split(/\s+/)];
  let s = 0;
  while (s < wx.length && s < wy.length && wx[s] === wy[s]) s++;
  let e = 0;
  while (e < wx.length - s && e < wy.length - s && wx[wx.length - 1 - e] === wy[wy.length - 1 - e]) e++;
  return `${wx.slice(s, wx.length - e).join(' ')} ⇒ ${wy.slice(s, wy.length - e).join(' ')}`;
}
