import type { Token } from '../text/tokenize.js';
import { casePattern } from './case.js';

/**
 * What a token's neighbours say about it: whether it starts a sentence, stands alone as a stray letter, is glued to
 * another word by a stray mark, is a `1` that may be `I`, or is the whole of a spelling query. Pure functions of the
 * token list; the detector (`suspects.ts`) turns them into suspects.
 */

const SENTENCE_END = new Set(['.', '!', '?']);
/** Abbreviated titles before a name. */
const TITLES = new Set(['Mr', 'Mrs', 'Messrs', 'Dr', 'St', 'Rev', 'Revd', 'Capt', 'Col', 'Gen', 'Lieut', 'Lt', 'Sgt', 'Prof', 'Hon', 'Sen', 'Gov', 'Supt', 'Insp', 'Mt', 'Ft', 'Jun', 'Ald', 'Sr', 'Jr', 'Ms', 'Mme', 'Mlle']);

/**
 * The text is one bare word (no punctuation, not all capitals): a spelling query, most likely typed by a person.
 * A line of a scan with one word on it (`ARRIVALS.`, `prisonment`) usually has punctuation or capitals.
 */
export function isSpellingQuery(tokens: Token[]): boolean {
  let words = 0;
  for (const t of tokens) {
    if (t.kind === 'word') {
      if (++words > 1 || (t.text.length > 1 && casePattern(t.text) === 'upper')) return false;
    } else if (t.kind !== 'space') return false;
  }
  return words === 1;
}

/** Lower-case letters that stand alone in English prose: a, I written small, o (vocative), u (you), v (versus), x (times). */
const LONE_LETTERS = /^[b-hj-np-twyz]$/;

/** A lower-case letter standing alone between spaces (or a text boundary), with a word on at least one side. */
export function strayLetter(tokens: Token[], i: number): boolean {
  if (!LONE_LETTERS.test(tokens[i].text)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if ((prev && prev.kind !== 'space') || (next && next.kind !== 'space')) return false;
  const word = (t: Token | undefined) => t !== undefined && t.kind === 'word';
  return word(tokens[i - 2]) || word(tokens[i + 2]);
}

/**
 * A lone `1` before a lower-case word, not next to other numbers (`1 did but`, `and 1 stood`): old faces print the
 * pronoun I so that OCR reads it as the digit. Whether it is the number is left to the context model.
 */
export function oneForI(tokens: Token[], i: number): boolean {
  if (tokens[i].text !== '1') return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (prev && prev.kind !== 'space') return false;
  if (next?.kind !== 'space' || after?.kind !== 'word' || !/^\p{Ll}/u.test(after.text)) return false;
  // a list or range of numbers (`12, 1 and 3`, `1 or 2`): the nearest number-or-word on either side is a number
  // (other than another lone 1, which is as likely an I: `and 1 now record that 1 saw`)
  const solid = (t: Token) => t.kind === 'word' || t.kind === 'number';
  const listed = (t: Token | undefined) => t?.kind === 'number' && t.text !== '1';
  return !listed(nearestToken(tokens, i - 1, -1, solid)) && !listed(nearestToken(tokens, i + 3, 1, solid));
}

/** Marks that legitimately join two words without a space. */
const JOINERS = new Set(['-', '‐', '–', '/', "'", '’', '&', '+', '.']);

/**
 * The word touches another word or number through a single mark that does not join words (`8,yntax`, `l;yt)c`,
 * `Te~ter`): most likely a piece of a word a misread letter split, which no correction of the piece alone restores.
 */
export function glued(tokens: Token[], i: number): boolean {
  const mark = (t: Token | undefined) => t !== undefined && t.kind === 'punct' && !JOINERS.has(t.text);
  const solid = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'number');
  return (mark(tokens[i - 1]) && solid(tokens[i - 2])) || (mark(tokens[i + 1]) && solid(tokens[i + 2]));
}

/** Units written after a number and a space (`30 ms`, `4 GiB`); none of them an English word. */
const UNIT_WORDS = new Set(
  'ms ns µs kb mb gb tb kib mib gib tib px hz khz mhz ghz kwh fps rpm kbps mbps gbps cm mm km kg mg ml lb lbs oz ft'.split(' '),
);

/** A unit after a number and one space on the same line (`30 ms`): not a word to correct. */
export function unitAfterNumber(tokens: Token[], i: number): boolean {
  const gap = tokens[i - 1];
  return UNIT_WORDS.has(tokens[i].text.toLowerCase()) && gap?.kind === 'space' && gap.text === ' ' && tokens[i - 2]?.kind === 'number';
}

/** A piece of a compound joined by hyphens with no space (`line-end`, `tfjs-node`). */
export function compoundPiece(tokens: Token[], i: number): boolean {
  const hyphen = (t: Token | undefined) => t !== undefined && t.kind === 'punct' && t.text === '-';
  const word = (t: Token | undefined) => t !== undefined && t.kind === 'word';
  return (hyphen(tokens[i - 1]) && word(tokens[i - 2])) || (hyphen(tokens[i + 1]) && word(tokens[i + 2]));
}

export function sentenceInitial(tokens: Token[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const t = tokens[j];
    if (t.kind === 'space' || (t.kind === 'punct' && /["“‘'([]/.test(t.text))) continue;
    if (t.kind !== 'punct' || !SENTENCE_END.has(t.text)) return false;
    // the full stop of an initial (`M.C. O'Conner`, `G. Saon`) or a title (`Dr. Rookes`) does not end a sentence
    const before = tokens[j - 1];
    return !(t.text === '.' && before?.kind === 'word' && (/^\p{Lu}$/u.test(before.text) || TITLES.has(before.text)));
  }
  return true;
}

/**
 * A token protected as a camelCase identifier that is rather a misread word (`tLet`, `lHogg`, `famouB`): its
 * capital humps are not all words (`getObject`, `userName` are), and `isWord` does not know it whole (`iPhone`), nor
 * is it a product name of the i- and e- kind with a word after the letter (`iMac`, `eBay`). The humps of a short one
 * starting in lower case (`shEo`, `hoLse`, `maBy`) must be common words (`isCommon`): those of identifiers that short
 * are (`isOk`, `getX`), a misreading's pieces seldom.
 */
export function misreadIdentifier(t: Token, isWord: (w: string) => boolean, isCommon: (w: string) => boolean = isWord): boolean {
  if (t.kind !== 'protected' || t.protectedKind !== 'identifier' || !/^\p{L}+$/u.test(t.text) || !/\p{Ll}\p{Lu}/u.test(t.text)) return false;
  if (isWord(t.text.toLowerCase())) return false;
  if (productName(t.text) && isWord(t.text.slice(1).toLowerCase())) return false;
  const hump = /^\p{Ll}/u.test(t.text) && t.text.length <= SHORT_IDENTIFIER ? isCommon : isWord;
  return !t.text.split(/(?=\p{Lu})/u).every((h) => h.length >= 2 && hump(h.toLowerCase()));
}

/** A product name of the i- and e- kind: the letter, a capital, two small letters or more (`iPod`, `eBay`, `iMac`). */
export function productName(word: string): boolean {
  return /^[ie]\p{Lu}\p{Ll}{2,}$/u.test(word);
}

/** Letters of an identifier short enough to need common words for humps. */
const SHORT_IDENTIFIER = 5;

/** Words written with a full stop that need not end a sentence (book sizes and trade terms of old catalogues too:
 * `royal 8vo. cloth`, `pub. at`, `per cent. per annum`). */
const ABBREVIATIONS = new Set(
  'co mr mrs messrs dr st no nos vol vols pp etc viz cf al ibid fig figs eq eqs esq jun sen ltd rev hon capt col gen lieut sgt prof inst ult prox approx vs ca resp ch sec art ed eds op cit 4to 8vo 12mo 16mo 18mo 24mo 32mo pub cent prem lb lbs'.split(
    ' ',
  ),
);

/**
 * A full stop glued to a word with lower-case letters and followed, on the same line, by a lower-case word: where a
 * speck of the paper is read as one (`he. had`, `to. take`), the sentence goes on. (Commas are left alone: word
 * pairs cannot tell a speck from a real one, `a few hundred, mainly elderly`.)
 */
export function strayStop(tokens: Token[], i: number): boolean {
  return stopInSentence(tokens, i, 'space');
}

/**
 * A full stop between two words with no space, the second in lower case (`to.his`, `going.in`): a speck read
 * where a space was. Not after an initial (`e.g.the`) or a common abbreviation.
 */
export function gluedStop(tokens: Token[], i: number): boolean {
  return stopInSentence(tokens, i, 'word');
}

function stopInSentence(tokens: Token[], i: number, then: 'space' | 'word'): boolean {
  const t = tokens[i];
  if (t.kind !== 'punct' || t.text !== '.') return false;
  const prev = tokens[i - 1];
  const space = then === 'space' ? tokens[i + 1] : undefined;
  const next = tokens[then === 'space' ? i + 2 : i + 1];
  // not after an initial, an abbreviation in capitals (`B.A. at`, `P. l)egano`), a common abbreviation (`Co. to`) or a
  // figure with its unit (`2in. long`)
  return (
    prev?.kind === 'word' &&
    /\p{Ll}/u.test(prev.text) &&
    !/^\d/u.test(prev.text) &&
    [...prev.text].length >= 2 &&
    !ABBREVIATIONS.has(prev.text.toLowerCase()) &&
    (then === 'word' || (space?.kind === 'space' && !space.text.includes('\n'))) &&
    next?.kind === 'word' &&
    /^\p{Ll}/u.test(next.text)
  );
}

/**
 * A full stop glued to the front of a common lower-case word, after a space inside a line (`the prisoner .who had`):
 * a speck of the paper, or a file name's extension (`Download .csv`, `an .aws folder`), which is left alone.
 */
export function leadingStop(tokens: Token[], i: number, isCommon: (word: string) => boolean): boolean {
  const t = tokens[i];
  if (t.kind !== 'punct' || t.text !== '.') return false;
  const space = tokens[i - 1];
  const prev = tokens[i - 2];
  const next = tokens[i + 1];
  return (
    space?.kind === 'space' &&
    !space.text.includes('\n') &&
    prev?.kind === 'word' &&
    /\p{Ll}/u.test(prev.text) &&
    !/^\d/u.test(prev.text) &&
    next?.kind === 'word' &&
    /^\p{Ll}{2,}$/u.test(next.text) &&
    !fileNameAfterStop(tokens, i + 1) &&
    isCommon(next.text)
  );
}

/** A full stop is glued before word `i`, with nothing solid before it (`.npmrc`, `.ontained`). */
export function afterGluedStop(tokens: readonly Token[], i: number): boolean {
  const dot = tokens[i - 1];
  const before = tokens[i - 2];
  return dot?.kind === 'punct' && dot.text === '.' && dot.end === tokens[i].start && (before === undefined || before.kind === 'space');
}

/** Word `i`, after a full stop, is a file type, a domain or a file's name (`.csv`, `.com`, `the .github folder`). */
export function fileNameAfterStop(tokens: readonly Token[], i: number): boolean {
  return FILE_EXTENSIONS.has(tokens[i].text.toLowerCase()) || namesAFile(tokens, i);
}

/** Words that say the word before them is a file's or folder's name (`the .github folder`, `a .nvmrc file`). */
const FILE_NOUNS = new Set(
  'file files folder folders directory directories dir extension extensions suffix format settings config configuration key archive script scripts template'.split(' '),
);

/** The word at token `i` is followed by a word that makes it a file's name (`.github folder`, `.test suffix`). */
function namesAFile(tokens: readonly Token[], i: number): boolean {
  const space = tokens[i + 1];
  const next = tokens[i + 2];
  return space?.kind === 'space' && !space.text.includes('\n') && next?.kind === 'word' && FILE_NOUNS.has(next.text.toLowerCase());
}

/** Extensions, domains and dot-files that follow a full stop in running text (`the .csv file`, `a .com address`, `your .profile`). */
const FILE_EXTENSIONS: ReadonlySet<string> = new Set(
  (
    'csv json aws pdf html htm jpg jpeg png gif svg zip gz tar txt md yaml yml xml js ts py java rb go net com org gov ' +
    'edu io exe dll sh env git log conf cfg ini key pem crt cer doc docx xls xlsx ppt pptx mp3 mp4 wav css sql bak tmp ' +
    'bin dat jar war properties config local lock app dmg deb rpm iso img tf ps1 bat cmd us uk info so mil int profile cache'
  ).split(' '),
);

/** The nearest word before or after token `i` on its line is written in capitals of two letters or more. */
export function capitalNeighbour(tokens: readonly Token[], i: number): boolean {
  const upper = (t: Token | undefined) => t !== undefined && [...t.text].length >= 2 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
  // on the same line: a heading in capitals above a line does not make its words a heading's
  const word = (t: Token) => t.kind === 'word' || (t.kind === 'space' && t.text.includes('\n'));
  const wordOnLine = (t: Token | undefined) => (t?.kind === 'word' ? t : undefined);
  return upper(wordOnLine(nearestToken(tokens, i - 1, -1, word))) || upper(wordOnLine(nearestToken(tokens, i + 1, 1, word)));
}

/** The first token from index `from` on, stepping by `step`, that `accept` takes; undefined past the text's edge. */
export function nearestToken(tokens: readonly Token[], from: number, step: 1 | -1, accept: (t: Token) => boolean): Token | undefined {
  for (let j = from; j >= 0 && j < tokens.length; j += step) if (accept(tokens[j])) return tokens[j];
  return undefined;
}
