import { NON_LATIN, wordsBefore, type Token } from '../text/tokenize.js';
import { NUM, normalizeWord } from '../lexicon/lm-words.js';
import { BOUNDARY } from '../lexicon/bigrams.js';
import { casePattern, mostlyCapitals } from './case.js';
import type { Option } from './candidates.js';
import type { Resources } from './resources.js';
import type { RankParams } from './params.js';
import { noiseLevelBonus } from './noise-level.js';
import { isArchaicInflection, isElidedForm } from '../candidates/spelling-variants.js';
import { afterGluedStop, capitalNeighbour, compoundPiece, fileNameAfterStop, glued, gluedStop, leadingStop, oneForI, productName, sentenceInitial, strayLetter, strayStop, unitAfterNumber } from './token-context.js';

/** A stretch of tokens (one word, or a word hyphenated across a break) that may need correcting. */
export interface Suspect {
  /** first and last token index */
  from: number;
  to: number;
  /** the word as written (hyphenated pieces joined), without a possessive suffix */
  base: string;
  /** possessive `'s` kept after the correction */
  suffix: string;
  /** text to keep after the correction (a line break that was inside the stretch) */
  trailing: string;
  /** the stretch left as it is, as LM words */
  keep: Option;
  /** log bonus of keeping it */
  keepBonus: number;
  /** options found without candidate search (the joined word, deletion of a stray token) */
  extraOptions: Option[];
  options: Option[];
  /** Neural log-probabilities of [keep, ...options] (-Infinity: not scored). */
  neural?: number[];
  /** Words chosen for it by the last decision (the kept words when left alone). */
  chosen?: readonly string[];
  /** The ranker's scores of [keep, ...options] at the last decision. */
  ranked?: number[];
  /** The context scores of [keep, ...options] of the last decision, and the words around the suspect they were for. */
  scoredWith?: { key: string; scores: number[] };
  /** The word starts or ends the text and may be a fragment cut from a longer one. */
  fragment?: 'start' | 'end';
  /** The word ends the text with a hyphen after it (`his applica-`): the start of a word the next line goes on with. */
  hyphenEnd?: true;
  /** Scored by the neural scorer as a second opinion on a surely wrong word the ranker left alone. */
  secondOpinion?: boolean;
  /** Only `extraOptions` are considered (no candidate search). */
  fixed?: boolean;
  /** The word as written is in the lexicon. */
  known?: boolean;
  /** Readings taken from `options` as modern spellings of it (`door` for `doore`), for a later look in plainly old text. */
  olderReadings?: Option[];
  /** Glued to another word by a stray mark: only readings as several words whose spaces were lost are considered. */
  runTogetherOnly?: true;
  /** After a full stop glued before it with nothing solid before that (`.npmrc`, `.ontained`): a file name, or a word after a speck. */
  afterDot?: true;
  /**
   * The figure at this end of the word made it a suspect (`4ook`, `hi4`): its readings replace the figure, never merely
   * drop it (`4chan`, `python3` are names, not a misread `chan`, `python`).
   */
  endFigure?: 'before' | 'after';
}

const POSSESSIVE = /(['’]s)$/i;
/** Product and model codes (T4g, M5a, G4dn): a capital, digits, a short lower-case suffix. */
const MODEL_CODE = /^\p{Lu}\d+\p{Ll}{1,3}$/u;
/** `M'Carthy`, `M'Donald`: the old printers' way of writing Mc, a name to leave as it is. */
const SCOTS_NAME = /^M['’]\p{Lu}/u;
/** A class of HTTP status codes (`4xx`, `5xx`), not a misread word. */
const STATUS_CLASS = /^[1-5]xx$/;
const OCR_DIGITS = /^(?:[015]\p{L}|.*\p{L}\d+\p{L})/u;
/** A count with a unit or a size, not a misread word: `3yrs`, `2xlarge`. */
const COUNT_WITH_UNIT = /^\d(?:x|yrs|mins|secs|wks|mos|pcs|kgs)/u;

/**
 * An `l` or `i` glued before a capital that starts a word (`lHogg`, `lRose`, `iHe`): a speck read as a thin letter.
 * Not the i- of product names (`iPods`), nor other letters, which start names as often (`xUnit`, `kNN`, `pH`).
 */
export function strayInitial(word: string): boolean {
  return /^[li]\p{Lu}\p{Ll}*$/u.test(word) && !productName(word);
}

/**
 * Where a word holds one figure that OCR may have read for a letter at one of its ends: 'before' three lower-case
 * letters or more (`4ook`, `2ecretary`; not a count with a unit), 'after' two letters or more (`hi4`, `Widow9`).
 */
export function endFigureWord(word: string): 'before' | 'after' | null {
  if (/^\d\p{Ll}{3,}$/u.test(word) && !COUNT_WITH_UNIT.test(word)) return 'before';
  return /^\p{L}{2,}\d$/u.test(word) ? 'after' : null;
}

/** What a text (or the whole document it is a piece of) says about its own words. */
export interface TextWords {
  /** how often each word (as LM word) occurs */
  counts: ReadonlyMap<string, number>;
  /** the words that also occur inside its code and paths (`tfjs` in `@tensorflow/tfjs-node`) */
  inCode: ReadonlySet<string>;
}

/** The words of a whole document, when a piece of it is corrected. */
export interface DocumentWords extends TextWords {
  /** the share of its words of two letters or more that the lexicon does not know */
  unknownShare: number;
}

/**
 * Protected tokens whose words are a text's terms: code and paths; not identifiers (OCR garbage often looks like one,
 * `sOlviney`) nor URLs (whose words are any words).
 */
const CODE_KINDS = new Set(['code', 'path']);
/** The words inside a protected token: runs of three letters or more. */
const CODE_WORD = /\p{L}{3,}/gu;

/** Counts the words of `tokens`, and the words written inside their protected tokens (see `TextWords`). */
export function textWords(tokens: readonly Token[]): TextWords {
  const counts = new Map<string, number>();
  const inCode = new Set<string>();
  for (const t of tokens) {
    if (t.kind === 'word') {
      const q = normalizeWord(t.text);
      counts.set(q, (counts.get(q) ?? 0) + 1);
    } else if (t.kind === 'protected' && CODE_KINDS.has(t.protectedKind!)) {
      for (const piece of t.text.match(CODE_WORD) ?? []) inCode.add(piece.toLowerCase());
    }
  }
  return { counts, inCode };
}

/** `textWords` of a whole document, with the share of its words that `isKnown` does not know. */
export function documentWords(tokens: readonly Token[], isKnown: (word: string) => boolean): DocumentWords {
  const own = textWords(tokens);
  let words = 0;
  let unknown = 0;
  for (const [w, n] of own.counts) {
    if (w.length < 2) continue;
    words += n;
    if (!isKnown(w)) unknown += n;
  }
  return { ...own, unknownShare: words === 0 ? 0 : unknown / words };
}

/**
 * The stretches of `tokens` that may need correcting; `query`: the text is a spelling query (see `isSpellingQuery`);
 * `document`: the words of the whole document when `tokens` are one piece of it.
 */
export function findSuspects(tokens: Token[], res: Resources, query: boolean, document?: DocumentWords): Suspect[] {
  const out: Suspect[] = [];
  const p = res.params;
  // in a clean document a term recurs far apart; in a scan, so does a misreading: its repeats count in this piece only
  const wholeDocument = document !== undefined && document.unknownShare < p.documentRepeatsMaxShare;
  const local = wholeDocument ? null : textWords(tokens);
  const seen = local?.counts ?? document!.counts;
  const inCode = document?.inCode ?? local!.inCode;
  // where each one-letter word stands (its word number)
  const wordNo = wordsBefore(tokens);
  const lettersAt = new Map<string, number[]>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === 'word') {
      // (in its own case: a capital standing alone is an initial, `P. Smith`, not the stray `p`)
      const letter = tokens[i].text;
      if (letter.length === 1) {
        const at = lettersAt.get(letter);
        if (at) at.push(wordNo[i]);
        else lettersAt.set(letter, [wordNo[i]]);
      }
    }
  }
  // the first and the last token that is not a space: a word there may be a fragment cut from a longer one
  const firstSolid = tokens.findIndex((t) => t.kind !== 'space');
  let lastSolid = tokens.length - 1;
  while (lastSolid >= 0 && tokens[lastSolid].kind === 'space') lastSolid--;
  const noise = noiseLevelBonus(tokens, res);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const noiseBonus = noise.word(i);
    if (t.kind === 'number' && oneForI(tokens, i)) {
      // written as `I` (the casing of the base), scored as the pronoun against the number it looks like
      out.push({ ...oneWord(i, t, 'I', NUM, { keepBonus: p.oneAsIKeepBonus, extraOptions: [{ words: ['i'], cost: 0 }], fixed: true }), suffix: '' });
      continue;
    }
    if (t.kind === 'punct' && p.strayStopKeepBonus !== null && !query) {
      // a full stop glued to a word inside a sentence (`he. had`), or read where a space was (`to.his`), may be a
      // speck: the word pairs weigh a break there against none (the second is replaced by a space)
      // and one glued to the front of a common word after a space (`prisoner .who had`), read as a speck
      const leading = p.leadingStopMinCount !== null && leadingStop(tokens, i, (w) => res.lexicon.corpusCount(w) >= p.leadingStopMinCount!);
      const trailing = strayStop(tokens, i) || leading ? '' : gluedStop(tokens, i) && !speckInWord(tokens, i, res) ? ' ' : null;
      if (trailing !== null) {
        const keep = { words: [BOUNDARY], cost: 0 };
        out.push({ from: i, to: i, base: t.text, suffix: '', trailing, keep, keepBonus: p.strayStopKeepBonus, extraOptions: [{ words: [], cost: 0 }], options: [], fixed: true });
        continue;
      }
    }
    if (t.kind !== 'word') continue;
    const hy = hyphenOverJunk(tokens, i, res) ?? hyphenated(tokens, i, res) ?? innerHyphen(tokens, i, res) ?? spaceSplit(tokens, i, res);
    if (hy) {
      out.push(hy);
      i = hy.to;
      continue;
    }
    // a letter that stands alone more than once nearby is a symbol of the text (a variable, a label), not a stray mark
    if (strayLetter(tokens, i) && !symbolOfText(lettersAt.get(t.text) ?? [], wordNo[i], p.symbolWindow)) {
      const q = t.text;
      // a lone `m` may be `in` misread; in a noisy text a lone `n` may be `a` (its bowl read as an arch)
      const lonelyA = q === 'n' && p.loneNCost !== null && noise.letter(i) <= 0;
      const extraOptions = [
        { words: [], cost: p.strayDeleteCost },
        ...(q === 'm' ? [{ words: ['in'], cost: p.loneMCost }] : []),
        ...(lonelyA ? [{ words: ['a'], cost: p.loneNCost! }] : []),
      ];
      out.push(oneWord(i, t, q, q, { keepBonus: p.strayLetterKeepBonus + p.strayLetterNoiseWeight * noise.letter(i), extraOptions, fixed: true }));
      continue;
    }
    if (t.text.length < 2 || NON_LATIN.test(t.text) || SCOTS_NAME.test(t.text) || unitAfterNumber(tokens, i)) continue;
    // a piece glued to another word by a stray mark (`compt,tational`, `l)egano`) is not a word to complete; only a
    // long one may still be read as words whose spaces were lost (`Hemadeherpresents,andeven`)
    const isGlued = glued(tokens, i);
    if (isGlued && (p.runTogetherMinLength === null || t.text.length < p.runTogetherMinLength)) continue;
    const m = POSSESSIVE.exec(t.text);
    const base = m && t.text.length > 3 ? t.text.slice(0, -2) : t.text;
    const q = normalizeWord(base);
    // a word the text also writes as code (`wasm` beside `tfjs-backend-wasm`) is one of its terms
    if (inCode.has(q)) continue;
    // an elided ending is a spelling of older print and verse (perform'd, apply'd), not a misreading
    if (isElidedForm(q, (w) => res.lexicon.has(w))) continue;
    // and so, in running text, is an older inflection of a known verb (followeth, knowest); a word given alone is a typist's
    if (!query && p.archaicInflectionMinCount !== null && isArchaicInflection(q, (w) => res.lexicon.corpusCount(w), p.archaicInflectionMinCount)) continue;
    const hasDigit = /\d/.test(q);
    // digits inside letters (c4t, wor1d) or a leading 0/1/5 (0n, 1n) are OCR; so, where the parameters ask for it, is
    // one other figure before lower-case letters (4ook) or after letters (hi4), which may also be an id (eth0)
    const ocrDigits = hasDigit && OCR_DIGITS.test(q) && !MODEL_CODE.test(base) && !STATUS_CLASS.test(q);
    const endFigure = p.endFigureKeepBonus !== null && hasDigit && !ocrDigits ? endFigureWord(base) : null;
    if (hasDigit && !ocrDigits && endFigure === null) continue;
    // a word given alone is a spelling query: a form the corpus has only a few times is more likely a misspelling
    const minCount = query ? p.queryKnownMinCount : 0;
    const known = !hasDigit && res.lexicon.has(q) && (minCount === 0 || res.lexicon.corpusCount(q) >= minCount);
    const count = known ? res.lexicon.corpusCount(q) : 0;
    const pattern = casePattern(base);
    // a short lower-case token between two known words may be a stray mark (margin noise, a broken letter)
    const stray =
      q.length <= 2 && !hasDigit && count < p.strayMaxCount && pattern === 'lower' && knownNeighbours(tokens, i, res);
    if (known && (count > p.rareWordCount || q.length < 3) && !stray) {
      const lookAlikes = res.confusions.get(q);
      // (a compound's word in clean text is written as meant: `line-end`; a scan's hyphen may be a misread space)
      if (lookAlikes && pattern !== 'upper' && (p.compoundRealWords || noiseBonus <= 0 || !compoundPiece(tokens, i))) {
        out.push(
          oneWord(i, t, base, q, {
            keepBonus: p.realWordKeepBonus,
            extraOptions: lookAlikes.map((w) => ({ words: [w], cost: res.channel.cost(q, w) })),
            fixed: true,
          }),
        );
      }
      continue;
    }
    // short all-caps tokens are acronyms; leave them unless they hold digits (OCR)
    if (!hasDigit && pattern === 'upper' && base.length <= 4 && count <= p.rareWordCount) continue;
    // a word in capitals among words in capitals is a heading's word, not a name set apart by its capitals
    // (also a misread one that is mostly capitals: `AccrDENT`)
    const heading = (pattern === 'upper' || mostlyCapitals(base)) && p.headingWordsNotNames && capitalNeighbour(tokens, i);
    const nameLike = !hasDigit && (pattern === 'title' || pattern === 'upper') && !heading && !sentenceInitial(tokens, i);
    // an unknown word that recurs in the same text is more likely a real term than the same misreading twice;
    // the bonus does not grow with the count, so a misreading repeated all through a long scan is still fixed
    // (in a clean document a known word used again and again is meant too: `typo` in a text about typos, not `type`)
    const repeats = known ? (wholeDocument && p.knownRepeats !== null && (seen.get(q) ?? 1) >= p.knownRepeats ? 1 : 0) : (seen.get(q) ?? 1) - 1;
    // how much an unknown word reads like a word (letter-trigram shape); not asked of known words or ones with digits
    const shape = known || hasDigit ? null : res.shape.score(q);
    const keepBonus =
      (known ? p.knownKeepBonus + (nameLike && res.lexicon.isProper(q) ? p.knownNameKeepBonus : 0) : nameLike ? p.nameKeepBonus : 0) +
      (repeats > 0 ? p.repeatKeepBonus : 0) +
      (known ? Math.max(0, noiseBonus) : noiseBonus) +
      (endFigure === 'after' ? p.endFigureKeepBonus! : 0) +
      // an unknown word that reads like a word (rheme, synset) is likelier a term than a misreading (cohlmn)
      (shape === null ? 0 : p.shapeWeight * (shape - p.shapeRef) - lengthMalus(q.length, shape, p));
    // (a word with a hyphen after it and nothing else is the start of a word broken at the line's end: `applica-`)
    const hyphenEnd = i + 1 === lastSolid && tokens[i + 1].text === '-';
    const fragment = i === firstSolid ? 'start' : i === lastSolid || hyphenEnd ? 'end' : undefined;
    const extraOptions: Option[] = stray ? [{ words: [], cost: p.strayDeleteCost }] : [];
    if (p.strayInitialCost !== null && !known && strayInitial(base) && res.lexicon.has(q.slice(1))) extraOptions.push({ words: [q.slice(1)], cost: p.strayInitialCost });
    const dotted = afterGluedStop(tokens, i);
    // a file type or domain after its full stop is left as it is (`.csv`, `.pem`), and so is a file's name (`a .nvmrc file`)
    if (dotted && fileNameAfterStop(tokens, i)) continue;
    const rest = {
      ...(isGlued ? { runTogetherOnly: true as const } : {}),
      ...(endFigure ? { endFigure } : {}),
      ...(dotted ? { afterDot: true as const } : {}),
      ...(hyphenEnd ? { hyphenEnd: true as const } : {}),
    };
    out.push(oneWord(i, t, base, q, { keepBonus, extraOptions, fragment, known, ...rest }));
  }
  return out;
}

/**
 * A letter that stands alone more than once within `window` words (anywhere in the text when null) is a symbol of
 * the text (a variable, a label), not a stray mark; a long scan has the same stray letter twice by chance.
 */
function symbolOfText(at: readonly number[], word: number, window: number | null): boolean {
  if (window === null) return at.length >= 2;
  let near = 0;
  for (const w of at) if (Math.abs(w - word) <= window) near++;
  return near >= 2;
}

/**
 * An unknown word that does not read like a word (letter-trigram shape at most `unknownLengthShape`) is the less
 * likely to be a word of its own the longer it is (`honeurabhe`, `jjmtifled`): a log malus per letter beyond
 * `unknownLengthFrom`. Terms that read like words (`coreference`, `postmodification`) get none; a name written as
 * one keeps its own bonus.
 */
function lengthMalus(length: number, shape: number, p: RankParams): number {
  if (length <= p.unknownLengthFrom || shape > p.unknownLengthShape) return 0;
  return p.unknownLengthCost * (length - p.unknownLengthFrom);
}

/** A suspect covering the single word token `i` (its possessive suffix kept apart). */
function oneWord(i: number, t: Token, base: string, q: string, rest: Pick<Suspect, 'keepBonus' | 'extraOptions'> & Partial<Suspect>): Suspect {
  return { from: i, to: i, base, suffix: t.text.slice(base.length), trailing: '', keep: { words: [q], cost: 0 }, options: [], ...rest };
}

/** `atten- tion` or `exten-\nsion` (one line break at most; it is kept after the word). */
function hyphenated(tokens: Token[], i: number, res: Resources): Suspect | null {
  const a = tokens[i];
  const dash = tokens[i + 1];
  const gap = tokens[i + 2];
  const b = tokens[i + 3];
  if (!dash || !gap || !b || dash.text !== '-' || gap.kind !== 'space' || b.kind !== 'word') return null;
  if (a.start > 0 && tokens[i - 1]?.text === '-') return null;
  const breaks = (gap.text.match(/\n/g) ?? []).length;
  if (breaks > 1) return null;
  const la = normalizeWord(a.text);
  const lb = normalizeWord(b.text);
  // two known words joined by a hyphen are usually a compound written as such
  const aKnown = res.lexicon.corpusCount(la) >= 5;
  const bKnown = res.lexicon.corpusCount(lb) >= 5;
  if (aKnown && bKnown && !res.lexicon.has(la + lb)) return null;
  if (/\d/.test(la + lb)) return null;
  const base = a.text + b.text;
  const joined = normalizeWord(base);
  return {
    from: i,
    to: i + 3,
    base,
    suffix: '',
    trailing: breaks ? '\n' : '',
    keep: { words: [la, lb], cost: 0 },
    keepBonus: 0,
    extraOptions: res.lexicon.has(joined) ? [{ words: [joined], cost: res.params.hyphenJoinCost }] : [],
    options: [],
    fragment: undefined,
    // pieces that join into a known word are read right: the choice is only whether to join them
    fixed: res.lexicon.has(joined) ? true : undefined,
  };
}

/**
 * `pas- hE senger`, `magis- g e trate`: a word hyphenated at a line end with one or two marks of the margin (short
 * tokens) printed between its pieces. Joining the pieces over them is an option where that makes a known word.
 */
function hyphenOverJunk(tokens: Token[], i: number, res: Resources): Suspect | null {
  const a = tokens[i];
  if (tokens[i + 1]?.text !== '-' || tokens[i + 2]?.kind !== 'space' || tokens[i + 2].text !== ' ') return null;
  let j = i + 3;
  let junk = 0;
  while (junk < MAX_JUNK && tokens[j] && tokens[j].kind !== 'space' && tokens[j].text.length <= 2 && tokens[j + 1]?.text === ' ') {
    junk++;
    j += 2;
  }
  const b = tokens[j];
  if (junk === 0 || !b || b.kind !== 'word') return null;
  const la = normalizeWord(a.text);
  const lb = normalizeWord(b.text);
  const joined = la + lb;
  if (/\d/.test(joined) || res.lexicon.corpusCount(joined) < SPLIT_JOIN_MIN_COUNT) return null;
  const keep = tokens.slice(i, j + 1).filter((t) => t.kind === 'word').map((t) => normalizeWord(t.text));
  return joinOnly(i, j, a.text + b.text, keep, { words: [joined], cost: res.params.hyphenJoinCost });
}

/** Most margin marks between the pieces of a hyphenated word. */
const MAX_JUNK = 2;

/**
 * `aggre-gate`: a word hyphenated at a line end whose break was taken out, its pieces not both words
 * (`well-known` is left to the ranker), that joins into a known word. Joining is the only option.
 */
function innerHyphen(tokens: Token[], i: number, res: Resources): Suspect | null {
  const a = tokens[i];
  const dash = tokens[i + 1];
  const b = tokens[i + 2];
  if (!dash || !b || dash.text !== '-' || b.kind !== 'word' || dash.start !== a.end || b.start !== dash.end) return null;
  if (tokens[i - 1]?.text === '-' || tokens[i + 3]?.text === '-') return null;
  const la = normalizeWord(a.text);
  const lb = normalizeWord(b.text);
  const word = (w: string) => res.lexicon.corpusCount(w) >= 5;
  if ((word(la) && word(lb)) || /\d/.test(la + lb)) return null;
  const joined = la + lb;
  if (res.lexicon.corpusCount(joined) < SPLIT_JOIN_MIN_COUNT) return null;
  return joinOnly(i, i + 2, a.text + b.text, [la, lb], { words: [joined], cost: res.params.hyphenJoinCost });
}

/**
 * `pro ceed`, `opposi tion`, `mo t`: a word broken by a space (a lost line-break hyphen, a gap in the type) whose
 * pieces are not both words. The pieces are not corrected one by one; joining them is an option whose cost
 * (`spaceJoinCost`) says how often the print's own convention keeps such breaks (null: never join).
 */
function spaceSplit(tokens: Token[], i: number, res: Resources): Suspect | null {
  const a = tokens[i];
  const gap = tokens[i + 1];
  const b = tokens[i + 2];
  if (!gap || !b || gap.kind !== 'space' || gap.text !== ' ' || b.kind !== 'word') return null;
  const la = normalizeWord(a.text);
  const lb = normalizeWord(b.text);
  const joined = la + lb;
  if (joined.length < 5 || /\d/.test(joined) || res.lexicon.corpusCount(joined) < SPLIT_JOIN_MIN_COUNT) return null;
  // two words in their own right (`a way` / `away`) are left to the ranker
  const word = (w: string) => (w.length === 1 ? w === 'a' || w === 'i' : res.lexicon.corpusCount(w) >= SPLIT_JOIN_MIN_COUNT);
  if (word(la) && word(lb)) return null;
  const cost = res.params.spaceJoinCost;
  return joinOnly(i, i + 2, a.text + b.text, [la, lb], cost === null ? null : { words: [joined], cost });
}

/** A stretch of word pieces whose only choice is to stay as they are or to be joined (`join`; null: stay). */
function joinOnly(from: number, to: number, base: string, pieces: string[], join: Option | null): Suspect {
  const keep = { words: pieces, cost: 0 };
  return { from, to, base, suffix: '', trailing: '', keep, keepBonus: 0, extraOptions: join ? [join] : [], options: [], fixed: true };
}

/** A word must be seen this often to be the join of a broken word. */
const SPLIT_JOIN_MIN_COUNT = 20;

/** The nearest words on both sides (within the sentence) are known words, or there is none. */
function knownNeighbours(tokens: Token[], i: number, res: Resources): boolean {
  const ok = (j: number, step: number): boolean => {
    for (; j >= 0 && j < tokens.length; j += step) {
      const t = tokens[j];
      if (t.kind === 'space') continue;
      if (t.kind !== 'word') return true;
      return res.lexicon.corpusCount(normalizeWord(t.text)) >= 5;
    }
    return true;
  };
  return ok(i - 1, -1) && ok(i + 1, 1);
}


/** The stop at `i` sits inside a word (`be.st`, `re.quests`) or a dotted name (`dsv.su.se`), not between two words. */
function speckInWord(tokens: Token[], i: number, res: Resources): boolean {
  const dotted = tokens[i - 2]?.text === '.' || tokens[i + 2]?.text === '.';
  return dotted || res.lexicon.has(normalizeWord(tokens[i - 1].text + tokens[i + 1].text));
}

