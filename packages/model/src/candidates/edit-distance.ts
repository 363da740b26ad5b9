/** Three reusable rows of the dynamic programme (grown as needed; the function is synchronous). */
const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
/** Stands for "more than max" in cells outside the band. */
const FAR = 0x3fffffff;

/**
 * Optimal-string-alignment distance (Levenshtein + adjacent transposition), giving up once the
 * distance must exceed `max` (returns max + 1 then). Only the band of cells within `max` of the
 * diagonal is computed: a cell outside it costs more than `max` on any path.
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (rows[0].length <= m + 1) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(2 * (m + 2));
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= Math.min(m, max); j++) prev[j] = j;
  if (max + 1 <= m) prev[max + 1] = FAR;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    cur[lo - 1] = lo === 1 ? i : FAR;
    let rowMin = lo === 1 ? i : FAR;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi + 1 <= m) cur[hi + 1] = FAR;
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m], max + 1);
}
