import { wordsBefore, type Token } from '../text/tokenize.js';

const QUOTES = new Set(["'", '‘', '’']);

/**
 * Indices of single quote marks that are specks of the paper rather than quotes: glued to a lower-case word on one
 * side (`'of the`, `and' he`) and to nothing solid on the other, and paired with no quote mark on the other side of
 * some words in the same text (at most `window` words away when given). The `'` after a plural's `s` (`the
 * prisoners' case`) is a possessive and stays, and so do the quotes of a notation (`'kindof 'fish`, `'false-root`,
 * `fl',fr'`).
 */
export function strayQuotes(tokens: readonly Token[], window: number | null = null): number[] {
  // a quote pairs with one at most `window` words away (anywhere in the text when null): a long document has
  // quotations of its own far from a speck
  const words = window === null ? null : wordsBefore(tokens);
  const near = (a: number, b: number) => words === null || Math.abs(words[a] - words[b]) <= window!;
  const opening: number[] = [];
  const closing: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'punct' || !QUOTES.has(tokens[i].text)) continue;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    // a quote opens before a word with nothing solid before it, and closes after a word with nothing solid after it
    // (and a quote after a stop closes as well: `either.'`); `Tam-o'-Shanter` is a name
    if (after?.kind === 'word' && !solid(before)) opening.push(i);
    else if ((before?.kind === 'word' || endsClause(tokens, i - 1)) && !solid(after) && after?.text !== '-') closing.push(i);
  }
  const out: number[] = [];
  const bracketed = tokens.filter((t) => t.text === '(').length >= 2;
  for (const i of opening) {
    // not `'s`, `'re` of text tokenized with contractions apart (`it 's`), nor `'tis`; nor a symbol of a notation
    const w = tokens[i + 1];
    if (wordLike(w) && !CONTRACTIONS.has(w.text) && !notation(tokens, i, bracketed) && !closing.some((j) => j > i && near(i, j))) out.push(i);
  }
  for (const i of closing) if (wordLike(tokens[i - 1]) && !/s$/iu.test(tokens[i - 1].text) && !opening.some((j) => j < i && near(i, j))) out.push(i);
  return out.sort((a, b) => a - b);
}

/**
 * The quote at `i` marks a symbol of a notation rather than a speck: `'false-root` (a quoted compound) and, in a
 * text with brackets, Lisp's `'kindof 'fish` (quoted words in a row; in prose `'was 'in` are specks).
 */
function notation(tokens: readonly Token[], i: number, bracketed: boolean): boolean {
  const after = tokens[i + 2];
  if (after?.text === '-') return true;
  if (!bracketed) return false;
  const next = after?.kind === 'space' ? tokens[i + 3] : after;
  const before = tokens[i - 1]?.kind === 'space' ? tokens[i - 2] : undefined;
  return (next !== undefined && QUOTES.has(next.text)) || (before?.kind === 'word' && QUOTES.has(tokens[i - 3]?.text ?? ''));
}

/** What follows the apostrophe of a contraction (`it 's`, `'tis`). */
const CONTRACTIONS = new Set(['s', 't', 'm', 'd', 're', 've', 'll', 'tis', 'twas', 'em']);

/** A word, number or protected span (not a space, not a mark, not the text's edge). */
function solid(t: Token | undefined): boolean {
  return t !== undefined && t.kind !== 'space' && t.kind !== 'punct';
}

/** `a`, or a lower-case word of two letters or more with a vowel (not `i`, nor the `fl`, `fr` of a phonetic notation). */
function wordLike(t: Token): boolean {
  return t.text === 'a' || (/^\p{Ll}{2,}$/u.test(t.text) && /[aeiouy]/u.test(t.text));
}

/** Token `j` is a stop or comma right after a word. */
function endsClause(tokens: readonly Token[], j: number): boolean {
  return tokens[j]?.kind === 'punct' && /^[.,;:!?]$/u.test(tokens[j].text) && tokens[j - 1]?.kind === 'word';
}
