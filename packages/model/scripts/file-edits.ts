/**
 * Cleans whole files as documents and prints every edit with its context, then the count: a check that clean text
 * (this repository's own Markdown, a user's documentation) comes through unchanged. Every edit it prints is one to
 * look at; on text known to be clean, each is a wrong one (or a real typo of the source).
 *   npx tsx packages/model/scripts/file-edits.ts README.md DEVELOPERS.md docs/*.md [--params '{}']
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorrector } from '../src/index.js';

const { values, positionals } = parseArgs({
  options: { params: { type: 'string', default: '{}' }, checkpoint: { type: 'string' } },
  allowPositionals: true,
});
if (positionals.length === 0) throw new Error('name one file or more');
const corrector = await loadCorrector({ checkpointDir: values.checkpoint, params: JSON.parse(values.params!) });
let edits = 0;
let chars = 0;
for (const file of positionals) {
  const text = readFileSync(file, 'utf8');
  chars += text.length;
  const [r] = await corrector.clean([text]);
  for (const e of r.edits) {
    const around = JSON.stringify(text.slice(Math.max(0, e.start - 30), e.end + 20));
    console.log(`${file}\t${JSON.stringify(e.original)} → ${JSON.stringify(e.replacement)}\t${e.confidence.toFixed(2)}\t${around}`);
  }
  edits += r.edits.length;
}
console.log(`${edits} edits in ${positionals.length} files (${chars} characters)`);
corrector.dispose?.();
