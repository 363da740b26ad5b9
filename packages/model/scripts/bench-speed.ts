/**
 * Speed and memory of unsmudge beside the Hunspell (nspell) and SymSpell baselines.
 *
 *   npx tsx packages/model/scripts/bench-speed.ts [--out docs/speed.md] [--checkpoint DIR] [--kb 200]
 *       [--batch 64] [--latency-runs 50] [--warmup 5] [--budget 60] [--correctors unsmudge,unsmudge-threads,symspell,hunspell]
 *       [--threads 2] [--rounds 1]
 *       [--data ../shared/data]
 *
 * Text: ~`--kb` KB of the `noisy` side of the test splits of bln600, overproof, icdar_en (segments) and
 * acl_arc (an equal share of each, fixed-seed sample, interleaved so every batch mixes the sets), plus a
 * separate pool of ~1 KB texts for latency and a separate warm-up batch.
 *
 * Every corrector runs in its own child process, one after the other (so each RSS figure is that
 * corrector's alone and no two runs compete for the 2 cores). A child:
 *   1. loads the corrector (wall ms; unsmudge also reports its own `info.loadMs`), records maxRSS;
 *   2. cleans one warm-up batch, then the throughput text in batches of `--batch` texts, stopping early
 *      once `--budget` seconds have passed (the chars actually cleaned are reported);
 *   3. cleans `--warmup` 1 KB texts, then up to `--latency-runs` other 1 KB texts one call each
 *      (at least 10, then stopping once `--budget` seconds have passed): median and p95 latency;
 *   4. reports peak RSS (`process.resourceUsage().maxRSS`) of the whole process.
 * `unsmudge-threads` is the same model in a pool of `--threads` worker threads (`createCorrectorPool`): each batch is cut
 * into one share per thread, corrected side by side (the machine's cores all work on it; its RSS counts every thread).
 * A `none` child (modules imported, no corrector loaded) gives the floor RSS of node + tsx + our modules.
 * Figures are wall-clock on whatever else the machine is doing: the load average is printed with them. With
 * `--rounds N` every corrector runs N times, in turn, and its row is its round of median throughput (all rounds' figures
 * are printed too): on a shared machine one run's throughput can move by a fifth.
 */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkpointFingerprint, codeVersion } from './run-facts.js';
import { parseArgs } from 'node:util';
import { createBaseline, defaultDataDir, loadSet, mulberry32 } from '@unsmudge/eval';
import { createCorrectorPool, loadCorrector, SHIPPED_CHECKPOINT } from '../src/index.js';

const SETS = ['bln600', 'overproof', 'icdar_en', 'acl_arc'] as const;
const KNOWN = ['unsmudge', 'unsmudge-threads', 'symspell', 'hunspell', 'identity', 'none'] as const;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    checkpoint: { type: 'string' },
    data: { type: 'string' },
    kb: { type: 'string', default: '200' },
    batch: { type: 'string', default: '64' },
    'latency-runs': { type: 'string', default: '50' },
    'latency-chars': { type: 'string', default: '1024' },
    warmup: { type: 'string', default: '5' },
    budget: { type: 'string', default: '60' },
    rounds: { type: 'string', default: '1' },
    correctors: { type: 'string', default: 'unsmudge,unsmudge-threads,symspell,hunspell' },
    threads: { type: 'string', default: '2' },
    child: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

const num = (name: keyof typeof values, min: number): number => {
  const v = Number(values[name]);
  if (!Number.isFinite(v) || v < min) {
    console.error(`--${name} must be a number ≥ ${min}, got "${String(values[name])}"`);
    process.exit(2);
  }
  return v;
};
const opts = {
  kb: num('kb', 1),
  batch: Math.floor(num('batch', 1)),
  latencyRuns: Math.floor(num('latency-runs', 1)),
  latencyChars: Math.floor(num('latency-chars', 16)),
  warmup: Math.floor(num('warmup', 0)),
  budgetMs: num('budget', 1) * 1000,
  rounds: Math.floor(num('rounds', 1)),
  threads: Math.floor(num('threads', 1)),
  checkpoint: values.checkpoint ? resolve(values.checkpoint) : SHIPPED_CHECKPOINT,
  dataDir: values.data ? resolve(values.data) : defaultDataDir(),
};

/** What the parent sends a child: the texts to clean. */
interface Workload {
  warmupBatch: string[];
  throughput: string[];
  latency: string[];
}

/** What a child sends back. */
interface ChildResult {
  name: string;
  loadMs: number;
  infoLoadMs?: number;
  backend?: string;
  checkpoint?: string;
  rssAfterLoadMB: number;
  throughputChars: number;
  throughputTexts: number;
  throughputMs: number;
  throughputComplete: boolean;
  latencyRuns: number;
  latencyChars: number;
  latencyMedianMs: number;
  latencyP95Ms: number;
  peakRssMB: number;
}

type Clean = (texts: string[]) => Promise<string[]>;

const rssMB = () => process.resourceUsage().maxRSS / 1024;

function charsPerSecond(r: ChildResult): number {
  return r.throughputChars / (r.throughputMs / 1000);
}

/** The result of median throughput among a corrector's rounds (the lower middle one of an even count). */
function medianRound(rounds: ChildResult[]): ChildResult {
  const sorted = [...rounds].sort((a, b) => charsPerSecond(a) - charsPerSecond(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

async function runChild(name: string, work: Workload): Promise<ChildResult> {
  const t0 = performance.now();
  let clean: Clean;
  let extra: Pick<ChildResult, 'infoLoadMs' | 'backend' | 'checkpoint'> = {};
  if (name === 'unsmudge' || name === 'unsmudge-threads') {
    const corrector =
      name === 'unsmudge'
        ? await loadCorrector({ checkpointDir: opts.checkpoint })
        : await createCorrectorPool({ threads: opts.threads, load: { checkpointDir: opts.checkpoint } });
    extra = { infoLoadMs: corrector.info.loadMs, backend: corrector.info.backend, checkpoint: corrector.info.checkpoint };
    clean = async (texts) => (await corrector.clean(texts)).map((r) => r.text);
  } else if (name === 'none') {
    clean = async (texts) => texts.slice();
  } else {
    clean = await createBaseline(name);
  }
  const loadMs = performance.now() - t0;
  const rssAfterLoadMB = rssMB();

  // throughput
  await clean(work.warmupBatch);
  let chars = 0;
  let texts = 0;
  let complete = true;
  const t1 = performance.now();
  for (let i = 0; i < work.throughput.length; i += opts.batch) {
    if (performance.now() - t1 > opts.budgetMs) {
      complete = false;
      break;
    }
    const batch = work.throughput.slice(i, i + opts.batch);
    const out = await clean(batch);
    if (out.length !== batch.length) throw new Error(`${name} returned ${out.length} texts for ${batch.length}`);
    for (const t of batch) chars += t.length;
    texts += batch.length;
  }
  const throughputMs = performance.now() - t1;

  // latency: warm-up texts first, then each measured text is cleaned once (no cache hits on repeats)
  for (const t of work.latency.slice(0, opts.warmup)) await clean([t]);
  const measured = work.latency.slice(opts.warmup, opts.warmup + opts.latencyRuns);
  const times: number[] = [];
  let latencyChars = 0;
  const t2 = performance.now();
  for (const t of measured) {
    if (times.length >= 10 && performance.now() - t2 > opts.budgetMs) break;
    const s = performance.now();
    await clean([t]);
    times.push(performance.now() - s);
    latencyChars += t.length;
  }
  times.sort((a, b) => a - b);
  return {
    name,
    loadMs,
    ...extra,
    rssAfterLoadMB,
    throughputChars: chars,
    throughputTexts: texts,
    throughputMs,
    throughputComplete: complete,
    latencyRuns: times.length,
    latencyChars: times.length ? latencyChars / times.length : 0,
    latencyMedianMs: quantile(times, 0.5),
    latencyP95Ms: quantile(times, 0.95),
    peakRssMB: rssMB(),
  };
}

// ---------------------------------------------------------------- parent mode
async function buildWorkload(): Promise<Workload & { perSet: Record<string, number> }> {
  const latencyPerSet = Math.ceil((opts.warmup + opts.latencyRuns) / SETS.length);
  const warmPerSet = Math.ceil(opts.batch / SETS.length);
  const rests: string[][] = [];
  const latencyStreams: string[][] = [];
  const warm: string[] = [];
  // 1. per set (fixed-seed shuffle of the whole test split): warm-up texts, then ~1 KB latency texts
  //    (consecutive lines joined with newlines, cut at a space), the rest is the throughput pool
  for (const set of SETS) {
    const items = await loadSet(set, 'test', { dataDir: opts.dataDir });
    const lines = items.map((i) => i.noisy).filter((t) => t.trim() !== '');
    const shuffled = shuffle(lines.length, 17).map((i) => lines[i]);
    let k = 0;
    for (let j = 0; j < warmPerSet && k < shuffled.length; j++) warm.push(shuffled[k++]);
    const lat: string[] = [];
    while (lat.length < latencyPerSet && k < shuffled.length) {
      let t = '';
      while (t.length < opts.latencyChars && k < shuffled.length) t += (t ? '\n' : '') + shuffled[k++];
      if (t.length > opts.latencyChars) {
        const cut = t.lastIndexOf(' ', opts.latencyChars);
        t = t.slice(0, cut > opts.latencyChars / 2 ? cut : opts.latencyChars);
      }
      lat.push(t);
    }
    latencyStreams.push(lat);
    rests.push(shuffled.slice(k));
  }
  // 2. throughput: an equal share of each set; a set that runs out leaves its share to the others
  const streams: string[][] = SETS.map(() => []);
  const chars = SETS.map(() => 0);
  const pos = SETS.map(() => 0);
  let total = 0;
  const goal = opts.kb * 1024;
  for (let share = goal / SETS.length; total < goal; ) {
    let took = false;
    for (let s = 0; s < SETS.length && total < goal; s++) {
      while (chars[s] < share && pos[s] < rests[s].length && total < goal) {
        const t = rests[s][pos[s]++];
        streams[s].push(t);
        chars[s] += t.length;
        total += t.length;
        took = true;
      }
    }
    if (!took) break;
    share += goal / SETS.length / 4;
  }
  const perSet = Object.fromEntries(SETS.map((set, s) => [set, chars[s]]));
  return { warmupBatch: warm, throughput: interleave(streams), latency: interleave(latencyStreams), perSet };
}

function shuffle(n: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const idx = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

function interleave(streams: string[][]): string[] {
  const out: string[] = [];
  const max = Math.max(0, ...streams.map((s) => s.length));
  for (let i = 0; i < max; i++) for (const s of streams) if (i < s.length) out.push(s[i]);
  return out;
}

function spawnChild(name: string, work: Workload): Promise<ChildResult> {
  const args = ['--child', name, '--checkpoint', opts.checkpoint, '--data', opts.dataDir, '--batch', String(opts.batch),
    '--latency-runs', String(opts.latencyRuns), '--warmup', String(opts.warmup), '--budget', String(opts.budgetMs / 1000)];
  return new Promise((resolvePromise, reject) => {
    const child = fork(fileURLToPath(import.meta.url), args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.on('message', (m: { ready?: boolean; ok?: boolean; result?: ChildResult; error?: string }) => {
      if (m.ready) child.send(work);
      else if (m.ok && m.result) {
        settled = true;
        resolvePromise(m.result);
      } else if (m.ok === false) {
        settled = true;
        reject(new Error(`${name} failed in its child process:\n${m.error}`));
      }
    });
    child.on('error', (e) => {
      if (!settled) reject(e);
    });
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`${name}: child process exited (code ${code}, signal ${signal}) without a result`));
    });
  });
}



const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');

async function main(): Promise<void> {
  const names = values.correctors!.split(',').map((s) => s.trim()).filter(Boolean);
  for (const n of names) {
    if (!(KNOWN as readonly string[]).includes(n)) {
      console.error(`unknown corrector "${n}"; expected some of ${KNOWN.join(', ')}`);
      process.exit(2);
    }
  }
  if (!existsSync(opts.checkpoint)) {
    console.error(`checkpoint folder not found: ${opts.checkpoint}`);
    process.exit(2);
  }
  const started = new Date();
  const code = codeVersion(); // at the start: other people may commit during the run
  const loadBefore = loadavg();
  console.error(`building the workload from ${opts.dataDir} …`);
  const work = await buildWorkload();
  const totalChars = work.throughput.reduce((a, t) => a + t.length, 0);
  console.error(
    `${work.throughput.length} texts, ${f0(totalChars)} chars (${Object.entries(work.perSet).map(([s, c]) => `${s} ${f0(c)}`).join(', ')}); ` +
      `${work.latency.length} latency texts of ~${opts.latencyChars} chars`,
  );
  // with several rounds every corrector runs once per round, in turn, so a slow spell of the machine hits them alike;
  // each corrector's row is its round of median throughput
  const order = ['none', ...names.filter((n) => n !== 'none')];
  const byName = new Map<string, ChildResult[]>(order.map((n) => [n, []]));
  for (let round = 1; round <= opts.rounds; round++) {
    for (const name of order) {
      console.error(`running ${name} in a child process${opts.rounds > 1 ? ` (round ${round} of ${opts.rounds})` : ''} …`);
      const r = await spawnChild(name, work);
      byName.get(name)!.push(r);
      console.error(
        `  ${name}: load ${f0(r.loadMs)} ms, ${f0(charsPerSecond(r))} chars/s, ` +
          `latency median ${f1(r.latencyMedianMs)} ms, peak RSS ${f0(r.peakRssMB)} MB`,
      );
    }
  }
  const results = order.map((n) => medianRound(byName.get(n)!));
  const roundsLine =
    opts.rounds > 1
      ? `\n- **Rounds**: ${opts.rounds}; each row is the corrector's round of median throughput. Throughput in each round (chars/s): ${order
          .filter((n) => n !== 'none')
          .map((n) => `${n} ${byName.get(n)!.map((r) => f0(charsPerSecond(r))).join(' / ')}`)
          .join('; ')}.`
      : '';
  const loadAfter = loadavg();
  const unsmudge = results.find((r) => r.name === 'unsmudge');
  const fp = checkpointFingerprint(opts.checkpoint);
  const relCkpt = relative(REPO_ROOT, opts.checkpoint) || opts.checkpoint;
  const cmd = `npx tsx packages/model/scripts/bench-speed.ts ${process.argv.slice(2).join(' ')}`.trim();

  const rows = results.map((r) => {
    const label =
      r.name === 'none'
        ? 'none (process floor: node + tsx + modules, no corrector)'
        : r.name === 'hunspell'
          ? 'hunspell (nspell)'
          : r.name === 'unsmudge-threads'
            ? `unsmudge, ${opts.threads} threads`
            : r.name;
    const thr = r.name === 'none' ? '—' : `${f0(r.throughputChars / (r.throughputMs / 1000))}${r.throughputComplete ? '' : ` (${f0(r.throughputChars / 1024)} KB in budget)`}`;
    const load = r.name === 'none' ? '—' : `${f0(r.loadMs)}${r.infoLoadMs !== undefined ? ` (info.loadMs ${f0(r.infoLoadMs)})` : ''}`;
    const lat = r.name === 'none' ? '— | —' : `${f1(r.latencyMedianMs)} | ${f1(r.latencyP95Ms)}${r.latencyRuns < opts.latencyRuns ? ` (${r.latencyRuns} runs)` : ''}`;
    return `| ${label} | ${load} | ${thr} | ${lat} | ${f0(r.rssAfterLoadMB)} | ${f0(r.peakRssMB)} |`;
  });
  const table = [
    '| corrector | load ms | throughput chars/s | latency 1 KB median ms | p95 ms | RSS after load MB | peak RSS MB |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');

  const md = `# Speed and memory

Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with

\`\`\`sh
${cmd}
\`\`\`

- Checkpoint: **${unsmudge?.checkpoint ?? '(unsmudge not run)'}** (\`${relCkpt}\`, content hash \`${fp}\`), TensorFlow.js backend: **${unsmudge?.backend ?? '—'}**${unsmudge?.backend === 'none' ? ' (no neural scorer in use, so no TensorFlow.js backend is initialised)' : ''}; ${code} at the start of the run.
- Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${f0(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Load average ${loadBefore.map((x) => x.toFixed(1)).join(' / ')} before, ${loadAfter.map((x) => x.toFixed(1)).join(' / ')} after (above 2 means other work shared the cores and times are pessimistic).
- Text: the \`noisy\` side of the **test** splits of bln600, overproof, icdar_en (segments) and acl_arc, fixed-seed sample, interleaved so every batch mixes them; an equal share of each as far as the split holds enough text once the warm-up and latency texts are set aside (a shortfall is taken from the others): ${work.throughput.length} texts, ${f0(totalChars)} chars (${Object.entries(work.perSet).map(([s, c]) => `${s} ${f0(c)}`).join(', ')}).
- Each corrector runs alone in its own child process, one after another. **load ms**: wall time to build the corrector (unsmudge: \`loadCorrector()\`, with its own \`info.loadMs\`; unsmudge with threads: \`createCorrectorPool({ threads: ${opts.threads} })\`, every thread loading its own copy of the model, each batch cut into one share per thread; baselines: \`createBaseline(name)\`, dictionary included). **throughput**: after one warm-up batch, \`clean\` on batches of ${opts.batch} texts${results.some((r) => !r.throughputComplete) ? `; a corrector still running after ${opts.budgetMs / 1000} s stops there and the chars it did clean are counted` : ''}. **latency**: one call per text of ~${opts.latencyChars} chars (newline-joined lines of the same sets, each text different so word caches only help as they would in use), ${opts.warmup} warm-up calls, then median and p95 of up to ${opts.latencyRuns} calls${results.some((r) => r.name !== 'none' && r.latencyRuns < opts.latencyRuns) ? ` (the number of calls is given when fewer: the ${opts.budgetMs / 1000} s budget ran out, at least 10 calls are always made)` : ''}. **RSS**: \`process.resourceUsage().maxRSS\` of that child after loading, and at the end (peak, including the run); the \`none\` row is the floor every child pays (node, tsx, our modules, the workload).
- Timings on a shared machine move with the load of the other jobs and can differ a lot between runs: compare rows of one run, not figures of different runs.${roundsLine}
- Baselines are word by word: nspell (Hunspell, dictionary-en) first suggestion, SymSpell (frequency dictionary, max edit distance 2); both memoise words, so their speed depends on vocabulary repetition.

${table}
`;
  console.log(md);
  if (values.out) {
    mkdirSync(dirname(resolve(values.out)), { recursive: true });
    writeFileSync(values.out, md);
    console.error(`wrote ${values.out}`);
  }
}

// ---------------------------------------------------------------- entry point (child or parent)
if (values.child !== undefined) {
  const name = values.child;
  process.once('message', (work: Workload) => {
    runChild(name, work).then(
      (r) => process.send!({ ok: true, result: r }, () => process.exit(0)),
      (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }, () => process.exit(1)),
    );
  });
  process.send!({ ready: true });
} else {
  await main();
}
