import { charEdits, codePoints } from './levenshtein.js';
import { alignWords, TokenIds, words } from './word-alignment.js';

/** Raw counts for one (noisy, clean, corrected) triple or a sum of them. */
export interface Counts {
  items: number;
  /** Items whose corrected text equals the clean text exactly. */
  exact: number;
  refChars: number;
  noisyChars: number;
  charEditsBefore: number;
  charEditsAfter: number;
  refWords: number;
  wordEditsBefore: number;
  wordEditsAfter: number;
  /** Reference words the noisy text already had right. */
  rightBefore: number;
  /** ... of which the corrected text got wrong. */
  broken: number;
  /** Reference words the noisy text had wrong. */
  wrongBefore: number;
  /** ... of which the corrected text got right. */
  fixed: number;
  /** Reference words whose aligned token the corrector changed (its edits). */
  changed: number;
  /** Changed words that now equal the reference word (true-positive edits). */
  changedRight: number;
}

export function emptyCounts(): Counts {
  return {
    items: 0,
    exact: 0,
    refChars: 0,
    noisyChars: 0,
    charEditsBefore: 0,
    charEditsAfter: 0,
    refWords: 0,
    wordEditsBefore: 0,
    wordEditsAfter: 0,
    rightBefore: 0,
    broken: 0,
    wrongBefore: 0,
    fixed: 0,
    changed: 0,
    changedRight: 0,
  };
}

/** Counts for one triple. Words are whitespace tokens compared exactly (case and punctuation included). */
export function countPair(noisy: string, clean: string, corrected: string): Counts {
  const c = emptyCounts();
  c.items = 1;
  c.exact = corrected === clean ? 1 : 0;
  c.refChars = codePoints(clean).length;
  c.noisyChars = codePoints(noisy).length;
  c.charEditsBefore = noisy === clean ? 0 : charEdits(noisy, clean);
  c.charEditsAfter = corrected === clean ? 0 : corrected === noisy ? c.charEditsBefore : charEdits(corrected, clean);
  const ids = new TokenIds();
  const ref = words(clean);
  const before = alignWords(words(noisy), ref, ids);
  const after = corrected === noisy ? before : alignWords(words(corrected), ref, ids);
  c.refWords = ref.length;
  c.wordEditsBefore = before.distance;
  c.wordEditsAfter = after.distance;
  for (let i = 0; i < ref.length; i++) {
    const was = before.alignedToRef[i];
    const now = after.alignedToRef[i];
    const wasRight = was === ref[i];
    const nowRight = now === ref[i];
    if (wasRight) {
      c.rightBefore++;
      if (!nowRight) c.broken++;
    } else {
      c.wrongBefore++;
      if (nowRight) c.fixed++;
    }
    if (was !== now) {
      c.changed++;
      if (nowRight) c.changedRight++;
    }
  }
  return c;
}

export function addCounts(into: Counts, more: Counts): Counts {
  for (const k of Object.keys(into) as (keyof Counts)[]) into[k] += more[k];
  return into;
}

/** Set-level figures, micro-averaged (total edits / total reference length). null where undefined (0/0). */
export interface Metrics {
  items: number;
  exactMatch: number | null;
  cerBefore: number | null;
  cerAfter: number | null;
  /** (CER_before − CER_after) / CER_before; negative when the corrector makes text worse. */
  cerReduction: number | null;
  werBefore: number | null;
  werAfter: number | null;
  werReduction: number | null;
  /** Share of wrong reference words that became right. */
  fixRate: number | null;
  /** Share of right reference words that became wrong. */
  brokenRate: number | null;
  /** Share of reference words whose token the corrector changed. */
  changedRate: number | null;
  /** Of the corrector's word edits, the share that produced the reference word. */
  precision: number | null;
  /** Of the words needing an edit, the share edited to the reference word (equals fixRate). */
  recall: number | null;
  f05: number | null;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

export function fBeta(p: number | null, r: number | null, beta: number): number | null {
  if (p === null || r === null) return null;
  const b2 = beta * beta;
  const den = b2 * p + r;
  return den === 0 ? 0 : ((1 + b2) * p * r) / den;
}

export function finalizeCounts(c: Counts): Metrics {
  const cerBefore = ratio(c.charEditsBefore, c.refChars);
  const cerAfter = ratio(c.charEditsAfter, c.refChars);
  const werBefore = ratio(c.wordEditsBefore, c.refWords);
  const werAfter = ratio(c.wordEditsAfter, c.refWords);
  // No edits at all: precision is undefined; report 1 only if nothing needed doing.
  const precision = c.changed === 0 ? (c.wrongBefore === 0 ? 1 : null) : c.changedRight / c.changed;
  const recall = ratio(c.changedRight, c.wrongBefore);
  return {
    items: c.items,
    exactMatch: ratio(c.exact, c.items),
    cerBefore,
    cerAfter,
    cerReduction: cerBefore === null || cerAfter === null ? null : ratio(c.charEditsBefore - c.charEditsAfter, c.charEditsBefore),
    werBefore,
    werAfter,
    werReduction: ratio(c.wordEditsBefore - c.wordEditsAfter, c.wordEditsBefore),
    fixRate: ratio(c.fixed, c.wrongBefore),
    brokenRate: ratio(c.broken, c.rightBefore),
    changedRate: ratio(c.changed, c.refWords),
    precision,
    recall,
    f05: fBeta(precision ?? (c.changed === 0 ? 0 : null), recall, 0.5),
  };
}

/** Metrics of a whole set of triples. */
export function scoreSet(noisy: readonly string[], clean: readonly string[], corrected: readonly string[]): Metrics {
  const total = emptyCounts();
  for (let i = 0; i < noisy.length; i++) addCounts(total, countPair(noisy[i], clean[i], corrected[i]));
  return finalizeCounts(total);
}
