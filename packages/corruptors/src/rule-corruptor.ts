import { toRng } from './rng.js';
import { keyboardNeighbour, KEYBOARD_NEIGHBOURS } from './keyboard.js';
import { OCR_BY_FIRST } from './ocr-table.js';
import { protectedSpans } from './protected-spans.js';
import type { Corruptor, CorruptResult, Edit, ErrorKind, Rates, Rng } from './types.js';
import {
  CLASS_COUNT,
  CLASS_TABLE,
  CLS_ACCENTED,
  CLS_DIGIT,
  CLS_LATIN,
  CLS_LOWER,
  CLS_OTHER,
  CLS_PUNCT,
  CLS_SPACE,
  CLS_UPPER,
  classOf,
  isAttached,
  isDecomposedLatin,
  isLatinLetterClass,
  spaceInLatin,
  stripDiacritics,
  unitEnd,
} from './unicode.js';

/** The kinds a rule-based corruptor can apply, in the order they are drawn. */
export const RULE_KINDS = [
  'drop',
  'insert',
  'keyboard',
  'transpose',
  'ocr',
  'merge',
  'split',
  'hyphenate',
  'space',
  'case',
  'punct',
  'diacritic',
  'ligature',
] as const satisfies readonly ErrorKind[];
export type RuleKind = (typeof RULE_KINDS)[number];

const LETTERS = [CLS_LOWER, CLS_UPPER, CLS_ACCENTED, CLS_LATIN];
/** Which character classes each kind is drawn for (further conditions apply, see docs). */
export const ELIGIBLE: Record<RuleKind, readonly number[]> = {
  drop: [...LETTERS, CLS_DIGIT],
  insert: [...LETTERS, CLS_DIGIT],
  keyboard: [CLS_LOWER, CLS_UPPER, CLS_DIGIT],
  transpose: LETTERS,
  ocr: [CLS_LOWER, CLS_UPPER, CLS_DIGIT, CLS_PUNCT],
  merge: [CLS_SPACE],
  split: LETTERS,
  hyphenate: LETTERS,
  space: [CLS_SPACE, CLS_PUNCT],
  case: LETTERS,
  punct: [CLS_PUNCT],
  diacritic: [CLS_ACCENTED],
  ligature: [CLS_LOWER, CLS_LATIN],
};

const K_DROP = 0, K_INSERT = 1, K_KEYBOARD = 2, K_TRANSPOSE = 3, K_OCR = 4, K_MERGE = 5, K_SPLIT = 6,
  K_HYPHEN = 7, K_SPACE = 8, K_CASE = 9, K_PUNCT = 10, K_DIACRITIC = 11, K_LIGATURE = 12;

export interface RuleCorruptorConfig {
  name?: string;
  rates: Rates;
}

export interface CorruptorOptions {
  /** Multiply every rate by this factor (default 1). */
  scale?: number;
  /** Leave URLs, e-mail addresses and `www.` hosts untouched (default true). */
  protectLinks?: boolean;
}

function isWsCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
}

function letterAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isLatinLetterClass(classOf(text.charCodeAt(i)));
}

/** True if a single code unit at `i` stands alone (nothing attached after it). */
function single(text: string, i: number): boolean {
  const d = text.charCodeAt(i + 1);
  return !(d >= 0x300 && isAttached(d));
}

/** Build a corruptor from per-kind rates (probability per eligible character). */
export function createRuleCorruptor(config: RuleCorruptorConfig, options: CorruptorOptions = {}): Corruptor {
  const scale = options.scale ?? 1;
  const protect = options.protectLinks ?? true;
  const rates: Rates = {};
  for (const [k, v] of Object.entries(config.rates) as [RuleKind, number | undefined][]) {
    if (!(RULE_KINDS as readonly string[]).includes(k)) throw new RangeError(`unknown corruption kind "${k}"`);
    if (v === undefined) continue;
    const s = v * scale;
    if (!(s >= 0 && s <= 1)) throw new RangeError(`rate for "${k}" must be within [0, 1] after scaling, got ${s}`);
    rates[k] = s;
  }
  // cumulative thresholds per class
  const cum: Float64Array[] = [];
  const total = new Float64Array(CLASS_COUNT);
  for (let cls = 0; cls < CLASS_COUNT; cls++) {
    const arr = new Float64Array(RULE_KINDS.length);
    let acc = 0;
    RULE_KINDS.forEach((k, idx) => {
      if (ELIGIBLE[k].includes(cls)) acc += rates[k] ?? 0;
      arr[idx] = acc;
    });
    if (acc > 1) throw new RangeError(`rates for one character class sum to ${acc.toFixed(3)} > 1`);
    cum.push(arr);
    total[cls] = acc;
  }
  total[CLS_OTHER] = 0;

  const corruptWith = (text: string, rng: Rng): CorruptResult => {
    const n = text.length;
    const edits: Edit[] = [];
    let noisy = '';
    let copied = 0;
    const prot = protect ? protectedSpans(text) : [];
    let pi = 0;
    let nextProt = prot.length > 0 ? prot[0] : n + 1;
    let i = 0;
    while (i < n) {
      if (i >= nextProt) {
        i = prot[pi + 1];
        pi += 2;
        nextProt = pi < prot.length ? prot[pi] : n + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      let cls: number;
      let j = i + 1;
      if (c < 0x250) {
        cls = CLASS_TABLE[c];
        if (j < n) {
          const d = text.charCodeAt(j);
          if (d >= 0x300 && isAttached(d)) {
            j = unitEnd(text, i);
            cls = isDecomposedLatin(text.slice(i, j)) ? CLS_ACCENTED : CLS_OTHER;
          }
        }
      } else {
        j = unitEnd(text, i);
        cls = j === i + 1 ? classOf(c) : isDecomposedLatin(text.slice(i, j)) ? CLS_ACCENTED : CLS_OTHER;
      }
      if (cls === CLS_OTHER || (cls === CLS_SPACE && !spaceInLatin(text, i))) {
        i = j;
        continue;
      }
      const r = rng();
      if (r >= total[cls]) {
        i = j;
        continue;
      }
      const cc = cum[cls];
      let k = 0;
      while (r >= cc[k]) k++;
      let to: string | null = null;
      let end = j;
      switch (k) {
        case K_DROP:
          to = '';
          break;
        case K_INSERT: {
          const unit = text.slice(i, j);
          if (rng() < 0.5 || !KEYBOARD_NEIGHBOURS.has(unit.toLowerCase())) to = unit + unit;
          else to = unit + keyboardNeighbour(unit, rng());
          break;
        }
        case K_KEYBOARD: {
          const ch = text.charAt(i);
          const nb = keyboardNeighbour(ch, rng());
          if (nb !== ch) to = nb;
          break;
        }
        case K_TRANSPOSE:
          if (j < n && letterAt(text, j) && single(text, j) && text.charCodeAt(j) !== c) {
            to = text.charAt(j) + text.slice(i, j);
            end = j + 1;
          }
          break;
        case K_OCR: {
          const list = OCR_BY_FIRST.get(c);
          if (list === undefined) break;
          let wsum = 0;
          for (const o of list) if (text.startsWith(o.from, i) && single(text, i + o.from.length - 1)) wsum += o.weight;
          if (wsum === 0) break;
          let u = rng() * wsum;
          for (const o of list) {
            if (text.startsWith(o.from, i) && single(text, i + o.from.length - 1)) {
              u -= o.weight;
              to = o.to;
              end = i + o.from.length;
              if (u < 0) break;
            }
          }
          break;
        }
        case K_MERGE:
          if (i > 0 && j < n && !isWsCode(text.charCodeAt(i - 1)) && !isWsCode(text.charCodeAt(j))) to = '';
          break;
        case K_SPLIT:
          if (letterAt(text, i - 1)) to = ' ' + text.slice(i, j);
          break;
        case K_HYPHEN:
          if (letterAt(text, i - 1) && letterAt(text, i - 2) && letterAt(text, j)) {
            to = (rng() < 0.6 ? '-\n' : '- ') + text.slice(i, j);
          }
          break;
        case K_SPACE:
          if (cls === CLS_SPACE) to = '  ';
          else if (i > 0 && !isWsCode(text.charCodeAt(i - 1))) to = ' ' + text.charAt(i);
          break;
        case K_CASE: {
          const unit = text.slice(i, j);
          const lo = unit.toLowerCase();
          const flipped = unit === lo ? unit.toUpperCase() : lo;
          if (flipped !== unit) to = flipped;
          break;
        }
        case K_PUNCT:
          to = rng() < 0.5 ? '' : text.charAt(i) + text.charAt(i);
          break;
        case K_DIACRITIC:
          to = stripDiacritics(text.slice(i, j));
          break;
        case K_LIGATURE:
          if (c === 0x66 /* f */ && j < n) {
            const d = text.charCodeAt(j);
            const e = j + 1 < n ? text.charCodeAt(j + 1) : 0;
            if (d === 0x66 && e === 0x69 && single(text, j + 1)) [to, end] = ['\ufb03', j + 2];
            else if (d === 0x66 && e === 0x6c && single(text, j + 1)) [to, end] = ['\ufb04', j + 2];
            else if (d === 0x66 && single(text, j)) [to, end] = ['\ufb00', j + 1];
            else if (d === 0x69 && single(text, j)) [to, end] = ['\ufb01', j + 1];
            else if (d === 0x6c && single(text, j)) [to, end] = ['\ufb02', j + 1];
          } else if (c === 0x73 /* s */ && j < n && CLASS_TABLE[text.charCodeAt(j)] === CLS_LOWER) {
            to = rng() < 0.6 ? '\u017f' : 'f';
          } else if (c === 0x17f /* ſ */) {
            to = 'f';
          }
          break;
      }
      if (to === null) {
        i = j;
        continue;
      }
      noisy += text.slice(copied, i);
      const noisyStart = noisy.length;
      noisy += to;
      edits.push({
        cleanStart: i,
        cleanEnd: end,
        noisyStart,
        noisyEnd: noisy.length,
        from: text.slice(i, end),
        to,
        kind: RULE_KINDS[k],
      });
      copied = end;
      i = end;
    }
    noisy = copied === 0 ? text : noisy + text.slice(copied);
    return { noisy, clean: text, alignment: edits };
  };

  const fn = (text: string, rng: Rng) => corruptWith(text, rng);
  return {
    name: config.name ?? 'custom',
    rates,
    corrupt: (text, rng) => corruptWith(text, toRng(rng)),
    fn,
  };
}
