/**
 * Whole documents against their lines: the OCR benches give the corrector one printed line (overproof) or one
 * sentence (bln600) at a time, but a user cleans a whole article. This groups a split's rows by document, corrects
 * each row alone and each document as one text (rows joined by line breaks), and prints the CER reduction of both.
 *   npx tsx packages/model/scripts/doc-mode.ts --set overproof [--split dev] [--params '{"oldTextWindow":null}']
 *   add --no-joins to score both with words hyphenated across lines left apart, as the overproof references keep them
 *   (a document's line ends are inside the text, so the corrector joins `af-` + `ternoon` there; a lone line it can't)
 *   icdar_en's segments were cut at spaces, so its documents are joined by spaces; part of a set is read by row id as
 *   in the bench: --set 'icdar_en/!eng_monograph/81#' (dev without its long book)
 */
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultDataDir, levenshtein, codePoints, parseSelection } from '@unsmudge/eval';
import { loadCorrector } from '../src/index.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'overproof' },
    split: { type: 'string', default: 'dev' },
    params: { type: 'string', default: '{}' },
    'no-joins': { type: 'boolean', default: false },
    checkpoint: { type: 'string' },
  },
});
const FILES: Record<string, string> = { overproof: 'ocr/overproof', bln600: 'ocr/bln600', icdar_en: 'ocr/icdar_en/segments' };
const { spec, keep } = parseSelection(values.set!);
const dir = FILES[spec.name];
if (!dir) throw new Error(`--set must be one of ${Object.keys(FILES).join(', ')}`);
const joiner = spec.name === 'icdar_en' ? ' ' : '\n';

interface Row { id: string; doc: string; noisy: string; clean: string }
const rows = gunzipSync(readFileSync(join(defaultDataDir(), dir, `${values.split}.jsonl.gz`)))
  .toString('utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Row)
  .filter((r) => keep({ id: r.id, noisy: r.noisy, clean: r.clean, count: 1 }));
const params = { ...JSON.parse(values.params!), ...(values['no-joins'] ? { hyphenJoinCost: 1000 } : {}) };
const corrector = await loadCorrector({ checkpointDir: values.checkpoint, params });
const docs = new Map<string, Row[]>();
for (const r of rows) docs.set(r.doc, [...(docs.get(r.doc) ?? []), r]);

const dist = (a: string, b: string) => levenshtein(codePoints(a), codePoints(b));
const lineOut = await corrector.clean(rows.map((r) => r.noisy));
const byRow = new Map(rows.map((r, k) => [r, lineOut[k].text]));
let before = 0;
let lines = 0;
let whole = 0;
for (const doc of docs.values()) {
  const clean = doc.map((r) => r.clean).join(joiner);
  const noisy = doc.map((r) => r.noisy).join(joiner);
  const [out] = await corrector.clean([noisy]);
  before += dist(noisy, clean);
  lines += dist(doc.map((r) => byRow.get(r)!).join(joiner), clean);
  whole += dist(out.text, clean);
}
const red = (after: number) => `${(((before - after) / before) * 100).toFixed(2)} %`;
console.log(`${values.set} ${values.split}: ${docs.size} documents, ${rows.length} rows, ${before} character errors before`);
console.log(`  row by row:         ${lines} after, CER reduction ${red(lines)}`);
console.log(`  document by document: ${whole} after, CER reduction ${red(whole)}`);
corrector.dispose?.();
