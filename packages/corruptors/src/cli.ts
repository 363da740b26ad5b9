#!/usr/bin/env tsx
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCorruptor } from './create-corruptor.js';
import { formatComparison, noiseStats } from './noise-stats.js';
import { fitProfile, parseProfile, serializeProfile, type Pair } from './profile.js';
import { profileCorruptor } from './profile-corruptor.js';
import { isPresetName, PRESETS } from './presets.js';
import { readLines, readPairs } from './read-files.js';
import { createRng } from './rng.js';
import type { Corruptor } from './types.js';

const PKG = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DATA = resolve(PKG, '../../../shared/data');
const DEV_SETS = ['ocr/overproof/dev.jsonl.gz', 'ocr/bln600/dev.jsonl.gz', 'ocr/icdar_en/segments/dev.jsonl.gz'];
const DEFAULT_PROFILE = resolve(PKG, 'profiles/ocr-fitted.json');

const USAGE = `usage: pnpm corrupt <command> [options]
  generate --in corpus.txt[.gz] (--preset NAME | --profile p.json [--scale S]) [--seed N] [--count N] [--out f.jsonl] [--alignment]
  fit      [--out profiles/ocr-fitted.json] [--data-dir DIR] [pairs-dev.jsonl(.gz) …]   (dev splits only)
  compare  [--profile p.json] [--seed N] [--data-dir DIR] [pairs-dev.jsonl(.gz) …]
presets: ${Object.keys(PRESETS).join(', ')}`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { cmd: string; flags: Map<string, string>; files: string[] } {
  const [cmd = '', ...rest] = argv;
  const flags = new Map<string, string>();
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags.set(k, v);
      else if (k === 'alignment' || k === 'help') flags.set(k, 'true');
      else {
        if (i + 1 >= rest.length) throw new UsageError(`--${k} needs a value`);
        flags.set(k, rest[++i]);
      }
    } else files.push(a);
  }
  return { cmd, flags, files };
}

function num(flags: Map<string, string>, k: string, dflt: number): number {
  const v = flags.get(k);
  if (v === undefined) return dflt;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new UsageError(`--${k} must be a number, got "${v}"`);
  return x;
}

function loadProfile(path: string) {
  return parseProfile(JSON.parse(readFileSync(path, 'utf8')));
}

function pickCorruptor(flags: Map<string, string>): Corruptor {
  const profile = flags.get('profile');
  if (profile) return profileCorruptor(loadProfile(profile), num(flags, 'scale', 1), basename(profile));
  const preset = flags.get('preset') ?? 'mixed';
  if (!isPresetName(preset)) throw new UsageError(`unknown preset "${preset}"; expected ${Object.keys(PRESETS).join(', ')}`);
  return createCorruptor(preset, { scale: num(flags, 'scale', 1) });
}

function devFiles(flags: Map<string, string>, files: string[]): string[] {
  const dataDir = flags.get('data-dir') ?? DEFAULT_DATA;
  const list = files.length > 0 ? files : DEV_SETS.map((f) => resolve(dataDir, f));
  for (const f of list) {
    if (/(^|[/_.-])(test|holdout)([/_.-]|$)/i.test(f)) throw new UsageError(`refusing ${f}: fit and compare use dev splits only`);
  }
  return list;
}

async function loadAll(files: string[]): Promise<Pair[]> {
  const all: Pair[] = [];
  for (const f of files) all.push(...(await readPairs(f)));
  return all;
}

async function generate(flags: Map<string, string>): Promise<void> {
  const input = flags.get('in');
  if (!input) throw new UsageError('generate needs --in corpus.txt[.gz]');
  const corruptor = pickCorruptor(flags);
  const rng = createRng(num(flags, 'seed', 1));
  const count = num(flags, 'count', Infinity);
  const withAlignment = flags.get('alignment') === 'true';
  const outPath = flags.get('out');
  const out: NodeJS.WritableStream = outPath ? createWriteStream(outPath) : process.stdout;
  let written = 0;
  for await (const line of readLines(input)) {
    if (written >= count) break;
    if (line.trim() === '') continue;
    const r = corruptor.fn(line, rng);
    const row = withAlignment ? { noisy: r.noisy, clean: r.clean, alignment: r.alignment } : { noisy: r.noisy, clean: r.clean };
    if (!out.write(JSON.stringify(row) + '\n')) await new Promise<void>((res) => out.once('drain', () => res()));
    written++;
  }
  if (outPath) {
    await new Promise<void>((res) => out.end(() => res()));
    process.stderr.write(`wrote ${written} pairs (${corruptor.name}) to ${outPath}\n`);
  }
}

async function fit(flags: Map<string, string>, files: string[]): Promise<void> {
  const list = devFiles(flags, files);
  const pairs = await loadAll(list);
  const profile = fitProfile(pairs, { sources: list.map((f) => f.replace(/^.*\/shared\/data\//, '')) });
  const outPath = flags.get('out') ?? DEFAULT_PROFILE;
  writeFileSync(outPath, serializeProfile(profile));
  process.stderr.write(
    `fitted on ${profile.pairs} pairs (${profile.skipped} skipped), ${profile.cleanChars} clean chars, CER ${(100 * profile.cer).toFixed(2)} %; ` +
      `${Object.keys(profile.sub).length} substitution keys, ${Object.keys(profile.ctx ?? {}).length} left contexts, ${Object.keys(profile.ins).length} insertion contexts → ${outPath}\n`,
  );
}

async function compare(flags: Map<string, string>, files: string[]): Promise<void> {
  const list = devFiles(flags, files);
  const pairs = await loadAll(list);
  const seed = num(flags, 'seed', 1);
  const real = noiseStats(pairs);
  const corruptors: Corruptor[] = Object.keys(PRESETS).map((p) => createCorruptor(p as keyof typeof PRESETS));
  const profilePath = flags.get('profile') ?? DEFAULT_PROFILE;
  corruptors.push(profileCorruptor(loadProfile(profilePath), num(flags, 'scale', 1), `fitted (${basename(profilePath)})`));
  const rows = corruptors.map((c) => {
    const rng = createRng(seed);
    const synth = pairs.map((p) => ({ noisy: c.fn(p.clean, rng).noisy, clean: p.clean }));
    return { name: c.name, stats: noiseStats(synth) };
  });
  process.stdout.write(`Pairs: ${list.map((f) => f.replace(/^.*\/shared\/data\//, '')).join(', ')} — ${real.pairs} used, ${real.skipped} skipped (CER > 50 %), ${real.cleanChars} clean chars. Synthetic rows corrupt the same clean sides (seed ${seed}). Rates are edits per 1000 clean chars.\n\n`);
  process.stdout.write(formatComparison(real, rows) + '\n');
}

async function main(): Promise<void> {
  const { cmd, flags, files } = parseArgs(process.argv.slice(2));
  if (cmd === 'generate') await generate(flags);
  else if (cmd === 'fit') await fit(flags, files);
  else if (cmd === 'compare') await compare(flags, files);
  else throw new UsageError(cmd ? `unknown command "${cmd}"` : 'no command given');
}

main().catch((e: unknown) => {
  if (e instanceof UsageError) process.stderr.write(`${e.message}\n${USAGE}\n`);
  else process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
