/**
 * Audits the corrector's edits on a dev split: each edit is applied alone and scored against the reference
 * (characters it fixed minus characters it broke). Prints the totals and the worst and best edits, so that
 * changes to the ranker can be judged edit by edit rather than only by the CER of a whole set.
 *   npx tsx packages/model/scripts/edit-audit.ts --set acl_arc --sample 400 [--params '{"threshold":0.9}'] [--show 40]
 */
import { parseArgs } from 'node:util';
import { loadSet, defaultDataDir, levenshtein, codePoints, sample as sampleItems } from '@unsmudge/eval';
import { createCorrector, loadResources } from '../src/index.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'acl_arc' },
    split: { type: 'string', default: 'dev' },
    sample: { type: 'string', default: '400' },
    params: { type: 'string', default: '{}' },
    show: { type: 'string', default: '30' },
    checkpoint: { type: 'string' },
  },
});
if (values.split === 'test') throw new Error('audit on dev only: tuning on test would not carry over');
const dist = (a: string, b: string) => levenshtein(codePoints(a), codePoints(b));
const { resources } = loadResources({ checkpointDir: values.checkpoint });
const corrector = createCorrector(
  { ...resources, params: { ...resources.params, ...JSON.parse(values.params!) } },
  { checkpoint: 'audit', backend: 'none', loadMs: 0 },
);
let items = await loadSet(values.set!, 'dev', { dataDir: defaultDataDir() });
items = sampleItems(items, Number(values.sample), 1);

interface Row { delta: number; original: string; replacement: string; confidence: number; context: string; want: string }
const rows: Row[] = [];
let before = 0;
let after = 0;
const results = await corrector.clean(items.map((i) => i.noisy));
results.forEach((res, k) => {
  const { noisy, clean } = items[k];
  const base = dist(noisy, clean);
  before += base;
  after += dist(res.text, clean);
  for (const e of res.edits) {
    const applied = noisy.slice(0, e.start) + e.replacement + noisy.slice(e.end);
    const delta = base - dist(applied, clean);
    // the reference text around the same position, for reading
    const ratio = clean.length / Math.max(1, noisy.length);
    const at = Math.round(e.start * ratio);
    rows.push({
      delta,
      original: e.original,
      replacement: e.replacement,
      confidence: e.confidence,
      context: noisy.slice(Math.max(0, e.start - 30), e.end + 30).replace(/\n/g, '⏎'),
      want: clean.slice(Math.max(0, at - 30), at + e.original.length + 30).replace(/\n/g, '⏎'),
    });
  }
});
const helped = rows.filter((r) => r.delta > 0);
const hurt = rows.filter((r) => r.delta < 0);
const sum = (rs: Row[]) => rs.reduce((s, r) => s + r.delta, 0);
console.log(`${values.set} dev, ${items.length} items: CER reduction ${(((before - after) / before) * 100).toFixed(2)}% (${before} -> ${after} char errors)`);
console.log(`edits ${rows.length}: helped ${helped.length} (+${sum(helped)} chars), hurt ${hurt.length} (${sum(hurt)} chars), neutral ${rows.length - helped.length - hurt.length}`);
// by kind of edit: a known word changed (real-word error), an unknown one, a split, a deletion
const kindOf = (r: Row) => {
  const q = r.original.toLowerCase();
  if (!r.replacement.trim()) return 'delete';
  if (/\s/.test(r.replacement) && !/\s/.test(r.original)) return 'split';
  if (/\s/.test(r.original)) return 'join';
  return resources.lexicon.has(q) ? 'known word' : 'unknown word';
};
const kinds = new Map<string, Row[]>();
for (const r of rows) kinds.set(kindOf(r), [...(kinds.get(kindOf(r)) ?? []), r]);
for (const [k, rs] of kinds) {
  console.log(`  ${k}: ${rs.length} edits, net ${sum(rs) > 0 ? '+' : ''}${sum(rs)} chars (helped ${rs.filter((r) => r.delta > 0).length}, hurt ${rs.filter((r) => r.delta < 0).length})`);
}
const show = Number(values.show);
const fmt = (r: Row) => `${r.delta > 0 ? '+' : ''}${r.delta}\t${r.confidence.toFixed(2)}\t${JSON.stringify(r.original)} -> ${JSON.stringify(r.replacement)}\t| ${r.context}\n\t\t\t\t| ${r.want}`;
console.log('\nworst:');
for (const r of hurt.sort((a, b) => a.delta - b.delta).slice(0, show)) console.log(fmt(r));
console.log('\nneutral:');
for (const r of rows.filter((r) => r.delta === 0).slice(0, Math.min(show, 15))) console.log(fmt(r));
console.log('\nbest:');
for (const r of helped.sort((a, b) => b.delta - a.delta).slice(0, Math.min(show, 15))) console.log(fmt(r));
