import type { Token } from '../text/tokenize.js';
import { fileNameAfterStop } from './token-context.js';

/**
 * Marks glued to the start of a word with nothing solid before them (`the *general use`, `evidence .w as`, `of ;suicide`,
 * `,lying`): specks of the paper that the scan read before the word. Returns their token indexes. Only marks listed in
 * `marks`, only before a word that starts with a letter. Marks of formatting stay where their line has another one
 * (`*so*`, `*bold *text`, `|cell|`), and so does a colon or question mark that closes again after a later word
 * (`:smile:`, `?uh?`), a question mark opening a query string (`?page=2`) and a `¡` whose line exclaims (`¡Viva!`); a
 * full stop counts only before a word `isWord` accepts (see `speckBeforeWord`).
 */
export function leadingMarks(tokens: readonly Token[], marks: string, isWord: (w: string) => boolean): number[] {
  const out: number[] = [];
  if (!marks) return out;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i];
    if (t.kind !== 'punct' || !marks.includes(t.text)) continue;
    const before = tokens[i - 1];
    const word = tokens[i + 1];
    if (before !== undefined && before.kind !== 'space') continue;
    if (word.kind !== 'word' || word.start !== t.end || !/^\p{L}/u.test(word.text)) continue;
    if (t.text === '.' && !speckBeforeWord(tokens, i, isWord)) continue;
    if (FORMATTING.has(t.text) ? onLineAgain(tokens, i) : PAIRED.has(t.text) && closesLater(tokens, i)) continue;
    // a query string (`?page=2`), and Spanish's opening mark where its line exclaims (`¡Viva!`)
    if (t.text === '?' && /^[=&]$/u.test(tokens[i + 2]?.text ?? '')) continue;
    if (t.text === '¡' && exclaimsLater(tokens, i)) continue;
    out.push(i);
  }
  return out;
}

/**
 * A full stop glued before a word (`.w`, `.the`) is a speck only before a word `isWord` accepts (a common one: `.bashrc`,
 * `.htaccess` are file names) that is no file type, domain or upper-case name (`.zip`, `.com`, `.NET`), that no path
 * goes on from (`.venv/bin`) and that no file noun follows (`the .github folder`).
 */
function speckBeforeWord(tokens: readonly Token[], i: number, isWord: (w: string) => boolean): boolean {
  const word = tokens[i + 1];
  const after = tokens[i + 2];
  if (after !== undefined && after.start === word.end && (after.kind === 'protected' || /^[./\\_@]$/u.test(after.text))) return false;
  return !fileNameAfterStop(tokens, i + 1) && !/^\p{Lu}{2}/u.test(word.text) && isWord(word.text.toLowerCase());
}

/** Marks of plain-text formatting: one of them anywhere else on the line (`*bold *text`) says it is formatting. */
const FORMATTING = new Set(['*', '|']);

/** The mark at `i` is on its line once more. */
function onLineAgain(tokens: readonly Token[], i: number): boolean {
  const same = (j: number) => tokens[j].text === tokens[i].text;
  return lineHas(tokens, i, 1, same) || lineHas(tokens, i, -1, same);
}

/** Marks that may enclose words: a colon (`:smile:`), and a question mark standing for a quote mark a text encoding lost (`?uh?`). */
const PAIRED = new Set([':', '?']);

/** The mark at `i` is glued after some later word of its line (`*so much*`): an opening mark, not a speck. */
function closesLater(tokens: readonly Token[], i: number): boolean {
  const mark = tokens[i].text;
  return lineHas(tokens, i, 1, (j) => tokens[j].kind === 'punct' && tokens[j].text === mark && tokens[j - 1].kind === 'word' && tokens[j - 1].end === tokens[j].start);
}

/** A `!` follows mark `i` on its line. */
function exclaimsLater(tokens: readonly Token[], i: number): boolean {
  return lineHas(tokens, i, 1, (j) => tokens[j].text === '!');
}

/** Some token of the line of token `i`, after it (`step` 1) or before it (−1), is one `found` accepts. */
function lineHas(tokens: readonly Token[], i: number, step: 1 | -1, found: (j: number) => boolean): boolean {
  for (let j = i + step; j >= 0 && j < tokens.length; j += step) {
    if (tokens[j].kind === 'space' && tokens[j].text.includes('\n')) return false;
    if (found(j)) return true;
  }
  return false;
}
