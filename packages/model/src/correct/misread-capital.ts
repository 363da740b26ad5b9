import type { Token } from '../text/tokenize.js';
import { nearestToken } from './token-context.js';

const notSpace = (t: Token) => t.kind !== 'space';

/**
 * Short words whose capital mid-sentence is an OCR misreading of the dotted `i` (`stood In with`, `the State Is`,
 * `put Into the`). Not `It` or `If`: after a full stop the OCR lost, they start sentences too often (dev: jfleg −0.3).
 */
const MISREAD = new Set(['In', 'Is', 'Its', 'Into']);

/**
 * Indices of the word tokens `In`, `Is`, `Its`, `Into` that stand inside a sentence: right after a word or a comma (on the
 * same line or the line before) and before a lower-case word. A heading in title case (`Made In Japan`), a sentence
 * start, and a quotation or a clause after a colon keep their capital.
 */
export function misreadCapitals(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === 'word' && MISREAD.has(tokens[i].text) && insideSentence(tokens, i, i)) out.push(i);
  }
  return out;
}

/**
 * Whether tokens `from`..`to` stand inside a sentence: right after a word ending in a small letter or a comma (on the
 * same line or the line before) and before a lower-case word.
 */
export function insideSentence(tokens: readonly Token[], from: number, to: number): boolean {
  const prev = nearestToken(tokens, from - 1, -1, notSpace);
  const next = nearestToken(tokens, to + 1, 1, notSpace);
  const afterWord = prev !== undefined && ((prev.kind === 'word' && /\p{Ll}$/u.test(prev.text)) || (prev.kind === 'punct' && prev.text === ','));
  const beforeLower = next !== undefined && next.kind === 'word' && /^\p{Ll}/u.test(next.text);
  return afterWord && beforeLower;
}
