/**
 * Sorts every reference word of a dev sample by what the corrector did with it: kept right, fixed, wrongly fixed,
 * broken, or left wrong — a word left wrong by whether the noisy word is known to the lexicon and how many plain
 * edits its reference is away — with the characters each bucket still costs. Shows where the remaining error is.
 *   npx tsx packages/model/scripts/error-buckets.ts --set overproof --sample 1500 [--show kept-nonword-refknown-d3 [--max 60]] [--params '{}']
 *   (a set may be read in part by row id, as in the bench: --set 'icdar_en/!eng_monograph/81#', --set icdar_en/EN1)
 */
import { parseArgs } from 'node:util';
import { alignWords, words, levenshtein, codePoints, loadSet, defaultDataDir, parseSelection, sample as sampleItems } from '@unsmudge/eval';
import { createCorrector, loadResources } from '../src/index.js';
import { osaDistance } from '../src/candidates/edit-distance.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'overproof' },
    sample: { type: 'string', default: '1500' },
    show: { type: 'string' },
    max: { type: 'string', default: '60' },
    params: { type: 'string', default: '{}' },
    checkpoint: { type: 'string' },
  },
});
const dist = (a: string, b: string) => levenshtein(codePoints(a), codePoints(b));
const core = (s: string) => s.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '');
const { resources } = loadResources({ checkpointDir: values.checkpoint, params: JSON.parse(values.params!) });
const corrector = createCorrector(resources, { checkpoint: 'buckets', backend: 'none', loadMs: 0 });
const { spec, keep } = parseSelection(values.set!);
const items = sampleItems((await loadSet(spec.name, 'dev', { dataDir: defaultDataDir() })).filter(keep), Number(values.sample), 1);
const results = await corrector.clean(items.map((i) => i.noisy));

/** What happened to reference word `ref`, given the noisy token and the output token aligned to it. */
function bucket(noisy: string | null, out: string | null, ref: string): string {
  if (noisy === ref) return out === ref ? 'ok' : 'broken';
  if (out === ref) return 'fixed';
  if (out !== noisy) return 'wrong-fix';
  if (noisy === null) return 'kept-missing';
  const [n, r] = [core(noisy), core(ref)];
  if (n === r) return 'kept-punctuation';
  if (n.toLowerCase() === r.toLowerCase()) return 'kept-case';
  const known = resources.lexicon.has(n.toLowerCase()) ? 'realword' : 'nonword';
  const refKnown = resources.lexicon.has(r.toLowerCase()) ? 'refknown' : 'refunknown';
  return `kept-${known}-${refKnown}-d${Math.min(3, osaDistance(n.toLowerCase(), r.toLowerCase(), 3))}`;
}

const count = new Map<string, number>();
const chars = new Map<string, number>();
const examples: string[] = [];
let before = 0;
let after = 0;
items.forEach((item, k) => {
  const out = results[k].text;
  before += dist(item.noisy, item.clean);
  after += dist(out, item.clean);
  const ref = words(item.clean);
  const noisyAligned = alignWords(words(item.noisy), ref).alignedToRef;
  const outAligned = alignWords(words(out), ref).alignedToRef;
  ref.forEach((r, j) => {
    const b = bucket(noisyAligned[j], outAligned[j], r);
    count.set(b, (count.get(b) ?? 0) + 1);
    chars.set(b, (chars.get(b) ?? 0) + dist(outAligned[j] ?? '', r));
    if (values.show && b === values.show) examples.push(`${noisyAligned[j]} → ${outAligned[j]}   [${r}]`);
  });
});
console.log(`${values.set} dev, ${items.length} items: CER reduction ${(((before - after) / before) * 100).toFixed(1)} % (${before} → ${after} char errors)`);
console.log('bucket'.padEnd(36), 'words'.padStart(7), 'chars left'.padStart(11));
for (const b of [...count.keys()].sort((x, y) => (chars.get(y) ?? 0) - (chars.get(x) ?? 0))) {
  console.log(b.padEnd(36), String(count.get(b)).padStart(7), String(chars.get(b)).padStart(11));
}
if (values.show) console.log(`\n${values.show}:\n${examples.slice(0, Number(values.max)).join('\n')}`);
