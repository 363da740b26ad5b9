/** Edit distance and alignment over sequences of numbers (code points or word ids). */

/** Levenshtein distance (unit costs) between two sequences, in O(min(n, m)) memory. */
export function levenshtein(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length < b.length) [a, b] = [b, a];
  const m = b.length;
  if (m === 0) return a.length;
  let prev = new Uint32Array(m + 1);
  let cur = new Uint32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/** Code points of a string, so that astral characters count as one. */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) as number);
  return out;
}

/** Character error count: Levenshtein distance over code points. */
export function charEdits(hyp: string, ref: string): number {
  return levenshtein(codePoints(hyp), codePoints(ref));
}

export type AlignOp = 'match' | 'sub' | 'del' | 'ins';

/** One step of an alignment of `hyp` against `ref`: `ref` index for match/sub/del, `hyp` index for match/sub/ins. */
export interface AlignStep {
  op: AlignOp;
  hyp: number;
  ref: number;
}

/**
 * Minimum-edit alignment of hyp against ref (unit costs). `del` = a ref item with no hyp counterpart,
 * `ins` = a hyp item with no ref counterpart. Ties prefer diagonal steps, so matches line up.
 */
export function align(hyp: ArrayLike<number>, ref: ArrayLike<number>): { distance: number; steps: AlignStep[] } {
  const n = hyp.length;
  const m = ref.length;
  const w = m + 1;
  const d = new Uint32Array((n + 1) * w);
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    const hi = hyp[i - 1];
    for (let j = 1; j <= m; j++) {
      const sub = d[(i - 1) * w + j - 1] + (hi === ref[j - 1] ? 0 : 1);
      const ins = d[(i - 1) * w + j] + 1;
      const del = d[i * w + j - 1] + 1;
      d[i * w + j] = Math.min(sub, ins, del);
    }
  }
  const steps: AlignStep[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = d[i * w + j];
    if (i > 0 && j > 0) {
      const same = hyp[i - 1] === ref[j - 1];
      if (d[(i - 1) * w + j - 1] + (same ? 0 : 1) === here) {
        steps.push({ op: same ? 'match' : 'sub', hyp: i - 1, ref: j - 1 });
        i--;
        j--;
        continue;
      }
    }
    if (j > 0 && d[i * w + j - 1] + 1 === here) {
      steps.push({ op: 'del', hyp: i, ref: j - 1 });
      j--;
    } else {
      steps.push({ op: 'ins', hyp: i - 1, ref: j });
      i--;
    }
  }
  steps.reverse();
  return { distance: d[n * w + m], steps };
}
