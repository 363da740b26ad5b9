/**
 * How much a better ranker could win: corrects a dev sample twice, once as shipped and once with the reference choosing
 * among the readings the corrector already has (`CleanOptions.inspect`). For a suspect of one word aligned to one
 * reference word, the oracle keeps the word where it is right and takes the reading that is the reference where one
 * is; elsewhere the corrector's own choice stands. Prints both CER reductions and, per suspect whose right reading is
 * among its readings, what the shipped corrector did at its last decision: took it, kept the word, took another
 * reading, changed a right word, or kept a right one.
 *   npx tsx packages/model/scripts/ranking-oracle.ts --sets overproof,bln600,'icdar_en/!eng_monograph/81#' [--sample 1500]
 *       [--checkpoint DIR] [--params '{}']
 */
import { parseArgs } from 'node:util';
import { codePoints, defaultDataDir, levenshtein, loadSet, parseSelection, sample as sampleItems } from '@unsmudge/eval';
import { loadCorrector, type RankerDecision } from '../src/index.js';
import { referenceWords, rightReading } from './reference-words.js';

const { values } = parseArgs({
  options: {
    sets: { type: 'string', default: 'overproof,bln600' },
    sample: { type: 'string', default: '1500' },
    checkpoint: { type: 'string' },
    params: { type: 'string', default: '{}' },
  },
});

const corrector = await loadCorrector({ checkpointDir: values.checkpoint, params: JSON.parse(values.params!) });
const dist = (a: string, b: string) => levenshtein(codePoints(a), codePoints(b));

type Outcome = 'took it' | 'kept the word' | 'took another' | 'changed a right word' | 'kept, right';

console.log('set\tshipped\toracle\ttook it\tkept the word\ttook another\tchanged a right word\tkept, right');
for (const name of values.sets!.split(',')) {
  const { spec, keep } = parseSelection(name);
  const items = sampleItems((await loadSet(spec.name, 'dev', { dataDir: defaultDataDir() })).filter(keep), Number(values.sample), 1);
  const references = new Map(items.map((item) => [item.noisy, referenceWords(item.noisy, item.clean)]));
  const right = (d: RankerDecision) => rightReading(references.get(d.text), d);
  // the shipped corrector, watched: what it did with each suspect at its last decision
  const last = new Map<string, Outcome>();
  const watch = (d: RankerDecision): undefined => {
    const k = right(d);
    if (k >= 0) {
      const outcome: Outcome = k === d.chosen ? (k === 0 ? 'kept, right' : 'took it') : k === 0 ? 'changed a right word' : d.chosen === 0 ? 'kept the word' : 'took another';
      last.set(`${d.text}\u0000${d.start}`, outcome);
    }
    return undefined;
  };
  const oracle = (d: RankerDecision): number | undefined => {
    const k = right(d);
    return k >= 0 ? k : undefined;
  };
  const texts = items.map((i) => i.noisy);
  const shipped = await corrector.clean(texts, { inspect: watch });
  const best = await corrector.clean(texts, { inspect: oracle });
  let before = 0;
  let errShipped = 0;
  let errOracle = 0;
  items.forEach((item, k) => {
    before += dist(item.noisy, item.clean);
    errShipped += dist(shipped[k].text, item.clean);
    errOracle += dist(best[k].text, item.clean);
  });
  const tally = new Map<Outcome, number>();
  for (const o of last.values()) tally.set(o, (tally.get(o) ?? 0) + 1);
  const red = (e: number) => `${((1 - e / before) * 100).toFixed(2)} %`;
  const counts = (['took it', 'kept the word', 'took another', 'changed a right word', 'kept, right'] as const).map((o) => tally.get(o) ?? 0);
  console.log([name, red(errShipped), red(errOracle), ...counts].join('\t'));
}
