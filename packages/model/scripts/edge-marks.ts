/**
 * Marks glued to the edge of a word (`*general`, `,lying`, `word*`), against the reference: for each mark, how many
 * aligned words keep it in the reference too, lack it there (a speck), or differ otherwise; in the noisy text, or in
 * what the corrector leaves. Also the marks glued before a word per 1,000 noisy words (`.,;*)]¦?¡` by default), which
 * tells splits apart. The figures of docs/model.md, "Twentieth round".
 *   npx tsx packages/model/scripts/edge-marks.ts --set bln600 [--split dev] [--side start|end] [--of noisy|output]
 *   [--sample N] [--params '{}'] (a set may be read in part by row id, as in the bench: --set 'icdar_en/!eng_monograph/81#')
 */
import { parseArgs } from 'node:util';
import { alignWords, defaultDataDir, loadSet, parseSelection, sample as sampleItems, words } from '@unsmudge/eval';
import { loadCorrector } from '../src/index.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'bln600' },
    split: { type: 'string', default: 'dev' },
    side: { type: 'string', default: 'start' },
    of: { type: 'string', default: 'output' },
    sample: { type: 'string', default: '100000' },
    params: { type: 'string', default: '{}' },
    rate: { type: 'string', default: '.,;*)]¦?¡' },
  },
});
if (values.side !== 'start' && values.side !== 'end') throw new Error('--side is start or end');
if (values.of !== 'noisy' && values.of !== 'output') throw new Error('--of is noisy or output');
if (values.split !== 'dev' && values.split !== 'test') throw new Error('--split is dev or test');

const { spec, keep } = parseSelection(values.set!);
const items = sampleItems((await loadSet(spec.name, values.split, { dataDir: defaultDataDir() })).filter(keep), Number(values.sample), 1);
const texts =
  values.of === 'noisy'
    ? items.map((i) => i.noisy)
    : (await (await loadCorrector({ params: JSON.parse(values.params!) })).clean(items.map((i) => i.noisy))).map((r) => r.text);

// a mark (not a letter, figure or space) glued to the word's start or end, with a letter on its inner side
const edge = values.side === 'start' ? /^([^\p{L}\d\s])\p{L}/u : /\p{L}([^\p{L}\d\s])$/u;
const inRef = (ref: string, mark: string) => (values.side === 'start' ? ref.startsWith(mark) : ref.endsWith(mark));
const bare = values.side === 'start' ? /^\p{L}/u : /\p{L}$/u;
const counts = new Map<string, { kept: number; speck: number; other: number }>();
items.forEach((item, k) => {
  const ref = words(item.clean);
  const aligned = alignWords(words(texts[k]), ref).alignedToRef;
  ref.forEach((r, j) => {
    const m = aligned[j] === null ? null : edge.exec(aligned[j]!);
    if (!m) return;
    const c = counts.get(m[1]) ?? { kept: 0, speck: 0, other: 0 };
    if (inRef(r, m[1])) c.kept++;
    else if (bare.test(r)) c.speck++;
    else c.other++;
    counts.set(m[1], c);
  });
});
console.log(`${values.set} ${values.split}, ${items.length} rows, ${values.of}: marks glued to the ${values.side} of a word (reference has it too / lacks it / other)`);
for (const [mark, c] of [...counts].sort((a, b) => b[1].speck - a[1].speck)) {
  if (c.kept + c.speck + c.other >= 2) console.log(`  ${JSON.stringify(mark).padEnd(6)} kept ${c.kept}  speck ${c.speck}  other ${c.other}`);
}
const marks = [...values.rate!].map((ch) => ch.replace(/[\\\]^-]/u, '\\$&')).join('');
const before = new RegExp(`(?:^|\\s)[${marks}]\\p{L}`, 'gu');
const noisyWords = items.reduce((n, i) => n + i.noisy.split(/\s+/u).filter(Boolean).length, 0);
const found = items.reduce((n, i) => n + (i.noisy.match(before) ?? []).length, 0);
console.log(`noisy text: ${found} of ${values.rate} glued before a word after a space, ${((1000 * found) / noisyWords).toFixed(2)} per 1,000 words`);
