/** Turns a single-word fixer into a batched text corrector that keeps everything else intact. */

/** A batched corrector: one output text per input text, same order. */
export type BatchCorrector = (texts: string[]) => Promise<string[]>;

/**
 * Fixes one bare word (letters, optionally with inner apostrophes), returning it unchanged when it
 * is fine or nothing better is known. Gets the word in its original case.
 */
export type WordFixer = (word: string) => string;

export type CasePattern = 'lower' | 'title' | 'upper' | 'other';

export function casePattern(word: string): CasePattern {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  if (lower === upper) return 'other';
  if (word === lower) return 'lower';
  if (word === upper) return [...word].length > 1 ? 'upper' : 'title';
  const [first, ...rest] = [...word];
  if (first === first.toUpperCase() && rest.join('') === rest.join('').toLowerCase()) return 'title';
  return 'other';
}

/**
 * Gives `replacement` the case pattern of `original`: UPPER → upper-cased, Title → first letter
 * upper-cased, lower/other → as the dictionary spells it (so proper nouns keep their capital).
 */
export function applyCase(original: string, replacement: string): string {
  switch (casePattern(original)) {
    case 'upper':
      return replacement.toUpperCase();
    case 'title': {
      const [first, ...rest] = [...replacement];
      if (first === undefined) return replacement;
      // nspell sometimes upper-cases two letters of a Title-case suggestion ("SHortfall"): undo that.
      const tail = /^\p{Lu}\p{Ll}/u.test(rest.join('')) || /^\p{Lu}\p{Lu}\p{Ll}/u.test(replacement) ? rest.join('').toLowerCase() : rest.join('');
      return first.toUpperCase() + tail;
    }
    default:
      return replacement;
  }
}

const URL_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/iu;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const EDGE_RE = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;
const WORD_RE = /^\p{L}+(?:['’]\p{L}+)*$/u;
const PART_SEP_RE = /([-‐–—/]+)/u;

/** True for tokens a word-by-word corrector must leave alone: URLs, e-mails, anything with a digit, code-like tokens. */
export function isProtectedToken(token: string): boolean {
  return URL_RE.test(token) || EMAIL_RE.test(token) || /\p{N}/u.test(token) || /[_@#$%&*=<>{}[\]\\|~^`]/u.test(token) || /\p{Ll}\p{Lu}/u.test(token);
}

/** True for a word the fixer should see: letters (inner apostrophes allowed), at least two of them. */
export function isFixableWord(word: string): boolean {
  return WORD_RE.test(word) && [...word].length >= 2;
}

/**
 * Corrects one whitespace-free token: strips edge punctuation, fixes each hyphen/slash part that is a
 * plain word of two or more letters. Left alone: protected tokens, single letters (initials, variables),
 * and a word cut by a line-end hyphen (`politi-`), which is a fragment, not a misspelling.
 */
export function correctToken(token: string, fix: WordFixer): string {
  if (isProtectedToken(token)) return token;
  const m = EDGE_RE.exec(token);
  if (!m || m[2] === '') return token;
  const [, lead, core, trail] = m;
  const parts = core.split(PART_SEP_RE);
  const last = trail.startsWith('-') ? parts.length - 1 : parts.length;
  for (let i = 0; i < last; i += 2) {
    if (isFixableWord(parts[i])) parts[i] = fix(parts[i]);
  }
  return lead + parts.join('') + trail;
}

/** Corrects a text token by token; whitespace is kept byte for byte. */
export function correctText(text: string, fix: WordFixer): string {
  return text
    .split(/(\s+)/u)
    .map((piece, i) => (i % 2 === 1 || piece === '' ? piece : correctToken(piece, fix)))
    .join('');
}

/** Wraps a word fixer (memoised per exact word) into a batched corrector. */
export function wordByWord(fix: WordFixer): BatchCorrector {
  const cache = new Map<string, string>();
  const cached: WordFixer = (w) => {
    let out = cache.get(w);
    if (out === undefined) {
      out = fix(w);
      cache.set(w, out);
    }
    return out;
  };
  return async (texts) => texts.map((t) => correctText(t, cached));
}
