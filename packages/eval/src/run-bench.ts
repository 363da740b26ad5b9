import { defaultDataDir } from './data-dir.js';
import type { EvalItem } from './loaders.js';
import { addCounts, countPair, emptyCounts, finalizeCounts, type Counts, type Metrics } from './metrics.js';
import { sample as sampleItems } from './random.js';
import { UnknownNameError } from './errors.js';
import { getSet, loadSet, type SetKind, type SetSpec, type Split } from './sets.js';
import type { BatchCorrector } from './word-by-word.js';

/** A corrector broke the contract: wrong number of outputs, or not strings. */
export class CorrectorOutputError extends Error {
  constructor(corrector: string, detail: string) {
    super(`corrector "${corrector}": ${detail}`);
    this.name = 'CorrectorOutputError';
  }
}

export type BenchProgress =
  | { phase: 'load'; set: string }
  | { phase: 'loaded'; set: string; total: number; used: number }
  | { phase: 'correct'; set: string; corrector: string; done: number; total: number }
  | { phase: 'scored'; set: string; corrector: string; metrics: Metrics; seconds: number };

export interface BenchOptions {
  /** Correctors by display name, run one after another on the same items. */
  correctors: Record<string, BatchCorrector>;
  /**
   * Set names; `name/part` keeps only the items whose id contains `part`, `name/!part` only those whose id does not
   * (`icdar_en/eng_periodical`: a dev split dominated by one long book can be read by subset).
   */
  sets: string[];
  split: Split;
  /** Items per set at most (fixed-seed sample of larger sets); 0 or undefined = all. */
  sample?: number;
  seed?: number;
  /** Data root (default: `../shared/data` next to the repository, see defaultDataDir). */
  dataDir?: string;
  /** Texts per corrector call (default 64). */
  batchSize?: number;
  onProgress?: (p: BenchProgress) => void;
}

export interface CorrectorResult {
  corrector: string;
  metrics: Metrics;
  counts: Counts;
  /** Wall time spent inside the corrector's calls. */
  seconds: number;
  /** Noisy input chars per second of corrector time. */
  charsPerSecond: number;
  /** Counters the corrector reports about itself (cumulative over the run), when it has a `stats()` method. */
  stats?: Record<string, number>;
}

export interface SetResult {
  set: string;
  kind: SetKind;
  unit: 'text' | 'word';
  description: string;
  /** Items in the split, and how many were scored (sampled when fewer). */
  total: number;
  used: number;
  sampled: boolean;
  noisyChars: number;
  results: CorrectorResult[];
}

export interface BenchResult {
  date: string;
  split: Split;
  sample: number | null;
  seed: number;
  batchSize: number;
  sets: SetResult[];
}

async function runCorrector(
  name: string,
  correct: BatchCorrector,
  items: EvalItem[],
  batchSize: number,
  onBatch: (done: number) => void,
): Promise<{ outputs: string[]; seconds: number }> {
  const outputs: string[] = [];
  let ms = 0;
  for (let i = 0; i < items.length; i += batchSize) {
    const batch = items.slice(i, i + batchSize).map((it) => it.noisy);
    const t0 = performance.now();
    const out = await correct(batch);
    ms += performance.now() - t0;
    if (!Array.isArray(out) || out.length !== batch.length) {
      throw new CorrectorOutputError(name, `returned ${Array.isArray(out) ? out.length : typeof out} outputs for ${batch.length} texts`);
    }
    for (const o of out) {
      if (typeof o !== 'string') throw new CorrectorOutputError(name, `returned a ${typeof o} instead of a string`);
      outputs.push(o);
    }
    onBatch(outputs.length);
  }
  return { outputs, seconds: ms / 1000 };
}

/** Runs every corrector over every set (one split), scoring them on identical items. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const seed = options.seed ?? 1;
  const batchSize = options.batchSize ?? 64;
  const limit = options.sample && options.sample > 0 ? options.sample : null;
  const progress = options.onProgress ?? (() => {});
  const names = Object.keys(options.correctors);
  const dataDir = options.dataDir ?? defaultDataDir();
  const selections = options.sets.map(parseSelection); // unknown names fail before any work
  const sets: SetResult[] = [];
  for (const { label, spec, keep } of selections) {
    progress({ phase: 'load', set: label });
    const all = (await loadSet(spec.name, options.split, { dataDir })).filter(keep);
    const items = limit !== null && all.length > limit ? sampleItems(all, limit, seed) : all;
    progress({ phase: 'loaded', set: label, total: all.length, used: items.length });
    const noisyChars = items.reduce((n, it) => n + [...it.noisy].length, 0);
    const results: CorrectorResult[] = [];
    for (const name of names) {
      const correct = options.correctors[name];
      const { outputs, seconds } = await runCorrector(name, correct, items, batchSize, (done) =>
        progress({ phase: 'correct', set: label, corrector: name, done, total: items.length }),
      );
      const counts = emptyCounts();
      items.forEach((it, i) => addCounts(counts, countPair(it.noisy, it.clean, outputs[i])));
      const metrics = finalizeCounts(counts);
      const withStats = correct as BatchCorrector & { stats?: () => Record<string, number> };
      results.push({
        corrector: name,
        metrics,
        counts,
        seconds,
        charsPerSecond: seconds > 0 ? noisyChars / seconds : Infinity,
        ...(typeof withStats.stats === 'function' ? { stats: withStats.stats() } : {}),
      });
      progress({ phase: 'scored', set: label, corrector: name, metrics, seconds });
    }
    sets.push({
      set: label,
      kind: spec.kind,
      unit: spec.unit,
      description: spec.description,
      total: all.length,
      used: items.length,
      sampled: items.length < all.length,
      noisyChars,
      results,
    });
  }
  return { date: new Date().toISOString(), split: options.split, sample: limit, seed, batchSize, sets };
}

/** `name`, `name/part` or `name/!part`: a set, or the items of it whose id does (not) contain `part`. */
export function parseSelection(entry: string): { label: string; spec: SetSpec; keep: (item: EvalItem) => boolean } {
  const cut = entry.indexOf('/');
  const spec = getSet(cut < 0 ? entry : entry.slice(0, cut));
  if (cut < 0) return { label: entry, spec, keep: () => true };
  const part = entry.slice(cut + 1);
  const negated = part.startsWith('!');
  const needle = negated ? part.slice(1) : part;
  if (needle === '') throw new UnknownNameError('set selection', entry, ['name', 'name/part', 'name/!part']);
  return { label: entry, spec, keep: (item) => item.id.includes(needle) !== negated };
}
