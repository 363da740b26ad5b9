/**
 * CER after correction versus synthetic noise level, for unsmudge and the baselines.
 *
 *   npx tsx packages/model/scripts/noise-robustness.ts --out docs/noise-robustness.md
 *       [--figures docs/figures] [--checkpoint DIR] [--data ../shared/data]
 *       [--levels 0,2.5,5,7.5,10,15,20] [--sources typing,ocr-light,ocr-heavy,mixed,fitted]
 *       [--correctors unsmudge,identity,symspell,hunspell] [--size 150]
 *       [--hunspell-size 12] [--hunspell-levels 0,5,10] [--profile FILE]
 *
 * Text: `--size` held-out clean_text paragraphs of the dev split (`loadCleanTextSet(..., { split: 'dev' })`,
 * excluded from training). Noise: each preset of `@unsmudge/corruptors` (`createCorruptor(preset, { scale })`)
 * and the profile fitted on the OCR dev pairs (`profileCorruptor(profile, scale)`). For every target
 * character error rate the scale is calibrated on these paragraphs (secant steps on the measured CER,
 * up to 8, until within 3 % of the target; a rate that would leave [0, 1] caps the scale, and the
 * table says so). Paragraph i is always corrupted with seed 1000 + i, so levels differ only by scale.
 * The x axis is the **measured** CER of the noisy text, not the target.
 *
 * Level 0 (noisy = clean) is run once and shown in every table: how much each corrector damages clean text.
 * Hunspell (nspell) needs several seconds per kilobyte of noisy text (its suggestion search grows with the
 * noise), so by default it runs on a fixed-seed
 * subset of `--hunspell-size` paragraphs at `--hunspell-levels` only; its own noisy CER on that subset is
 * reported beside its result and used as its x coordinate in the plots. A full Hunspell run
 * (`--hunspell-size 150 --hunspell-levels 0,2.5,5,7.5,10,15,20`) is possible but takes far longer.
 * CER = character (code point) Levenshtein edits / reference characters, summed over the paragraphs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkpointFingerprint, codeVersion } from './run-facts.js';
import { parseArgs } from 'node:util';
import { createCorruptor, isPresetName, OCR_FITTED_PROFILE_URL, parseProfile, profileCorruptor, type Corruptor, type Profile } from '@unsmudge/corruptors';
import { addCounts, charEdits, codePoints, countPair, createBaseline, defaultDataDir, emptyCounts, finalizeCounts, loadCleanTextSet, sampleIndices } from '@unsmudge/eval';
import { loadCorrector, SHIPPED_CHECKPOINT, type Corrector } from '../src/index.js';
import { lineChartSvg } from '../src/training/svg-plot.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ALL_CORRECTORS = ['unsmudge', 'identity', 'symspell', 'hunspell'] as const;
type CorrectorName = (typeof ALL_CORRECTORS)[number];
const COLORS: Record<CorrectorName, string> = { unsmudge: '#1f77b4', identity: '#7f7f7f', symspell: '#2ca02c', hunspell: '#ff7f0e' };
const SOURCE_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2'];
const SEED_BASE = 1000;
const BATCH = 64;

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    figures: { type: 'string' },
    checkpoint: { type: 'string' },
    data: { type: 'string' },
    profile: { type: 'string' },
    levels: { type: 'string', default: '0,2.5,5,7.5,10,15,20' },
    sources: { type: 'string', default: 'typing,ocr-light,ocr-heavy,mixed,fitted' },
    correctors: { type: 'string', default: ALL_CORRECTORS.join(',') },
    size: { type: 'string', default: '150' },
    'hunspell-size': { type: 'string', default: '12' },
    'hunspell-levels': { type: 'string', default: '0,5,10' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
const numList = (name: string, s: string): number[] =>
  s.split(',').map((x) => {
    const v = Number(x.trim());
    if (x.trim() === '' || !Number.isFinite(v) || v < 0 || v >= 100) fail(`--${name}: "${x}" is not a percentage in [0, 100)`);
    return v;
  });
const posInt = (name: string, s: string): number => {
  const v = Number(s);
  if (!Number.isInteger(v) || v < 1) fail(`--${name} must be a positive integer, got "${s}"`);
  return v;
};

const levels = [...new Set(numList('levels', values.levels!))].sort((a, b) => a - b);
const hunspellLevels = new Set(numList('hunspell-levels', values['hunspell-levels']!));
const size = posInt('size', values.size!);
const hunspellSize = posInt('hunspell-size', values['hunspell-size']!);
const sources = values.sources!.split(',').map((s) => s.trim()).filter(Boolean);
for (const s of sources) if (s !== 'fitted' && !isPresetName(s)) fail(`unknown noise source "${s}"; expected presets typing, ocr-light, ocr-heavy, mixed or "fitted"`);
const correctorNames = values.correctors!.split(',').map((s) => s.trim()).filter(Boolean) as CorrectorName[];
for (const c of correctorNames) if (!(ALL_CORRECTORS as readonly string[]).includes(c)) fail(`unknown corrector "${c}"; expected some of ${ALL_CORRECTORS.join(', ')}`);
const checkpointDir = values.checkpoint ? resolve(values.checkpoint) : SHIPPED_CHECKPOINT;
if (!existsSync(checkpointDir)) fail(`checkpoint folder not found: ${checkpointDir}`);
const dataDir = values.data ? resolve(values.data) : defaultDataDir();
const profilePath = values.profile ? resolve(values.profile) : fileURLToPath(OCR_FITTED_PROFILE_URL);
const outPath = values.out ? resolve(values.out) : undefined;
const figuresDir = values.figures ? resolve(values.figures) : outPath ? join(dirname(outPath), 'figures') : undefined;

const log = (s: string) => console.error(s);
const pct = (x: number | null | undefined, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : (x * 100).toFixed(d));

// ---------------------------------------------------------------- text and noise
const started = new Date();
const code = codeVersion(); // at the start: other people may commit during the run
const loadBefore = loadavg();
const t00 = performance.now();
log(`loading ${size} held-out dev paragraphs from ${join(dataDir, 'clean_text')} …`);
const paragraphs = (await loadCleanTextSet(join(dataDir, 'clean_text'), { split: 'dev', size })).map((p) => p.clean);
if (paragraphs.length === 0) fail('no held-out paragraphs found');
const refChars = paragraphs.reduce((a, p) => a + codePoints(p).length, 0);
const hunspellSubset = sampleIndices(paragraphs.length, hunspellSize, 7);
log(`${paragraphs.length} paragraphs, ${refChars.toLocaleString('en-US')} chars; hunspell subset: ${hunspellSubset.length}`);

let profile: Profile | undefined;
if (sources.includes('fitted')) profile = parseProfile(JSON.parse(readFileSync(profilePath, 'utf8')));

/** A corruptor for `source` at `scale`, or null if some rate would leave [0, 1]. */
function corruptorFor(source: string, scale: number): Corruptor | null {
  try {
    if (source === 'fitted') return profileCorruptor(profile!, scale);
    if (!isPresetName(source)) throw new Error(`unknown preset ${source}`);
    return createCorruptor(source, { scale });
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

function corruptAll(c: Corruptor): string[] {
  return paragraphs.map((p, i) => c.corrupt(p, SEED_BASE + i).noisy);
}

function cerOf(noisy: string[], idx?: number[]): number {
  let e = 0;
  let n = 0;
  for (const i of idx ?? noisy.map((_, k) => k)) {
    e += noisy[i] === paragraphs[i] ? 0 : charEdits(noisy[i], paragraphs[i]);
    n += codePoints(paragraphs[i]).length;
  }
  return n === 0 ? 0 : e / n;
}

/** Largest scale with valid rates (rule presets cap it; the profile corruptor accepts any). */
function maxScale(source: string): number {
  if (source === 'fitted') return 100;
  let lo = 1;
  let hi = 1000;
  if (corruptorFor(source, hi)) return hi;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (corruptorFor(source, mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

interface NoisySet {
  source: string;
  target: number;
  scale: number;
  capped: boolean;
  cer: number;
  noisy: string[];
}

function calibrate(source: string, target: number, cerAtOne: number, cap: number): NoisySet {
  const goal = target / 100;
  let scale = Math.min(cap, goal / Math.max(cerAtOne, 1e-6));
  let noisy = corruptAll(corruptorFor(source, scale)!);
  let cer = cerOf(noisy);
  for (let step = 0; step < 8 && Math.abs(cer - goal) > 0.03 * goal; step++) {
    if (scale >= cap && cer < goal) break;
    const next = Math.min(cap, scale * (goal / Math.max(cer, 1e-6)));
    if (Math.abs(next - scale) < 1e-9) break;
    scale = next;
    noisy = corruptAll(corruptorFor(source, scale)!);
    cer = cerOf(noisy);
  }
  return { source, target, scale, capped: scale >= cap && cer < goal * 0.97, cer, noisy };
}

const t0 = performance.now();
const zeroSet: NoisySet = { source: 'none', target: 0, scale: 0, capped: false, cer: 0, noisy: paragraphs.slice() };
const noisySets: NoisySet[] = [];
for (const source of sources) {
  const cap = maxScale(source);
  const one = corruptorFor(source, Math.min(1, cap));
  const cerAtOne = cerOf(corruptAll(one!)) / Math.min(1, cap);
  for (const target of levels.filter((l) => l > 0)) {
    const s = calibrate(source, target, cerAtOne, cap);
    noisySets.push(s);
    log(`  ${source} target ${target} %: scale ${s.scale.toFixed(3)}${s.capped ? ' (capped)' : ''}, measured CER ${pct(s.cer)} %`);
  }
}
log(`noise calibrated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------- correctors
type Clean = (texts: string[]) => Promise<string[]>;
const correctors = new Map<CorrectorName, Clean>();
let unsmudge: Corrector | undefined;
const loadMs: Partial<Record<CorrectorName, number>> = {};
const runMs: Partial<Record<CorrectorName, number>> = {};
const runChars: Partial<Record<CorrectorName, number>> = {};
for (const name of correctorNames) {
  const t = performance.now();
  if (name === 'unsmudge') {
    const corrector = await loadCorrector({ checkpointDir });
    unsmudge = corrector;
    correctors.set(name, async (texts) => {
      const out: string[] = [];
      for (let i = 0; i < texts.length; i += BATCH) out.push(...(await corrector.clean(texts.slice(i, i + BATCH))).map((r) => r.text));
      return out;
    });
  } else {
    correctors.set(name, await createBaseline(name));
  }
  loadMs[name] = performance.now() - t;
  log(`loaded ${name} in ${(loadMs[name]! / 1000).toFixed(1)} s`);
}

interface Cell {
  cerBefore: number;
  cerAfter: number;
  items: number;
}
/** results.get(set)!.get(corrector) */
const results = new Map<NoisySet, Map<CorrectorName, Cell>>();

async function runSet(set: NoisySet): Promise<void> {
  const row = new Map<CorrectorName, Cell>();
  for (const [name, clean] of correctors) {
    const isHun = name === 'hunspell';
    if (isHun && !hunspellLevels.has(set.target)) continue;
    const idx = isHun ? hunspellSubset : paragraphs.map((_, i) => i);
    const input = idx.map((i) => set.noisy[i]);
    const t = performance.now();
    const out = await clean(input);
    runMs[name] = (runMs[name] ?? 0) + (performance.now() - t);
    runChars[name] = (runChars[name] ?? 0) + input.reduce((a, x) => a + x.length, 0);
    if (out.length !== input.length) throw new Error(`${name} returned ${out.length} texts for ${input.length}`);
    const total = emptyCounts();
    idx.forEach((i, k) => addCounts(total, countPair(input[k], paragraphs[i], out[k])));
    const m = finalizeCounts(total);
    row.set(name, { cerBefore: m.cerBefore ?? 0, cerAfter: m.cerAfter ?? 0, items: idx.length });
  }
  results.set(set, row);
  const summary = [...row].map(([n, c]) => `${n} ${pct(c.cerAfter)}`).join(', ');
  log(`  ${set.source} ${set.target} % (noisy ${pct(set.cer)} %): ${summary}  [${((performance.now() - t00) / 1000).toFixed(0)} s]`);
}

if (levels.includes(0)) await runSet(zeroSet);
for (const set of noisySets) await runSet(set);

// ---------------------------------------------------------------- report

const sourceLabel = (s: string) => (s === 'fitted' ? `fitted profile (${relative(REPO_ROOT, profilePath)})` : `preset \`${s}\``);
const rowsFor = (source: string): NoisySet[] => [...(levels.includes(0) ? [zeroSet] : []), ...noisySets.filter((s) => s.source === source)];
const shown = correctorNames.filter((n) => n !== 'identity');
const hasHun = correctors.has('hunspell');
const figureFiles: string[] = [];

function tableFor(source: string): string {
  const head = ['target CER %', 'scale', 'noisy CER %', ...(correctors.has('identity') ? ['identity'] : []), ...shown.map((n) => (n === 'hunspell' ? `hunspell (${hunspellSubset.length} ¶)` : n))];
  if (hasHun) head.push(`noisy CER % of the hunspell ¶`);
  if (correctors.has('unsmudge')) head.push('unsmudge CER reduction %');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const s of rowsFor(source)) {
    const r = results.get(s)!;
    const cells = [
      s.target === 0 ? '0 (clean)' : String(s.target),
      s.target === 0 ? '0' : `${s.scale.toFixed(3)}${s.capped ? ' (max)' : ''}`,
      pct(s.cer),
      ...(correctors.has('identity') ? [pct(r.get('identity')?.cerAfter)] : []),
      ...shown.map((n) => pct(r.get(n)?.cerAfter)),
    ];
    if (hasHun) cells.push(r.has('hunspell') ? pct(r.get('hunspell')!.cerBefore) : '—');
    if (correctors.has('unsmudge')) {
      const u = r.get('unsmudge')!;
      cells.push(u.cerBefore > 0 ? pct((u.cerBefore - u.cerAfter) / u.cerBefore, 1) : '—');
    }
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * lineChartSvg puts the legend at the top right, where these curves end (after ≤ before, so the
 * top-left is empty): move it to the top left, and mark each measured point with a dot.
 */
function decorate(svg: string): string {
  return svg
    .replace(/<text x="550" (y="[\d.]+" fill=)/g, '<text x="75" $1')
    .replace(/<polyline fill="none" stroke="([^"]+)" stroke-width="1.5" points="([^"]*)"\/>/g, (line, color: string, pts: string) =>
      [line, ...pts.split(' ').filter(Boolean).map((xy) => {
        const [x, y] = xy.split(',');
        return `<circle cx="${x}" cy="${y}" r="2.5" fill="${color}"/>`;
      })].join('\n'),
    );
}

function plotFor(source: string): string {
  const series = correctorNames.map((name) => ({
    name: name === 'hunspell' ? `hunspell (${hunspellSubset.length} ¶)` : name === 'identity' ? 'identity (no correction)' : name,
    color: COLORS[name],
    points: rowsFor(source)
      .filter((s) => results.get(s)!.has(name))
      .map((s) => {
        const c = results.get(s)!.get(name)!;
        return [c.cerBefore * 100, c.cerAfter * 100] as [number, number];
      }),
  }));
  return decorate(lineChartSvg(series, {
    title: `CER after correction vs noise — ${source === 'fitted' ? 'fitted OCR profile' : `${source} preset`} (${paragraphs.length} held-out dev ¶)`,
    xLabel: 'CER of the noisy text (measured), %',
    yLabel: 'CER after correction, %',
  }));
}

function combinedPlot(): string {
  return decorate(lineChartSvg(
    sources.map((source, i) => ({
      name: source === 'fitted' ? 'fitted profile' : source,
      color: SOURCE_COLORS[i % SOURCE_COLORS.length],
      points: rowsFor(source).map((s) => {
        const c = results.get(s)!.get('unsmudge')!;
        return [c.cerBefore * 100, c.cerAfter * 100] as [number, number];
      }),
    })),
    { title: `unsmudge: CER after correction vs noise, per noise source (${paragraphs.length} held-out dev ¶)`, xLabel: 'CER of the noisy text (measured), %', yLabel: 'CER after correction, %' },
  ));
}

if (figuresDir) {
  mkdirSync(figuresDir, { recursive: true });
  for (const source of sources) {
    const f = join(figuresDir, `noise-robustness-${source}.svg`);
    writeFileSync(f, plotFor(source));
    figureFiles.push(f);
  }
  if (correctors.has('unsmudge')) {
    const f = join(figuresDir, 'noise-robustness-unsmudge.svg');
    writeFileSync(f, combinedPlot());
    figureFiles.push(f);
  }
}

const loadAfter = loadavg();
const totalS = (performance.now() - t00) / 1000;
const cmd = `npx tsx packages/model/scripts/noise-robustness.ts ${process.argv.slice(2).join(' ')}`.trim();
const linkBase = outPath ? dirname(outPath) : REPO_ROOT;
const figLink = (source: string) => {
  const f = figureFiles.find((p) => p.endsWith(`noise-robustness-${source}.svg`));
  return f ? `\n\n![${source}](${relative(linkBase, f)})` : '';
};
const timing = correctorNames.map((n) => `${n} load ${((loadMs[n] ?? 0) / 1000).toFixed(1)} s, run ${((runMs[n] ?? 0) / 1000).toFixed(1)} s`).join('; ');

const md = `# Noise robustness

CER after correction versus the amount of synthetic noise, per noise source. Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC with

\`\`\`sh
${cmd}
\`\`\`

- Checkpoint: **${unsmudge?.info.checkpoint ?? '(unsmudge not run)'}** (\`${relative(REPO_ROOT, checkpointDir) || checkpointDir}\`, content hash \`${checkpointFingerprint(checkpointDir)}\`, TensorFlow.js backend: ${unsmudge?.info.backend ?? '—'}); ${code} at the start of the run. The model is being improved: re-run the command above for current figures.
- Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadBefore.map((x) => x.toFixed(1)).join(' / ')} before, ${loadAfter.map((x) => x.toFixed(1)).join(' / ')} after (above 2: other work shared the cores). Only the timings below depend on this; CER does not.
- Text: ${paragraphs.length} held-out clean_text paragraphs of the **dev** split (\`loadCleanTextSet(…, { split: 'dev', size: ${size} })\`, fixed-seed sample; these paragraphs are excluded from training), ${refChars.toLocaleString('en-US')} characters.
- Noise: every preset of \`@unsmudge/corruptors\` with all its rates multiplied by **scale** (\`createCorruptor(preset, { scale })\`), and the noise profile fitted on the pooled OCR dev pairs (\`profileCorruptor(profile, scale)\`). The scale for each target CER is calibrated on these paragraphs (secant steps until the measured CER is within 3 % of the target; "(max)" marks a scale capped because a rate would exceed 1). Paragraph *i* is corrupted with seed ${SEED_BASE} + *i* at every level. **noisy CER** is measured, and is the x axis of the plots.
- Correctors: unsmudge (\`loadCorrector()\`, default threshold, batches of ${BATCH} paragraphs), identity (returns its input: equals the noisy CER, a check), SymSpell and Hunspell (nspell) word by word (\`createBaseline\` of \`@unsmudge/eval\`).${hasHun ? ` Hunspell is slow (${((runMs.hunspell ?? 0) / Math.max(1, (runChars.hunspell ?? 0) / 1024) / 1000).toFixed(1)} s per KB of text in this run, more as noise grows; unsmudge ${((runMs.unsmudge ?? 0) / Math.max(1, (runChars.unsmudge ?? 0) / 1024) / 1000).toFixed(2)} s), so it runs on a fixed-seed subset of ${hunspellSubset.length} of the paragraphs at target levels ${[...hunspellLevels].sort((a, b) => a - b).join(', ')} % only; the noisy CER of that subset is given beside it and is its x coordinate in the plots.` : ''}
- CER = code-point Levenshtein edits / reference characters, summed over paragraphs (\`countPair\` / \`finalizeCounts\`). Row "0 (clean)" feeds the clean paragraphs unchanged (the same run in every table): anything above 0 there is damage done to clean text. **unsmudge CER reduction** = (noisy − after) / noisy.
- Wall time ${totalS.toFixed(0)} s in total: ${timing}.
${sources.map((source) => `\n## ${sourceLabel(source)}\n\nCER %, lower is better.\n\n${tableFor(source)}${figLink(source)}\n`).join('')}${figureFiles.some((f) => f.endsWith('noise-robustness-unsmudge.svg')) ? `\n## unsmudge across noise sources\n\n![unsmudge](${relative(linkBase, figureFiles.find((f) => f.endsWith('noise-robustness-unsmudge.svg'))!)})\n` : ''}`;

console.log(md);
if (outPath) {
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, md);
  log(`wrote ${relative(process.cwd(), outPath)}${figureFiles.length ? ` and ${figureFiles.length} figures in ${relative(process.cwd(), figuresDir!)}` : ''}`);
}
unsmudge?.dispose();
