import type { BenchResult, SetResult } from './run-bench.js';

const pct = (x: number | null, digits = 2): string => (x === null ? '—' : `${(x * 100).toFixed(digits)}`);
const num = (n: number): string => n.toLocaleString('en-US');
const speed = (cps: number): string => (Number.isFinite(cps) ? num(Math.round(cps)) : '∞');

const HEADER =
  '| corrector | CER before | CER after | CER red. | WER before | WER after | fix rate | broken rate | P | R | F0.5 | words changed | exact | chars/s |\n' +
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|';

/** One table row per corrector (all figures in %, except chars/s). */
export function setTableRows(set: SetResult): string[] {
  return set.results.map((r) => {
    const m = r.metrics;
    return `| ${r.corrector} | ${pct(m.cerBefore)} | ${pct(m.cerAfter)} | ${pct(m.cerReduction, 1)} | ${pct(m.werBefore)} | ${pct(m.werAfter)} | ${pct(m.fixRate, 1)} | ${pct(m.brokenRate, 2)} | ${pct(m.precision, 1)} | ${pct(m.recall, 1)} | ${pct(m.f05, 1)} | ${pct(m.changedRate)} | ${pct(m.exactMatch, 1)} | ${speed(r.charsPerSecond)} |`;
  });
}

export function setHeading(set: SetResult, split: string, seed: number): string {
  const size = set.sampled ? `n = ${num(set.used)} sampled of ${num(set.total)} (seed ${seed})` : `n = ${num(set.used)} (all)`;
  return `#### ${set.set} — ${split}, ${size}${set.unit === 'word' ? ', one word per text' : ''}\n${set.description}.`;
}

/** Markdown: one table per set, one row per corrector. */
export function renderMarkdown(result: BenchResult): string {
  const parts: string[] = [];
  for (const set of result.sets) {
    parts.push(`${setHeading(set, result.split, result.seed)}\n\n${HEADER}\n${setTableRows(set).join('\n')}`);
  }
  return parts.join('\n\n') + '\n';
}

/**
 * Replaces the text between `<!-- bench:NAME:start -->` and `<!-- bench:NAME:end -->` in a document,
 * or appends a new marked block at the end when the markers are absent.
 */
export function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${body.trimEnd()}\n${end}`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i >= 0 && j > i) return doc.slice(0, i) + block + doc.slice(j + end.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
