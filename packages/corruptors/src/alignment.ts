import type { Edit } from './types.js';

/** Apply `edits` (sorted, non-overlapping, as in `CorruptResult.alignment`) to `clean`. */
export function replayAlignment(clean: string, edits: readonly Edit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    if (e.cleanStart < pos) throw new RangeError(`edits overlap or are unsorted at clean offset ${e.cleanStart}`);
    if (clean.slice(e.cleanStart, e.cleanEnd) !== e.from) {
      throw new RangeError(`edit at ${e.cleanStart} claims "${e.from}" but clean has "${clean.slice(e.cleanStart, e.cleanEnd)}"`);
    }
    out += clean.slice(pos, e.cleanStart) + e.to;
    pos = e.cleanEnd;
  }
  return out + clean.slice(pos);
}

/** True if replaying reproduces `noisy` and every edit's noisy offsets point at its `to`. */
export function isValidAlignment(clean: string, noisy: string, edits: readonly Edit[]): boolean {
  try {
    if (replayAlignment(clean, edits) !== noisy) return false;
  } catch {
    return false;
  }
  let shift = 0;
  for (const e of edits) {
    if (e.noisyStart !== e.cleanStart + shift || e.noisyEnd !== e.noisyStart + e.to.length) return false;
    if (noisy.slice(e.noisyStart, e.noisyEnd) !== e.to) return false;
    shift += e.to.length - e.from.length;
  }
  return true;
}

/** A span of the full alignment: `changed: false` spans are copied verbatim. */
export interface AlignedSpan {
  cleanStart: number;
  cleanEnd: number;
  noisyStart: number;
  noisyEnd: number;
  changed: boolean;
}

/** The edits plus the unchanged spans between them, covering both strings end to end. */
export function fullAlignment(clean: string, edits: readonly Edit[]): AlignedSpan[] {
  const spans: AlignedSpan[] = [];
  let c = 0;
  let n = 0;
  for (const e of edits) {
    if (e.cleanStart > c) {
      const len = e.cleanStart - c;
      spans.push({ cleanStart: c, cleanEnd: e.cleanStart, noisyStart: n, noisyEnd: n + len, changed: false });
      n += len;
    }
    spans.push({ cleanStart: e.cleanStart, cleanEnd: e.cleanEnd, noisyStart: n, noisyEnd: n + e.to.length, changed: true });
    n += e.to.length;
    c = e.cleanEnd;
  }
  if (c < clean.length) spans.push({ cleanStart: c, cleanEnd: clean.length, noisyStart: n, noisyEnd: n + clean.length - c, changed: false });
  return spans;
}
