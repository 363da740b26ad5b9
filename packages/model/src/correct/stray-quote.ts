import type { Token } from '../text/tokenize.js';

const QUOTES = new Set(["'", '‘', '’']);

/**
 * Indices of single quote marks that are specks of the paper rather than quotes: glued to a lower-case word on one
 * side (`'of the`, `and' he`) and to nothing solid on the other, and paired with no quote mark on the other side of some
 * words in the same text. The `'` after a plural's `s` (`the prisoners' case`) is a possessive and stays.
 */
export function strayQuotes(tokens: readonly Token[]): number[] {
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
  for (const i of opening) {
    // not `'s`, `'re` of text tokenized with contractions apart (`it 's`), nor `'tis`
    if (lowerWord(tokens[i + 1]) && !CONTRACTIONS.has(tokens[i + 1].text) && !closing.some((j) => j > i)) out.push(i);
  }
  for (const i of closing) if (lowerWord(tokens[i - 1]) && !/s$/iu.test(tokens[i - 1].text) && !opening.some((j) => j < i)) out.push(i);
  return out.sort((a, b) => a - b);
}

/** What follows the apostrophe of a contraction (`it 's`, `'tis`). */
const CONTRACTIONS = new Set(['s', 't', 'm', 'd', 're', 've', 'll', 'tis', 'twas', 'em']);

/** A word, number or protected span (not a space, not a mark, not the text's edge). */
function solid(t: Token | undefined): boolean {
  return t !== undefined && t.kind !== 'space' && t.kind !== 'punct';
}

function lowerWord(t: Token): boolean {
  return /^\p{Ll}+$/u.test(t.text);
}

/** Token `j` is a stop or comma right after a word. */
function endsClause(tokens: readonly Token[], j: number): boolean {
  return tokens[j]?.kind === 'punct' && /^[.,;:!?]$/u.test(tokens[j].text) && tokens[j - 1]?.kind === 'word';
}
