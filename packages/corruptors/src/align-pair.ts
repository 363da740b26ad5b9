import { classifyEdit } from './classify-edit.js';
import { OCR_BY_FIRST } from './ocr-table.js';
import type { Edit } from './types.js';

export interface AlignOptions {
  /** Largest DP matrix (cells) computed exactly; beyond it the differing middle becomes one edit. Default 16M. */
  maxCells?: number;
  /** Longest side (code points) of one grouped edit; longer runs are cut (default 2, so rn→m stays whole). */
  maxGroup?: number;
}

function codePoints(s: string, from: number, to: number): { cps: Int32Array; offs: Int32Array } {
  const cps: number[] = [];
  const offs: number[] = [];
  for (let i = from; i < to; ) {
    const c = s.codePointAt(i)!;
    cps.push(c);
    offs.push(i);
    i += c > 0xffff ? 2 : 1;
  }
  offs.push(to);
  return { cps: Int32Array.from(cps), offs: Int32Array.from(offs) };
}

function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

/** 1:1 OCR confusions cost half a substitution, so alignments prefer them (weighted Levenshtein). */
const CHEAP = new Set<number>();
for (const list of OCR_BY_FIRST.values()) {
  for (const o of list) if (o.from.length === 1 && o.to.length === 1) CHEAP.add((o.from.charCodeAt(0) << 16) | o.to.charCodeAt(0));
}

const OP_M = 0, OP_S = 1, OP_D = 2, OP_I = 3;

/**
 * Character-level edit-distance alignment of a (noisy, clean) pair, returned as `Edit`s on `clean`
 * (the same shape a corruptor returns: replaying them on `clean` gives `noisy`). Adjacent edit
 * operations are grouped up to `maxGroup` code points per side, so `m` read as `rn` is one edit
 * `m → rn`. Case-only substitutions and 1:1 OCR-table confusions cost half, so they are preferred over other alignments.
 */
export function alignPair(noisy: string, clean: string, options: AlignOptions = {}): Edit[] {
  const maxCells = options.maxCells ?? 16_000_000;
  const maxGroup = options.maxGroup ?? 2;
  // common prefix / suffix (never splitting a surrogate pair)
  let p = 0;
  const lim = Math.min(noisy.length, clean.length);
  while (p < lim && noisy.charCodeAt(p) === clean.charCodeAt(p)) p++;
  if (p > 0 && p < lim && (clean.charCodeAt(p) & 0xfc00) === 0xdc00) p--;
  let s = 0;
  while (s < lim - p && noisy.charCodeAt(noisy.length - 1 - s) === clean.charCodeAt(clean.length - 1 - s)) s++;
  if (s > 0 && (clean.charCodeAt(clean.length - s) & 0xfc00) === 0xdc00) s--;
  const cEnd = clean.length - s;
  const nEnd = noisy.length - s;
  if (p === cEnd && p === nEnd) return [];
  const A = codePoints(clean, p, cEnd);
  const B = codePoints(noisy, p, nEnd);
  const n = A.cps.length;
  const m = B.cps.length;
  const mk = (cs: number, ce: number, ns: number, ne: number): Edit => {
    const from = clean.slice(cs, ce);
    const to = noisy.slice(ns, ne);
    return {
      cleanStart: cs,
      cleanEnd: ce,
      noisyStart: ns,
      noisyEnd: ne,
      from,
      to,
      kind: classifyEdit(from, to, clean.charAt(cs - 1), clean.charAt(ce)),
    };
  };
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > maxCells) return [mk(p, cEnd, p, nEnd)];

  const W = m + 1;
  const back = new Uint8Array((n + 1) * W);
  let prev = new Int32Array(W);
  let cur = new Int32Array(W);
  for (let j = 0; j <= m; j++) {
    prev[j] = 2 * j;
    back[j] = OP_I;
  }
  for (let i = 1; i <= n; i++) {
    const a = A.cps[i - 1];
    const la = lower(a);
    cur[0] = 2 * i;
    back[i * W] = OP_D;
    const row = i * W;
    for (let j = 1; j <= m; j++) {
      const b = B.cps[j - 1];
      const subCost = a === b ? 0 : la === lower(b) || CHEAP.has((a << 16) | b) ? 1 : 2;
      let best = prev[j - 1] + subCost;
      let op = subCost === 0 ? OP_M : OP_S;
      const del = prev[j] + 2;
      if (del < best) {
        best = del;
        op = OP_D;
      }
      const ins = cur[j - 1] + 2;
      if (ins < best) {
        best = ins;
        op = OP_I;
      }
      cur[j] = best;
      back[row + j] = op;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  // backtrace
  const ops: number[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const op = i === 0 ? OP_I : j === 0 ? OP_D : back[i * W + j];
    ops.push(op);
    if (op === OP_M || op === OP_S) {
      i--;
      j--;
    } else if (op === OP_D) i--;
    else j--;
  }
  ops.reverse();
  // group runs of non-matches into edits of at most maxGroup code points per side
  const edits: Edit[] = [];
  let ci = 0;
  let ni = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === OP_M) {
      ci++;
      ni++;
      k++;
      continue;
    }
    const c0 = ci;
    const n0 = ni;
    while (k < ops.length && ops[k] !== OP_M) {
      const op = ops[k];
      const dc = op === OP_I ? 0 : 1;
      const dn = op === OP_D ? 0 : 1;
      if ((ci - c0 + dc > maxGroup || ni - n0 + dn > maxGroup) && (ci > c0 || ni > n0)) break;
      ci += dc;
      ni += dn;
      k++;
    }
    edits.push(mk(A.offs[c0], A.offs[ci], B.offs[n0], B.offs[ni]));
  }
  return edits;
}
