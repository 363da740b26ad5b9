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

/** Longest pattern the bit-parallel form takes (one bit per character in a 32-bit word). */
const MAX_PATTERN = 31;

/**
 * The same distance from one fixed pattern to many words, bit-parallel (Myers' column of vertical differences, with
 * Hyyrö's term for swaps of neighbours): one pass of a dozen word operations per character of the word instead of a
 * band of cells. Patterns longer than 31 characters fall back to `osaDistance`.
 */
export class OsaPattern {
  /** Per character code, the positions of the pattern holding it (as bits); only the pattern's own codes are set. */
  private readonly eq = new Int32Array(65536);
  private pattern = '';
  /** The codes of the word `distance` measures (reused). */
  private codes = new Uint16Array(32);

  /** Makes `pattern` the string every `distance` call measures from. */
  set(pattern: string): void {
    for (let i = 0; i < this.pattern.length && i < MAX_PATTERN; i++) this.eq[this.pattern.charCodeAt(i)] = 0;
    this.pattern = pattern;
    if (pattern.length > MAX_PATTERN) return;
    for (let i = 0; i < pattern.length; i++) this.eq[pattern.charCodeAt(i)] |= 1 << i;
  }

  /** `osaDistance(pattern, word, max)`: the distance, or max + 1 when it is larger. */
  distance(word: string, max: number): number {
    const m = this.pattern.length;
    const n = word.length;
    if (Math.abs(m - n) > max) return max + 1;
    if (m > MAX_PATTERN) return osaDistance(this.pattern, word, max);
    if (this.codes.length < n) this.codes = new Uint16Array(2 * n);
    for (let j = 0; j < n; j++) this.codes[j] = word.charCodeAt(j);
    return this.distanceOf(this.codes, 0, n, max);
  }

  /**
   * The distance to the word held in `chars[start, start + n)` (character codes), or max + 1 when it is larger; for a
   * pattern of more than 31 characters, the caller measures with `osaDistance` instead (-1 is returned).
   */
  distanceOf(chars: Uint16Array, start: number, n: number, max: number): number {
    const m = this.pattern.length;
    if (Math.abs(m - n) > max) return max + 1;
    if (m > MAX_PATTERN) return -1;
    if (m === 0) return n;
    const eq = this.eq;
    const last = 1 << (m - 1);
    let vp = -1;
    let vn = 0;
    let d0 = 0;
    let prevEq = 0;
    let score = m;
    for (let j = start; j < start + n; j++) {
      const e = eq[chars[j]];
      // a swap: the pattern's character i matches the word's previous one and i − 1 this one, no diagonal zero before
      const tr = ((~d0 & e) << 1) & prevEq;
      d0 = (((e & vp) + vp) ^ vp) | e | vn | tr;
      const hp = vn | ~(d0 | vp);
      const hn = d0 & vp;
      if (hp & last) score++;
      else if (hn & last) score--;
      const x = (hp << 1) | 1;
      vn = x & d0;
      vp = (hn << 1) | ~(x | d0);
      prevEq = e;
    }
    return score > max ? max + 1 : score;
  }
}
