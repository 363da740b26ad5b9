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
 */
import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { defaultDataDir } from '@unsmudge/eval';
import { inHalfB } from './reference-words.js';

const { values } = parseArgs({ options: { out: { type: 'string' }, data: { type: 'string' } } });
if (!values.out) throw new Error('--out DIR is required');
const out = resolve(values.out);
const data = resolve(values.data ?? defaultDataDir());
const SETS: Record<string, string> = { overproof: 'ocr/overproof/dev.jsonl.gz', bln600: 'ocr/bln600/dev.jsonl.gz', icdar_en: 'ocr/icdar_en/segments/dev.jsonl.gz' };


mkdirSync(join(out, 'fit'), { recursive: true });
for (const [name, path] of Object.entries(SETS)) {
  const lines = gunzipSync(readFileSync(join(data, path))).toString('utf8').split('\n').filter(Boolean);
  const a: string[] = [];
  const b: string[] = [];
  for (const line of lines) {
    const row = JSON.parse(line) as { doc?: string; id: string };
    (inHalfB(String(row.doc ?? row.id)) ? b : a).push(line + '\n');
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
