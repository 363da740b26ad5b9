import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorrector } from '../corrector.js';
import { UsageError } from './usage-error.js';

export async function runClean(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      threshold: { type: 'string' },
      protect: { type: 'string' },
      checkpoint: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
  });
  if (positionals.length > 1) throw new UsageError('clean takes at most one FILE');
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) throw new UsageError('--threshold must be a number between 0 and 1');
  const file = positionals[0];
  const input = file && file !== '-' ? readFileSync(file, 'utf8') : readFileSync(0, 'utf8');
  const corrector = await loadCorrector({ checkpointDir: values.checkpoint });
  if (!values.quiet) {
    console.error(`unsmudge: checkpoint ${corrector.info.checkpoint}, backend ${corrector.info.backend}, loaded in ${corrector.info.loadMs} ms`);
  }
  const protectedTerms = values.protect ? values.protect.split(',').filter(Boolean) : [];
  const [result] = await corrector.clean([input], { threshold, protectedTerms });
  if (values.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
  } else {
    process.stdout.write(result.text);
  }
  if (!values.quiet) console.error(`unsmudge: ${result.edits.length} edits in ${input.length} chars`);
}
