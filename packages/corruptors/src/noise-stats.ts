import { alignPair } from './align-pair.js';
import type { Pair } from './profile.js';
import { ERROR_KINDS, type ErrorKind } from './types.js';

/** Error statistics of a set of (noisy, clean) pairs, measured by aligning them. */
export interface NoiseStats {
  pairs: number;
  skipped: number;
  cleanChars: number;
  /** Edit operations (max of the two sides of every edit), for a CER. */
  ops: number;
  kinds: Record<ErrorKind, number>;
  /** "from→to" → count. */
  confusions: Map<string, number>;
}

/** Align every pair and count edits by kind and by confusion. Pairs above `maxPairCer` are skipped. */
export function noiseStats(pairs: Iterable<Pair>, maxPairCer = 0.5): NoiseStats {
  const kinds = Object.fromEntries(ERROR_KINDS.map((k) => [k, 0])) as Record<ErrorKind, number>;
  const confusions = new Map<string, number>();
  const st: NoiseStats = { pairs: 0, skipped: 0, cleanChars: 0, ops: 0, kinds, confusions };
  for (const { noisy, clean } of pairs) {
    if (clean.length === 0) continue;
    const edits = alignPair(noisy, clean);
    let ops = 0;
    for (const e of edits) ops += Math.max(e.from.length, e.to.length);
    if (ops > maxPairCer * clean.length) {
      st.skipped++;
      continue;
    }
    st.pairs++;
    st.cleanChars += clean.length;
    st.ops += ops;
    for (const e of edits) {
      kinds[e.kind]++;
      const key = `${e.from}→${e.to}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  }
  return st;
}

/** The `k` most frequent confusions, most frequent first (ties broken by key). */
export function topConfusions(st: NoiseStats, k = 50): string[] {
  return [...st.confusions.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, k)
    .map(([key]) => key);
}

/** |top-k(a) ∩ top-k(b)| / k. */
export function confusionOverlap(a: NoiseStats, b: NoiseStats, k = 50): number {
  const ta = new Set(topConfusions(a, k));
  let hit = 0;
  for (const key of topConfusions(b, k)) if (ta.has(key)) hit++;
  return hit / k;
}

const SHOWN: ErrorKind[] = ['drop', 'insert', 'sub', 'ocr', 'keyboard', 'transpose', 'merge', 'split', 'hyphenate', 'space', 'case', 'punct', 'diacritic', 'ligature'];

/** Markdown table: one row per source, per-kind edits per 1000 clean chars, CER, top-50 overlap with `real`. */
export function formatComparison(real: NoiseStats, rows: { name: string; stats: NoiseStats }[], k = 50): string {
  const head = ['source', 'CER %', ...SHOWN, `top-${k} overlap`];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  const row = (name: string, st: NoiseStats, overlap: string) => {
    const per = (x: number) => ((1000 * x) / Math.max(1, st.cleanChars)).toFixed(2);
    lines.push(`| ${[name, ((100 * st.ops) / Math.max(1, st.cleanChars)).toFixed(2), ...SHOWN.map((kd) => per(st.kinds[kd])), overlap].join(' | ')} |`);
  };
  row('**real (dev)**', real, '—');
  for (const r of rows) row(r.name, r.stats, `${Math.round(confusionOverlap(real, r.stats, k) * k)}/${k}`);
  return lines.join('\n');
}
