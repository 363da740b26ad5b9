/** A source of uniform random numbers in [0, 1). Create one with `createRng(seed)`. */
export type Rng = () => number;

/** Kinds of corruption. Rule-based corruptors use all of them; `classifyEdit` maps any edit to one. */
export const ERROR_KINDS = [
  'drop', // a character deleted
  'insert', // a doubled or stray character
  'keyboard', // a QWERTY neighbour typed instead
  'transpose', // two neighbouring characters swapped
  'ocr', // a visual confusion (rn→m, l→1, e→c, …)
  'merge', // a space between words lost
  'split', // a space inserted inside a word
  'hyphenate', // a line-break hyphenation inserted inside a word (exam-\nple)
  'space', // other whitespace noise (stray or doubled spaces)
  'case', // upper/lower case flipped
  'punct', // punctuation dropped, doubled or replaced
  'diacritic', // diacritics stripped
  'ligature', // ligature or long-s artefacts of old prints (ﬁ, ſ, s→f)
  'sub', // any other substitution (only produced by fitted profiles / real data)
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/**
 * One changed span. Offsets are UTF-16 indices into the clean and the noisy string.
 * `clean.slice(cleanStart, cleanEnd) === from` became `noisy.slice(noisyStart, noisyEnd) === to`.
 * Spans not covered by any edit are unchanged; edits are sorted and never overlap
 * (a zero-width edit, `from === ''`, is an insertion before `cleanStart`).
 */
export interface Edit {
  cleanStart: number;
  cleanEnd: number;
  noisyStart: number;
  noisyEnd: number;
  from: string;
  to: string;
  kind: ErrorKind;
}

/** Result of one corruption: replaying `alignment` on `clean` gives `noisy` exactly. */
export interface CorruptResult {
  noisy: string;
  clean: string;
  /** Changed spans only, sorted; unchanged spans are derivable with `fullAlignment`. */
  alignment: Edit[];
}

/** The shape the model package takes corruption in. */
export type CorruptFn = (clean: string, rng: Rng) => CorruptResult;

/** Per-kind rates: probability per eligible character (see docs/corruptors.md for eligibility). */
export type Rates = Partial<Record<Exclude<ErrorKind, 'sub'>, number>>;

export interface Corruptor {
  readonly name: string;
  /** Rates this corruptor applies (for a profile corruptor: the fitted per-kind rates, scaled). */
  readonly rates: Readonly<Rates>;
  /** Corrupt `text`; pass an `Rng` to continue a stream or a seed for a one-off deterministic call. */
  corrupt(text: string, rng: Rng | number | string): CorruptResult;
  /** The same as `corrupt`, with the `CorruptFn` shape (already bound). */
  readonly fn: CorruptFn;
}
