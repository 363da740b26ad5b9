/**
 * Splits the dev pairs of the OCR sets into two halves by document, so that channel costs can be fitted on one half
 * and measured on the other (the check behind the fitted channel of the seventh round, `docs/model.md`):
 *   npx tsx packages/model/scripts/dev-halves.ts --out /tmp/halves
 *   pnpm corrupt fit --out /tmp/halves/profile-a.json /tmp/halves/fit/*.jsonl.gz
 *   pnpm -s unsmudge fit-channel --profile /tmp/halves/profile-a.json --out /tmp/halves/channel-a
 *   npx tsx packages/model/scripts/tune.ts --data /tmp/halves/data --channel /tmp/halves/channel-a/channel.json \
 *     --sample 1500 --sets bln600,overproof,icdar_en,acl_arc,jfleg_spell,clean_text --grid '{"fittedChannel":[null, …]}'
 * A document goes to half A (fit) when the last hex digit of SHA-1("half:" + its key) is even, else to half B (measure).
 * Half B is written into a data folder that links everything else to the real one, so the bench reads it in place.
 * Research only (the shipped model never trains on these sets): `corpus/` holds clean_text's files (linked) and half A's
 * reference text (`dev_half_a.txt.gz`, a document's rows one per line, a blank line between documents; not icdar_en's
 * long book), to measure on half B what in-domain text does for the word pairs:
 *   cp -r packages/model/checkpoints/shipped /tmp/ck-a && pnpm -s unsmudge build-lexicon --corpus /tmp/halves/corpus \
 *     --out /tmp/ck-a --weight gutenberg_books_en.txt.gz=2 --weight dev_half_a.txt.gz=20
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { defaultDataDir } from '@unsmudge/eval';
import { DEV_PAIR_FILES as SETS, inHalfB } from './reference-words.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, data: { type: 'string' } } });
if (!values.out) throw new Error('--out DIR is required');
const out = resolve(values.out);
const data = resolve(values.data ?? defaultDataDir());
/** icdar_en's long book, left out of its dev measurements (`icdar_en/!eng_monograph/81#`). */
const LONG_BOOK = 'eng_monograph/81';


mkdirSync(join(out, 'fit'), { recursive: true });
/** Half A's reference text by document, in the order of the files. */
const referenceDocs = new Map<string, string[]>();
for (const [name, path] of Object.entries(SETS)) {
  const lines = gunzipSync(readFileSync(join(data, path))).toString('utf8').split('\n').filter(Boolean);
  const a: string[] = [];
  const b: string[] = [];
  for (const line of lines) {
    const row = JSON.parse(line) as { doc?: string; id: string; clean: string };
    const key = String(row.doc ?? row.id);
    if (inHalfB(key)) {
      b.push(line + '\n');
      continue;
    }
    a.push(line + '\n');
    if (key.startsWith(LONG_BOOK)) continue;
    const doc = `${name}\u0000${key}`;
    referenceDocs.set(doc, [...(referenceDocs.get(doc) ?? []), row.clean.replace(/\n/g, ' ')]);
  }
  writeFileSync(join(out, 'fit', `${name}-dev.jsonl.gz`), gzipSync(a.join('')));
  mkdirSync(dirname(join(out, 'data', path)), { recursive: true });
  writeFileSync(join(out, 'data', path), gzipSync(b.join('')));
  console.log(`${name}: ${a.length} rows to fit on, ${b.length} to measure on`);
}
// everything else of the data folder, linked in place (never copied)
const linkRest = (rel: string) => {
  for (const entry of readdirSync(join(data, rel), { withFileTypes: true })) {
    const r = join(rel, entry.name);
    const target = join(out, 'data', r);
    if (Object.values(SETS).some((p) => p === r)) continue;
    if (Object.values(SETS).some((p) => p.startsWith(r + '/'))) {
      mkdirSync(target, { recursive: true });
      linkRest(r);
    } else if (!existsSync(target)) symlinkSync(join(data, r), target);
  }
};
linkRest('.');

// clean_text's files, linked, and half A's reference text beside them
mkdirSync(join(out, 'corpus'), { recursive: true });
for (const f of readdirSync(join(data, 'clean_text')).filter((f) => f.endsWith('.txt.gz'))) {
  if (!existsSync(join(out, 'corpus', f))) symlinkSync(join(data, 'clean_text', f), join(out, 'corpus', f));
}
writeFileSync(join(out, 'corpus', 'dev_half_a.txt.gz'), gzipSync([...referenceDocs.values()].map((rows) => rows.join('\n')).join('\n\n') + '\n'));
console.log(`corpus: clean_text and half A's references (${[...referenceDocs.values()].reduce((n, rows) => n + rows.join(' ').split(/\s+/).filter(Boolean).length, 0)} words, ${referenceDocs.size} documents)`);
