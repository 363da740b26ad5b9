/**
 * Throughput of the corruptors on one core: MB of clean text corrupted per second (UTF-16 length
 * counted as bytes of mostly-ASCII text; the exact UTF-8 byte count is printed too).
 * usage: tsx packages/corruptors/scripts/bench.ts [corpus.txt[.gz]] [--mb N]
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCorruptor, createRng, parseProfile, PRESETS, profileCorruptor, readLines, type Corruptor } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const mbIdx = args.indexOf('--mb');
const targetMb = mbIdx >= 0 ? Number(args[mbIdx + 1]) : 20;
const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--mb') ?? resolve(here, '../../../../shared/data/clean_text/wikipedia_en.txt.gz');

const lines: string[] = [];
let bytes = 0;
for await (const line of readLines(file)) {
  if (line === '') continue;
  lines.push(line);
  bytes += Buffer.byteLength(line) + 1;
  if (bytes >= targetMb * 1e6) break;
}
const mb = bytes / 1e6;
console.log(`corpus: ${file} — ${lines.length} paragraphs, ${mb.toFixed(1)} MB (UTF-8)`);

const profile = parseProfile(JSON.parse(readFileSync(resolve(here, '../profiles/ocr-fitted.json'), 'utf8')));
const corruptors: Corruptor[] = [
  ...Object.keys(PRESETS).map((p) => createCorruptor(p as keyof typeof PRESETS)),
  profileCorruptor(profile),
];
console.log('(median of 3 timed passes after one warm-up pass; the machine is shared, so figures vary with load)');
for (const c of corruptors) {
  const pass = (): [number, number] => {
    const rng = createRng(1);
    let edits = 0;
    const t0 = process.hrtime.bigint();
    for (const line of lines) edits += c.fn(line, rng).alignment.length;
    return [Number(process.hrtime.bigint() - t0) / 1e9, edits];
  };
  pass();
  const runs = [pass(), pass(), pass()].sort((a, b) => a[0] - b[0]);
  const [s, edits] = runs[1];
  console.log(`${c.name.padEnd(20)} ${(mb / s).toFixed(1).padStart(6)} MB/s  (${s.toFixed(2)} s per pass, ${edits} edits)`);
}
