import type { Token } from '../text/tokenize.js';

/**
 * Marks standing alone inside a sentence (`told him . that`, `the ' man`): a speck the scan read between two words.
 * Returns, for each, the span to delete (the mark and the space before it). Only marks listed in `marks`, only between
 * a word ending in a lower-case letter and a word starting with one, on one line.
 */
export function loneMarks(tokens: readonly Token[], marks: string): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  if (tokenized(tokens)) return out;
  for (let i = 2; i + 2 < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'punct' || !marks.includes(t.text)) continue;
    const [sb, sa, wb, wa] = [tokens[i - 1], tokens[i + 1], tokens[i - 2], tokens[i + 2]];
    if (sb.kind !== 'space' || sa.kind !== 'space' || sb.text.includes('\n') || sa.text.includes('\n')) continue;
    if (wb.kind !== 'word' || wa.kind !== 'word' || !/\p{Ll}$/u.test(wb.text) || !/^\p{Ll}/u.test(wa.text)) continue;
    out.push({ start: sb.start, end: t.end, text: sb.text + t.text });
  }
  return out;
}

/**
 * Text written with its closing marks set apart from the words (`I think , that it is .`, as in tokenized corpora):
 * two or more such marks, and most closing marks of the text.
 */
function tokenized(tokens: readonly Token[]): boolean {
  let apart = 0;
  let all = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].kind !== 'punct' || !/^[.,;:!?]$/u.test(tokens[i].text)) continue;
    all++;
    if (tokens[i - 1].kind === 'space') apart++;
  }
  return apart >= 2 && apart * 2 > all;
}

/**
 * A comma doubled after a word (`back,, and`): the second is a speck. Not between two words (`argument1,,argument3`
 * is an argument list) nor where the commas stand apart from the word.
 */
export function doubledCommas(tokens: readonly Token[]): Array<{ start: number; end: number; text: string }> {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (let i = 2; i < tokens.length; i++) {
    const [t, before, word, after] = [tokens[i], tokens[i - 1], tokens[i - 2], tokens[i + 1]];
    if (t.kind !== 'punct' || t.text !== ',' || before.kind !== 'punct' || before.text !== ',' || word.kind !== 'word') continue;
    if (after !== undefined && after.kind !== 'space') continue;
    out.push({ start: t.start, end: t.end, text: t.text });
  }
  return out;
}
