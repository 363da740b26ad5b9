/**
 * Error model: a weighted edit distance between a noisy word and a candidate correction,
 * where the edits OCR engines and typists really make (rn↔m, l↔1, e↔c, keyboard neighbours,
 * doubled letters) cost less than arbitrary ones. Costs are in "edit units"; the ranker turns
 * them into log-probabilities.
 */
export interface ChannelCosts {
  /** Cost of an arbitrary substitution, insertion or deletion. */
  edit: number;
  /** Cost of swapping two neighbours. */
  transpose: number;
  /** Cost of inserting or deleting a letter next to the same letter. */
  double: number;
  /** Cheaper substitutions and multi-character confusions, as [noisy, clean, cost]; applied in both directions. */
  confusions: Array<[string, string, number]>;
  /** Confusions applied in the direction given only (noisy read for clean), e.g. fitted from real OCR pairs. */
  directed?: Array<[string, string, number]>;
}

/** Specks the scan glues into words (`st~ated`, `w~s`): read as nothing, or as any letter they hide. */
function speckConfusions(marks: string[], dropCost: number, letterCost: number): Array<[string, string, number]> {
  const out: Array<[string, string, number]> = [];
  for (const m of marks) {
    out.push([m, '', dropCost]);
    for (const c of 'abcdefghijklmnopqrstuvwxyz') out.push([m, c, letterCost]);
  }
  return out;
}

const OCR_CONFUSIONS: Array<[string, string, number]> = [
  ['rn', 'm', 0.35], ['cl', 'd', 0.4], ['vv', 'w', 0.35], ['li', 'h', 0.4], ['in', 'm', 0.45], ['ri', 'n', 0.45],
  ['ii', 'u', 0.45], ['ni', 'm', 0.5], ['iu', 'in', 0.5], ['il', 'h', 0.4], ['iv', 'w', 0.45], ['ii', 'n', 0.45],
  ['il', 'd', 0.45], ['tl', 'd', 0.55], ['c', 'e', 0.35],
  ['l', '1', 0.3], ['l', 'i', 0.4], ['|', 'l', 0.3], ['|', 'i', 0.4], ['1', 'i', 0.4], ['!', 'l', 0.45],
  ['0', 'o', 0.3], ['5', 's', 0.35], ['8', 'b', 0.45], ['6', 'b', 0.5], ['4', 'a', 0.5], ['3', 'e', 0.5], ['9', 'g', 0.5],
  ['a', 'o', 0.5], ['u', 'n', 0.4], ['h', 'b', 0.45], ['f', 't', 0.5], ['ſ', 's', 0.2], ['f', 's', 0.55], ['t', 'l', 0.55],
  ['o', 'e', 0.6], ['a', 'e', 0.6], ['v', 'w', 0.5], ['c', 'o', 0.6], ['n', 'r', 0.6], ['i', 'j', 0.6], ['y', 'v', 0.6], ['v', 'y', 0.6],
  ['ﬁ', 'fi', 0.1], ['ﬂ', 'fl', 0.1], ['ﬀ', 'ff', 0.1], ['é', 'e', 0.3], ['è', 'e', 0.3], ['á', 'a', 0.3], ['ü', 'u', 0.3],
  ...speckConfusions(['~', '^'], 0.3, 0.7),
  ['«', 's', 0.4], ['»', 's', 0.4], ['«', 'e', 0.5], ['»', 'e', 0.5], ['«', '', 0.5], ['»', '', 0.5],
  ['ö', 'o', 0.3], ['ä', 'a', 0.3], ['ñ', 'n', 0.3], ['ç', 'c', 0.3], ['\'', '', 0.5], ['.', '', 0.6], [',', '', 0.6],
];

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function keyboardNeighbours(cost = 0.7): Array<[string, string, number]> {
  const pos = new Map<string, [number, number]>();
  KEYBOARD_ROWS.forEach((row, r) => [...row].forEach((ch, c) => pos.set(ch, [r, c + r * 0.5])));
  const out: Array<[string, string, number]> = [];
  for (const [a, [ra, ca]] of pos) {
    for (const [b, [rb, cb]] of pos) {
      if (a < b && Math.abs(ra - rb) <= 1 && Math.abs(ca - cb) <= 1) out.push([a, b, cost]);
    }
  }
  return out;
}

/** Vowels stand in for one another in spelling by ear (seperate, definately). */
function vowelSwaps(cost: number): Array<[string, string, number]> {
  const v = 'aeiouy';
  const out: Array<[string, string, number]> = [];
  for (let i = 0; i < v.length; i++) for (let j = i + 1; j < v.length; j++) out.push([v[i], v[j], cost]);
  return out;
}

/**
 * Costs for running text, mostly scanned: OCR misreadings are cheap, and so, a little less, are a typist's slips
 * (keyboard neighbours at `keyboardCost`), vowels by ear and the British s for z (`tokenised`, for a reader who asks
 * for American spelling).
 */
export function textCosts(keyboardCost = 0.7): ChannelCosts {
  const confusions = [...OCR_CONFUSIONS, ...keyboardNeighbours(keyboardCost), ...vowelSwaps(0.8), ['s', 'z', 0.7] as [string, string, number]];
  return { edit: 1, transpose: 0.75, double: 0.55, confusions };
}

export const DEFAULT_COSTS: ChannelCosts = textCosts();

/** Sound-alike spellings a writer confuses (not what a scanner does). */
const SPELLING_CONFUSIONS: Array<[string, string, number]> = [
  ['ph', 'f', 0.5], ['c', 'k', 0.6], ['c', 's', 0.6], ['s', 'z', 0.5], ['ck', 'k', 0.5], ['x', 'cks', 0.7], ['ie', 'y', 0.6],
  ['sion', 'tion', 0.6], ['ant', 'ent', 0.5], ['able', 'ible', 0.5], ['our', 'or', 0.5], ['re', 'er', 0.5],
  ['e', '', 0.7], ['a', '', 0.8], ['i', '', 0.8], ['o', '', 0.8], ['u', '', 0.8], ['h', '', 0.8],
];

/**
 * Costs for words typed by a person (a word given alone is a spelling query): keyboard slips, swapped and
 * doubled letters, vowels by ear and sound-alike spellings are cheap; scanner misreadings are not special.
 */
export const TYPING_COSTS: ChannelCosts = {
  edit: 1,
  transpose: 0.5,
  double: 0.4,
  confusions: [...keyboardNeighbours(0.6), ...vowelSwaps(0.6), ...SPELLING_CONFUSIONS],
};

/** Precomputed lookup tables for a cost set. */
export class Channel {
  private readonly sub = new Map<string, number>();
  /** multi-character confusions (both sides non-empty) */
  private readonly multi: Array<{ noisy: string; clean: string; cost: number }> = [];
  /** characters the noisy side often has in excess (stray apostrophes, dots), and often lacks */
  private readonly cheapIns = new Map<string, number>();
  private readonly cheapDel = new Map<string, number>();
  /** multi-character confusions by (last noisy char, last clean char) */
  private readonly multiByEnd = new Map<string, Array<{ noisy: string; clean: string; cost: number }>>();
  /** The same tables for pairs of ASCII characters, indexed by noisy code × 128 + clean code (NaN: no entry). */
  private readonly asciiSub = new Float64Array(128 * 128).fill(NaN);
  private readonly asciiMulti: Array<Array<{ noisy: string; clean: string; cost: number }> | undefined> = new Array(128 * 128);
  readonly costs: ChannelCosts;
  private readonly readingsByCost = new Map<number, Map<string, string[]>>();
  private readonly cheapestMisread = new Map<number, number>();
  private table = new Float64Array(256);
  private insBuf = new Float64Array(32);
  private delBuf = new Float64Array(32);

  constructor(costs: ChannelCosts = DEFAULT_COSTS) {
    this.costs = costs;
    // hand-set confusions both ways, fitted ones in their own direction
    const pairs: Array<[string, string, number]> = [];
    for (const [a, b, c] of costs.confusions) pairs.push([a, b, c], [b, a, c]);
    pairs.push(...(costs.directed ?? []));
    for (const [n, k, c] of pairs) {
      if (n.length === 1 && k.length === 1) this.sub.set(n + k, Math.min(this.sub.get(n + k) ?? Infinity, c));
      else if (k === '' && n.length === 1) this.cheapIns.set(n, Math.min(this.cheapIns.get(n) ?? Infinity, c));
      else if (n === '' && k.length === 1) this.cheapDel.set(k, Math.min(this.cheapDel.get(k) ?? Infinity, c));
      else if (n && k) {
        const mc = { noisy: n, clean: k, cost: c };
        this.multi.push(mc);
        const key = n[n.length - 1] + '\u0000' + k[k.length - 1];
        const list = this.multiByEnd.get(key) ?? [];
        list.push(mc);
        this.multiByEnd.set(key, list);
      }
    }
    for (const [key, cost] of this.sub) {
      if (key.length === 2 && key.charCodeAt(0) < 128 && key.charCodeAt(1) < 128) this.asciiSub[key.charCodeAt(0) * 128 + key.charCodeAt(1)] = cost;
    }
    for (const [key, list] of this.multiByEnd) {
      if (key.length === 3 && key.charCodeAt(0) < 128 && key.charCodeAt(2) < 128) this.asciiMulti[key.charCodeAt(0) * 128 + key.charCodeAt(2)] = list;
    }
  }

  /** Cheap single-character misreadings: clean character → the noisy characters it is often read as. */
  cheapSubstitutions(maxCost: number): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [key, cost] of this.sub) {
      if (cost > maxCost) continue;
      const [noisy, clean] = [key.slice(0, key.length / 2), key.slice(key.length / 2)];
      if (!out.has(clean)) out.set(clean, []);
      out.get(clean)!.push(noisy);
    }
    return out;
  }

  /** Cheap multi-character misreadings as {noisy, clean} (rn for m, li for h, …). */
  cheapMultiConfusions(maxCost: number): Array<{ noisy: string; clean: string }> {
    return this.multi.filter((m) => m.cost <= maxCost && m.noisy.length > 0 && m.clean.length > 0);
  }

  /**
   * Readings of a noisy word with one multi-character confusion undone (`tlio` → `thio`, `rnust` → `must`,
   * and in words of up to four letters `hke` → `like`): looked up as well, so that candidates more than the
   * plain edit distance searched away are still found.
   */
  variants(noisy: string): string[] {
    const out = new Set<string>();
    // short words are searched at one plain edit only, so one letter read for two (`hke` → `like`) is undone too
    const minNoisy = noisy.length <= 4 ? 1 : 2;
    for (const mc of this.multi) {
      if (mc.noisy.length < minNoisy || mc.cost > 0.5) continue;
      for (let i = noisy.indexOf(mc.noisy); i >= 0; i = noisy.indexOf(mc.noisy, i + 1)) {
        out.add(noisy.slice(0, i) + mc.clean + noisy.slice(i + mc.noisy.length));
      }
    }
    out.delete(noisy);
    return [...out];
  }

  /**
   * Readings of a noisy word with one cheap single-letter misreading undone (`tbo` → `tho`), for words short enough
   * that they are searched at one plain edit only (so `tbo` still reaches `the`).
   */
  letterVariants(noisy: string, maxCost: number): string[] {
    const readings = this.cheapReadings(maxCost);
    const out = new Set<string>();
    for (let i = 0; i < noisy.length; i++) {
      for (const clean of readings.get(noisy[i]) ?? []) out.add(noisy.slice(0, i) + clean + noisy.slice(i + 1));
    }
    out.delete(noisy);
    return [...out];
  }

  /** Per noisy character, the clean characters it stands for at most `maxCost` (in table order; remembered per cost). */
  private cheapReadings(maxCost: number): Map<string, string[]> {
    let readings = this.readingsByCost.get(maxCost);
    if (!readings) {
      readings = new Map();
      for (const [key, cost] of this.sub) {
        if (cost > maxCost || key.length !== 2) continue;
        const list = readings.get(key[0]);
        if (list) list.push(key[1]);
        else readings.set(key[0], [key[1]]);
      }
      this.readingsByCost.set(maxCost, readings);
    }
    return readings;
  }

  /** Weighted edit cost of turning `clean` into `noisy` (both already case-folded as wanted). */
  cost(noisy: string, clean: string): number {
    const n = noisy.length;
    const m = clean.length;
    const { edit, transpose } = this.costs;
    const w = m + 1;
    // the table and the per-character costs reuse buffers (the function is synchronous); every cell read is written
    if (this.table.length < (n + 1) * w) this.table = new Float64Array(2 * (n + 1) * w);
    if (this.insBuf.length < n) this.insBuf = new Float64Array(2 * n);
    if (this.delBuf.length < m) this.delBuf = new Float64Array(2 * m);
    const d = this.table;
    const ins = this.insBuf;
    const del = this.delBuf;
    d[0] = 0;
    for (let i = 0; i < n; i++) ins[i] = this.insCost(noisy, i);
    for (let j = 0; j < m; j++) del[j] = this.delCost(clean, j);
    for (let j = 1; j <= m; j++) d[j] = d[j - 1] + del[j - 1];
    for (let i = 1; i <= n; i++) {
      d[i * w] = d[(i - 1) * w] + ins[i - 1];
      const ni = noisy.charCodeAt(i - 1);
      for (let j = 1; j <= m; j++) {
        const cj = clean.charCodeAt(j - 1);
        const ascii = ni < 128 && cj < 128;
        let v = d[(i - 1) * w + j - 1] + (ni === cj ? 0 : this.subCost(ni, cj, ascii, edit));
        v = Math.min(v, d[(i - 1) * w + j] + ins[i - 1], d[i * w + j - 1] + del[j - 1]);
        if (i > 1 && j > 1 && ni === clean.charCodeAt(j - 2) && noisy.charCodeAt(i - 2) === cj) v = Math.min(v, d[(i - 2) * w + j - 2] + transpose);
        const cands = ascii ? this.asciiMulti[ni * 128 + cj] : this.multiByEnd.get(String.fromCharCode(ni) + '\u0000' + String.fromCharCode(cj));
        if (cands) {
          for (const mc of cands) {
            const ln = mc.noisy.length;
            const lc = mc.clean.length;
            if (ln > i || lc > j) continue;
            if (noisy.startsWith(mc.noisy, i - ln) && clean.startsWith(mc.clean, j - lc)) {
              v = Math.min(v, d[(i - ln) * w + j - lc] + mc.cost);
            }
          }
        }
        d[i * w + j] = v;
      }
    }
    return d[n * w + m];
  }

  /** Cost of reading clean character code `c` as noisy code `n` (0 when they are the same). */
  substitution(n: number, c: number): number {
    return n === c ? 0 : this.subCost(n, c, n < 128 && c < 128, this.costs.edit);
  }

  /** The least cost of noisy code `n` standing for any other clean character (remembered per code). */
  cheapestMisreadOf(n: number): number {
    let v = this.cheapestMisread.get(n);
    if (v === undefined) {
      v = this.costs.edit;
      for (const [key, cost] of this.sub) if (cost < v && key.charCodeAt(0) === n) v = cost;
      this.cheapestMisread.set(n, v);
    }
    return v;
  }

  /** Every multi-character confusion (both sides non-empty). */
  multiConfusions(): ReadonlyArray<{ noisy: string; clean: string; cost: number }> {
    return this.multi;
  }

  /** Cost of the noisy word having an extra character at position i. */
  insertion(noisy: string, i: number): number {
    return this.insCost(noisy, i);
  }

  /** Cost of the noisy word lacking clean character `ch`, which follows `prev` in the clean word. */
  deletion(ch: string, prev: string | undefined): number {
    return this.cheapDel.get(ch) ?? (prev === ch ? this.costs.double : this.costs.edit);
  }

  /** Multi-character confusions whose noisy side ends in code `n` and whose clean side ends in code `c`. */
  multiEndingIn(n: number, c: number): ReadonlyArray<{ noisy: string; clean: string; cost: number }> | undefined {
    return n < 128 && c < 128 ? this.asciiMulti[n * 128 + c] : this.multiByEnd.get(String.fromCharCode(n) + '\u0000' + String.fromCharCode(c));
  }

  /** Cost of reading clean character `c` as noisy `n` (codes; different characters). */
  private subCost(n: number, c: number, ascii: boolean, edit: number): number {
    if (ascii) {
      const v = this.asciiSub[n * 128 + c];
      return v === v ? v : edit;
    }
    return this.sub.get(String.fromCharCode(n) + String.fromCharCode(c)) ?? edit;
  }

  /** noisy has an extra character at position i */
  private insCost(noisy: string, i: number): number {
    const ch = noisy[i];
    const cheap = this.cheapIns.get(ch);
    if (cheap !== undefined) return cheap;
    if ((i > 0 && noisy[i - 1] === ch) || (i + 1 < noisy.length && noisy[i + 1] === ch)) return this.costs.double;
    return this.costs.edit;
  }

  /** noisy lacks clean[j] */
  private delCost(clean: string, j: number): number {
    const ch = clean[j];
    const cheap = this.cheapDel.get(ch);
    if (cheap !== undefined) return cheap;
    if ((j > 0 && clean[j - 1] === ch) || (j + 1 < clean.length && clean[j + 1] === ch)) return this.costs.double;
    return this.costs.edit;
  }
}
