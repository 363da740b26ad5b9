import type { Token } from './tokenize.js';

/** Marks a speck of the paper is read as between the letters of a word, unless others are given. */
const MARKS: ReadonlySet<string> = new Set(['.', ',']);
const SMALL_LETTERS = /^\p{Ll}+$/u;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** `b` follows `a` with nothing between them. */
const glued = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;

/**
 * A full stop or comma (or another of `marks`: `whi(ch`) glued between two pieces of small letters that make a known
 * word with the mark left out (`la.ter`, `dea.ling`, `a.nd`) or read as one letter (`nif,ht` night, `wo.k` work): a
 * speck the OCR read inside the word. The mark is taken into the word, which the corrector then reads as one misread word (or leaves as written).
 * Abbreviations are left alone: two single letters are not joined (`a.m`, `e.g`, `i.e`), nor a piece already in a
 * chain of such marks (`e.g.`, `u.s.a`).
 */
export function absorbInnerSpecks(tokens: Token[], isWord: (w: string) => boolean, marks: ReadonlySet<string> = MARKS): Token[] {
  if (!tokens.some((t) => t.kind === 'punct' && marks.has(t.text))) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (t.kind === 'punct' && marks.has(t.text) && prev?.kind === 'word' && next?.kind === 'word' && glued(prev, t) && glued(t, next) && joins(prev, next, tokens[i + 2], out[out.length - 2], isWord, marks)) {
      out[out.length - 1] = { ...prev, text: prev.text + t.text + next.text, end: next.end };
      i++;
      continue;
    }
    out.push(t);
  }
  return out;
}

function joins(prev: Token, next: Token, after: Token | undefined, before: Token | undefined, isWord: (w: string) => boolean, marks: ReadonlySet<string>): boolean {
  const [a, b] = [prev.text, next.text];
  if (!SMALL_LETTERS.test(a) || !SMALL_LETTERS.test(b) || a.length + b.length < 3) return false;
  // a chain of marks (`e.g.`, `a.m.`, `u.s.a`) is an abbreviation
  if ((after?.kind === 'punct' && marks.has(after.text) && glued(next, after)) || (before?.kind === 'punct' && marks.has(before.text) && glued(before, prev))) return false;
  if (isWord(a + b)) return true;
  for (const ch of ALPHABET) if (isWord(a + ch + b)) return true;
  return false;
}
