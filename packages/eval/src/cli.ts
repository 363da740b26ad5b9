import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBaseline } from './baselines/create-baseline.js';
import { defaultDataDir } from './data-dir.js';
import { renderMarkdown, replaceSection } from './report.js';
import { runBench, type BenchResult } from './run-bench.js';
import { SPLITS, setNames, type Split } from './sets.js';
import type { BatchCorrector } from './word-by-word.js';

const USAGE = `pnpm bench [options]
  --correctors a,b     baselines to run: identity, hunspell, symspell (default: these three), and
                       overproof_system (overProof's own output; overproof set only)
  --plugin NAME=FILE   also run the corrector built by FILE's default export (or createCorrector):
                       a function returning a BatchCorrector or a promise of one (repeatable)
  --sets a,b           sets (default: all) — ${setNames().join(', ')}
  --split dev|test     (default: test)
  --sample N           at most N items per set, fixed-seed sample (default: all)
  --seed N             sampling seed (default: 1)
  --batch-size N       texts per corrector call (default: 64)
  --data DIR           data root (default: ../shared/data next to the repo)
  --out PREFIX         write PREFIX.md and PREFIX.json
  --md FILE / --json FILE   write only / elsewhere
  --section NAME       update the <!-- bench:NAME:start/end --> block of the .md file instead of overwriting it
  --title TEXT         heading of the generated block
  --force              overwrite a .md file that holds bench sections`;

function fail(msg: string): never {
  process.stderr.write(`bench: ${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

function intOpt(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got "${v}"`);
  return n;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        correctors: { type: 'string' },
        plugin: { type: 'string', multiple: true },
        sets: { type: 'string' },
        split: { type: 'string' },
        sample: { type: 'string' },
        seed: { type: 'string' },
        'batch-size': { type: 'string' },
        data: { type: 'string' },
        out: { type: 'string' },
        md: { type: 'string' },
        json: { type: 'string' },
        section: { type: 'string' },
        title: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const split = (args.split ?? 'test') as Split;
  if (!SPLITS.includes(split)) fail(`--split must be dev or test, got "${split}"`);
  const setList = (args.sets ?? setNames().join(',')).split(',').filter(Boolean);
  for (const s of setList) if (!setNames().includes(s)) fail(`unknown set "${s}"`);
  const dataDir = args.data ? resolve(args.data) : defaultDataDir();
  if (!existsSync(dataDir)) fail(`data directory not found: ${dataDir}`);
  const sample = intOpt(args.sample, 'sample', 0);
  const seed = intOpt(args.seed, 'seed', 1);
  const batchSize = Math.max(1, intOpt(args['batch-size'], 'batch-size', 64));
  const mdPath = args.md ?? (args.out ? `${args.out}.md` : undefined);
  const jsonPath = args.json ?? (args.out ? `${args.out}.json` : undefined);
  // Refuse before any work to overwrite a curated document such as docs/benchmarks.md.
  if (mdPath && !args.section && !args.force && existsSync(mdPath) && readFileSync(mdPath, 'utf8').includes('<!-- bench:')) {
    fail(`${mdPath} holds bench sections; pass --section NAME to update one (or --force to overwrite the file)`);
  }

  const correctors: Record<string, BatchCorrector> = {};
  for (const name of (args.correctors ?? 'identity,hunspell,symspell').split(',').filter(Boolean)) {
    const t0 = performance.now();
    try {
      correctors[name] = await createBaseline(name, { dataDir });
    } catch (e) {
      fail((e as Error).message);
    }
    process.stderr.write(`${name}: ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }

  for (const spec of args.plugin ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0) fail(`--plugin wants NAME=FILE, got "${spec}"`);
    const name = spec.slice(0, eq);
    const file = resolve(spec.slice(eq + 1));
    if (!existsSync(file)) fail(`plugin file not found: ${file}`);
    const t0 = performance.now();
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown; createCorrector?: unknown };
    const factory = mod.default ?? mod.createCorrector;
    if (typeof factory !== 'function') fail(`${file} exports neither a default function nor createCorrector`);
    const corrector = await (factory as () => BatchCorrector | Promise<BatchCorrector>)();
    if (typeof corrector !== 'function') fail(`${file}: the factory did not return a function (texts) => Promise<string[]>`);
    correctors[name] = corrector;
    process.stderr.write(`${name}: ready in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }

  const started = performance.now();
  let lastLine = 0;
  const result = await runBench({
    correctors,
    sets: setList,
    split,
    sample,
    seed,
    dataDir,
    batchSize,
    onProgress: (p) => {
      if (p.phase === 'loaded') process.stderr.write(`${p.set}: ${p.used} of ${p.total} items\n`);
      else if (p.phase === 'correct' && performance.now() - lastLine > 10_000) {
        lastLine = performance.now();
        process.stderr.write(`  ${p.set} / ${p.corrector}: ${p.done}/${p.total}\n`);
      } else if (p.phase === 'scored') {
        const m = p.metrics;
        const f = (x: number | null) => (x === null ? '—' : (x * 100).toFixed(2));
        process.stderr.write(
          `  ${p.set} / ${p.corrector}: CER ${f(m.cerBefore)} → ${f(m.cerAfter)} %, fix ${f(m.fixRate)} %, broken ${f(m.brokenRate)} %, exact ${f(m.exactMatch)} % (${p.seconds.toFixed(1)} s)\n`,
        );
      }
    },
  });
  const totalSeconds = (performance.now() - started) / 1000;
  for (const [name, c] of Object.entries(correctors)) {
    const stats = (c as BatchCorrector & { stats?: () => Record<string, number> }).stats?.();
    if (stats) process.stderr.write(`${name} stats: ${JSON.stringify(stats)}\n`);
  }

  const command = `pnpm bench ${process.argv.slice(2).join(' ')}`.trim();
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const meta = `Command: \`${command}\`  \nDate: ${result.date.slice(0, 10)} · split: ${split} · sample: ${sample || 'all'} per set · seed: ${seed} · machine: ${machine} · total bench time ${totalSeconds.toFixed(0)} s`;
  const body = `${args.title ? `### ${args.title}\n\n` : ''}${meta}\n\n${renderMarkdown(result)}`;
  process.stdout.write(body);

  if (mdPath) {
    mkdirSync(dirname(resolve(mdPath)), { recursive: true });
    const doc = args.section ? replaceSection(existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : '', args.section, body) : body;
    writeFileSync(mdPath, doc);
    process.stderr.write(`wrote ${mdPath}\n`);
  }
  if (jsonPath) {
    mkdirSync(dirname(resolve(jsonPath)), { recursive: true });
    const out: BenchResult & { command: string; machine: string } = { ...result, command, machine };
    writeFileSync(jsonPath, JSON.stringify(out, null, 2) + '\n');
    process.stderr.write(`wrote ${jsonPath}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
