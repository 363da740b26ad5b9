#!/usr/bin/env node
/**
 * The `unsmudge` command line:
 *   unsmudge clean [FILE] [--json] [--threshold N] [--protect a,b] [--checkpoint DIR]
 *   unsmudge build-lexicon [--corpus DIR] [--general FILE] [--out DIR] [--trigrams] [--weight FILE=N]
 *   unsmudge fit-channel --profile FILE [--out DIR] [--min-count N]
 *   unsmudge train ...        (see `unsmudge train --help`)
 */
import { runClean } from './clean-command.js';
import { runBuildLexicon } from './build-lexicon-command.js';
import { runFitChannel } from './fit-channel-command.js';
import { UsageError } from './usage-error.js';

const USAGE = `usage: unsmudge <command> [options]
commands:
  clean [FILE]      clean FILE (or stdin) to stdout, one output line per input line
                    --json  print {text, edits} instead   --threshold 0..1   --protect term,term
                    --checkpoint DIR (default: the shipped checkpoint)
  build-lexicon     count words and word pairs (--trigrams: and triples) of a corpus into a checkpoint folder
                    --corpus DIR (default ../shared/data/clean_text)  --out DIR
                    --weight FILE=N  the words of that corpus file count N times (shipped: gutenberg_books_en.txt.gz=2)
  fit-channel       keep a noise profile's OCR confusion counts (pnpm corrupt fit, dev pairs) in a checkpoint folder
                    --profile FILE  --out DIR  --min-count N (default 2)
  train             train the neural candidate scorer (see unsmudge train --help)`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  clean: runClean,
  'build-lexicon': runBuildLexicon,
  'fit-channel': runFitChannel,
  train: async (args) => (await import('./train-command.js')).runTrain(args),
};

async function main(): Promise<void> {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd || cmd === '--help' || cmd === '-h') {
    console.log(USAGE);
    return;
  }
  const run = commands[cmd];
  if (!run) throw new UsageError(`unknown command "${cmd}"\n${USAGE}`);
  await run(args);
}

main().catch((e: unknown) => {
  const err = e as Error & { code?: string; path?: string };
  // an option the command does not know, or one without its value, is a usage error too
  const usage = err instanceof UsageError || err.code?.startsWith('ERR_PARSE_ARGS_') === true;
  // a file that cannot be read is named, without a stack trace
  const unreadable = typeof err.path === 'string' && (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR');
  const message = usage ? err.message : unreadable ? `cannot read ${err.path} (${err.code})` : (err.stack ?? err.message);
  console.error(`unsmudge: ${message}`);
  process.exitCode = usage ? 2 : 1;
});
