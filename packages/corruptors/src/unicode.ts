/**
 * Character classes and grapheme-ish units. A unit is one code point plus any following
 * combining marks, variation selectors, emoji modifiers and ZWJ-joined code points.
 * Only Latin-script text (and common punctuation) is ever corrupted; any other unit is copied.
 */

export const CLS_OTHER = 0; // copied untouched
export const CLS_LOWER = 1; // a–z
export const CLS_UPPER = 2; // A–Z
export const CLS_DIGIT = 3;
export const CLS_SPACE = 4; // U+0020 only
export const CLS_PUNCT = 5; // . , ; : ! ? ' " ( ) -
export const CLS_ACCENTED = 6; // precomposed Latin letter with a strippable diacritic
export const CLS_LATIN = 7; // other Latin letters (ß, æ, ø, ſ, …)
export const CLASS_COUNT = 8;

/** Class of every code unit below 0x250 (Basic Latin … Latin Extended-B). */
export const CLASS_TABLE = new Uint8Array(0x250);
/** Base letter (diacritics stripped) for accented Latin letters, indexed by code point. */
export const STRIPPED = new Map<number, string>();

function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

function stripOne(ch: string): string | undefined {
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return base !== ch && base.length > 0 ? base : undefined;
}

for (let c = 0; c < 0x250; c++) {
  const ch = String.fromCharCode(c);
  let cls = CLS_OTHER;
  if (c >= 0x61 && c <= 0x7a) cls = CLS_LOWER;
  else if (c >= 0x41 && c <= 0x5a) cls = CLS_UPPER;
  else if (c >= 0x30 && c <= 0x39) cls = CLS_DIGIT;
  else if (c === 0x20) cls = CLS_SPACE;
  else if (".,;:!?'\"()-".includes(ch)) cls = CLS_PUNCT;
  else if (c >= 0xc0 && isLetter(ch)) {
    const s = stripOne(ch);
    if (s !== undefined) {
      STRIPPED.set(c, s);
      cls = CLS_ACCENTED;
    } else cls = CLS_LATIN;
  }
  CLASS_TABLE[c] = cls;
}
for (let c = 0x1e00; c <= 0x1eff; c++) {
  const s = stripOne(String.fromCharCode(c));
  if (s !== undefined) STRIPPED.set(c, s);
}

/** True for code units that attach to the previous one (combining marks, VS, ZWJ, low surrogates). */
export function isAttached(c: number): boolean {
  return (
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x1ab0 && c <= 0x1aff) ||
    (c >= 0x1dc0 && c <= 0x1dff) ||
    (c >= 0x20d0 && c <= 0x20ff) ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    (c >= 0xfe20 && c <= 0xfe2f) ||
    (c >= 0xdc00 && c <= 0xdfff) ||
    c === 0x200d ||
    // non-spacing marks of scripts we never touch still must not be split from their base
    (c >= 0x0483 && c <= 0x0489) ||
    (c >= 0x0591 && c <= 0x05c7) ||
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06ed) ||
    (c >= 0x0900 && c <= 0x0903) ||
    (c >= 0x093a && c <= 0x094f) ||
    (c >= 0x3099 && c <= 0x309a)
  );
}

/** End (exclusive) of the unit that starts at `i`. */
export function unitEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + 1;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && j < n) {
    const d = text.charCodeAt(j);
    if (d >= 0xdc00 && d <= 0xdfff) j++;
  }
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === 0x200d) {
      // ZWJ glues the next code point (with its own surrogate half) into this unit
      j++;
      if (j < n) {
        const e = text.charCodeAt(j);
        j++;
        if (e >= 0xd800 && e <= 0xdbff && j < n) j++;
      }
    } else if (d >= 0xd83c && d <= 0xd83c && j + 1 < n && text.charCodeAt(j + 1) >= 0xdffb && text.charCodeAt(j + 1) <= 0xdfff) {
      j += 2; // emoji skin-tone modifier
    } else if (d >= 0xdb40 && d <= 0xdb40 && j + 1 < n) {
      j += 2; // tag characters (flag sequences)
    } else if (isAttached(d) && !(d >= 0xdc00 && d <= 0xdfff)) {
      j++;
    } else break;
  }
  return j;
}

/** Class of the code unit `c` (0 for anything we never corrupt). */
export function classOf(c: number): number {
  if (c < 0x250) return CLASS_TABLE[c];
  if (c >= 0x1e00 && c <= 0x1eff) return STRIPPED.has(c) ? CLS_ACCENTED : CLS_LATIN;
  return CLS_OTHER;
}

/** True for letters of the classes we corrupt. */
export function isLatinLetterClass(cls: number): boolean {
  return cls === CLS_LOWER || cls === CLS_UPPER || cls === CLS_ACCENTED || cls === CLS_LATIN;
}

/** Strip combining diacritics from a Latin unit (precomposed or decomposed). */
export function stripDiacritics(unit: string): string {
  const c = unit.charCodeAt(0);
  const s = STRIPPED.get(c);
  let out = s ?? unit.charAt(0);
  for (let k = 1; k < unit.length; k++) {
    const d = unit.charCodeAt(k);
    if (!(d >= 0x300 && d <= 0x36f)) out += unit.charAt(k);
  }
  return out;
}

/** True if `unit` (decomposed: base + marks) is a Latin letter carrying combining diacritics only. */
export function isDecomposedLatin(unit: string): boolean {
  if (unit.length < 2 || !isLatinLetterClass(classOf(unit.charCodeAt(0)))) return false;
  for (let k = 1; k < unit.length; k++) {
    const d = unit.charCodeAt(k);
    if (!(d >= 0x300 && d <= 0x36f)) return false;
  }
  return true;
}

/** Code units of Latin text and its punctuation (the only text whose whitespace we touch). */
export function isLatinish(c: number): boolean {
  return c < 0x250 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2000 && c <= 0x206f) || (c >= 0xfb00 && c <= 0xfb06);
}

/** True if the space at `i` sits between Latin-ish characters (or the text edge). */
export function spaceInLatin(text: string, i: number): boolean {
  return (i === 0 || isLatinish(text.charCodeAt(i - 1))) && (i + 1 >= text.length || isLatinish(text.charCodeAt(i + 1)));
}
