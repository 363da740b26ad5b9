/**
 * True when `noisy` is an older spelling of `modern` rather than a misreading or a typo: u/v and i/j and i/y used
 * the other way (haue, vsed, iust, raysed; a j for a y is a misreading: stjle), ou for o (souldier), ai for a before
 * st (maister), au for a before n (demaunded), a final e (halfe, againe, hee, shoppe, glasse), -ie for -y
 * (controversie), -es for -s (arrowes), -ick for -ic (magick) or -t for -ed (fetcht). Editions keep such spellings, so
 * the corrector must not "modernise" them. Doubled letters inside a word (preffer) and missing letters (tim) are not excused:
 * typists and OCR make those.
 */
export function isSpellingVariant(noisy: string, modern: string): boolean {
  const n = noisy.toLowerCase();
  const m = modern.toLowerCase();
  if (n === m || n.length < 3) return false;
  // every rule below compares the words from their first letter on, folded as in `skeleton`
  if (foldLetter(n[0]) !== foldLetter(m[0] ?? '')) return false;
  for (const f of [n, ...stripFinal(n)]) if (skeleton(f) === skeleton(m) && !jForY(f, m)) return true;
  // plural and verb -es for -s (arrowes, meanes; not on a short word: ites is its misread), -ick for -ic (magick, publick)
  if (n.endsWith('es') && m.endsWith('s') && m.length > 3 && !m.endsWith('es') && skeleton(n.slice(0, -2)) === skeleton(m.slice(0, -1))) return true;
  if (n.endsWith('ick') && m.endsWith('ic') && skeleton(n.slice(0, -1)) === skeleton(m)) return true;
  if (n.endsWith('ie') && m.endsWith('y') && skeleton(n.slice(0, -2)) === skeleton(m.slice(0, -1))) return true;
  if (n.endsWith('t') && m.endsWith('ed') && n.slice(0, -1) === m.slice(0, -2)) return true;
  return false;
}

/** Letters of old type in place of the modern ones (printed, modern): y for i, v for u, u for v, i for j. */
const OLD_LETTERS = new Set(['yi', 'vu', 'uv', 'ij']);

/**
 * True when `noisy` differs from `modern` only by old type's letters in place of the modern ones (vnto, theyr, rayse,
 * voyd, haue, maiesty), no letter added or dropped: spellings no learner or typist makes, unlike `agee`, `preciouse`, or
 * `rais` (for rays: an i for a y is a learner's). Not an i for a first j: a scan loses a j's descender there, and
 * `ison` is `is on`, not json.
 */
export function isLetterAlternation(noisy: string, modern: string): boolean {
  const n = noisy.toLowerCase();
  const m = modern.toLowerCase();
  if (n === m || n.length < 3 || n.length !== m.length || (n[0] === 'i' && m[0] === 'j')) return false;
  for (let i = 0; i < n.length; i++) if (n[i] !== m[i] && !OLD_LETTERS.has(n[i] + m[i])) return false;
  return true;
}

/**
 * Old type wrote i for j and i for y, never j for y: a j where the modern word has a y (or a y for its j) is the OCR
 * misreading a descender (stjle, jears, splendidlj), not an older spelling. Asked of words `skeleton` makes equal.
 */
function jForY(noisy: string, modern: string): boolean {
  const iOrJ = (s: string) => skeleton(s.replace(/y/g, '\u0001'));
  const iOrY = (s: string) => skeleton(s.replace(/j/g, '\u0002'));
  return iOrJ(noisy) !== iOrJ(modern) && iOrY(noisy) !== iOrY(modern);
}

/** A first letter as `skeleton` leaves it (v → u; j, y → i). */
function foldLetter(ch: string): string {
  return ch === 'v' ? 'u' : ch === 'j' || ch === 'y' ? 'i' : ch;
}

/**
 * Spelling with the early-modern letter alternations folded away (u/v, i/j/y, ou, au before n: demaunded, and ai
 * before st: maister, plaister; an i or u put in after an a elsewhere is the OCR's: whait, engaiged, thaut).
 */
function skeleton(s: string): string {
  return s.replace(/v/g, 'u').replace(/[jy]/g, 'i').replace(/ai(?=st)/g, 'a').replace(/ou/g, 'o').replace(/au(?=n)/g, 'a');
}

/**
 * The word without a final e, and also without a doubled consonant before it (halfe → half; glasse → glass;
 * shoppe → shop). A doubled final consonant alone (untill, wonderfull) is not excused: learners write those too.
 */
function stripFinal(s: string): string[] {
  if (!(s.length > 2 && s.endsWith('e'))) return [];
  // an e added to a word that ends in e already is a misreading (housee, timee), but for the short pronouns (hee, shee)
  if (s.length > 4 && s.endsWith('ee')) return [];
  const t = s.slice(0, -1);
  // an e after a plain three-letter word is a misreading (wase, dide, lete); a doubled consonant before it (sonne,
  // sunne), a doubled e (shee) and the two-letter words (goe, doe) are older spellings
  if (t.length === 3 && !t.endsWith('e')) return [];
  return /([bcdfgklmnprst])\1$/.test(t) ? [t, t.slice(0, -1)] : [t];
}

/**
 * Looser habits of older print, beside those of `isSpellingVariant`: a consonant doubled or single (comming, evill,
 * shal, busines), an e put in or left out (breakefast, entred, moneth, heede), ie for ee (greevous). Typists and OCR make
 * these too, so they only count as spellings in text plainly printed in older spelling.
 */
export function isLooseSpellingVariant(noisy: string, modern: string): boolean {
  const n = noisy.toLowerCase();
  const m = modern.toLowerCase();
  if (n === m || n.length < 4) return false;
  if (isSpellingVariant(n, m)) return true;
  if (foldLetter(n[0]) !== foldLetter(m[0] ?? '')) return false;
  return looseSkeleton(n) === looseSkeleton(m);
}

/** `skeleton` with doubled letters made single and every e after the first letter left out (ie as e). */
function looseSkeleton(s: string): string {
  return skeleton(s.replace(/ie/g, 'e'))
    .replace(/(\p{L})\1+/gu, '$1')
    .replace(/(?<=.)e/g, '');
}

/** British endings (after a stem of at least 3 letters) and their American forms. */
const REGIONAL: Array<[RegExp, string]> = [
  [/(?<=^.{3,})([iy])s(e|ed|es|ing|ation|ations|ational|er|ers|able)$/, '$1z$2'],
  [/(?<=^.{3,})tre(s|d)?$/, 'ter$1'],
];

/**
 * True when `written` is the British spelling of `other`, its American one: -ise for -ize (tokenised: tokenized),
 * -yse for -yze (analysed), -tre for -ter (centre). A word is not misspelt for using the other regional form, so it is
 * never corrected to it. Only this way round: a word spelt only -ise (surprise, merchandise) written -ize is a
 * misspelling. (Nor -our: `juniour` is a misspelling, and the British -our words are known words.)
 */
export function isRegionalVariant(written: string, other: string): boolean {
  const x = written.toLowerCase();
  const y = other.toLowerCase();
  return REGIONAL.some(([british, american]) => british.test(x) && x.replace(british, american) === y);
}

/** An elided ending: `'d` for -ed (perform'd, apply'd, endu'd) or `'st` for -est (know'st), after a stem of 3+ letters. */
const ELIDED = /^(\p{L}{3,})'(d|st)$/u;

/**
 * True when `word` (lower case, straight apostrophe) is an elided form of a word `has` knows: perform'd (performed),
 * lov'd (loved), apply'd (applied), know'st (knowest). Older print and verse write these on purpose: they are
 * spellings, not misreadings, and `perform'd` must not lose its ending. The apostrophe stands for the e: a stem that
 * keeps it (`die'd`, `replie'd`) or a stem alone (`comman'd`) is a scan's speck inside a word.
 */
export function isElidedForm(word: string, has: (w: string) => boolean): boolean {
  const m = ELIDED.exec(word);
  if (!m) return false;
  const [, stem, ending] = m;
  const full = ending === 'd' ? 'ed' : 'est';
  return has(stem + full) || (stem.endsWith('y') && has(stem.slice(0, -1) + 'i' + full));
}

/**
 * True when `word` (lower case) is an older inflection of a verb `count` knows well: -eth for the third person
 * (followeth, loveth, carrieth, setteth) or -est for the second (knowest, lovest). Older print and the Bible write
 * these; a lexicon of modern text has few of them, and must not read `followeth` as followed. The verb must be seen
 * `minCount` times; for -est it must have four letters or more (`forest`, `honest` misspelt are not `for`, `hon` + est).
 */
export function isArchaicInflection(word: string, count: (w: string) => number, minCount: number): boolean {
  const m = /^([a-z]{2,})(eth|est)$/.exec(word);
  if (!m) return false;
  const [, stem, ending] = m;
  const verbs = [stem, stem + 'e'];
  if (ending === 'eth') {
    if (stem.endsWith('i')) verbs.push(stem.slice(0, -1) + 'y');
    if (/([bdglmnprt])\1$/.test(stem)) verbs.push(stem.slice(0, -1));
  }
  const least = ending === 'eth' ? 3 : 4;
  return verbs.some((v) => v.length >= least && count(v) >= minCount);
}
