import type { Token } from '../text/tokenize.js';

/** A figure one read as a letter before the mark of a sum in old British money: `Is` (1s), `ld` (1d), `Il` (1l). */
const LETTER_ONE = /^[Il|]([lsd])$/;
/** A sum in pounds, shillings or pence written as one token: `10s`, `6d`, `5l`. */
const SUM = /^\d+[lsd]$/;

/**
 * Indices of word tokens that are a sum of old British money whose figure one the OCR read as a letter (`Is` for
 * `1s`, `ld` for `1d`): only beside another sum (`£1. Is 10s 6d`, `Is 3d`, `Is 1½d`), where the word `Is` makes no
 * sense, or as `Is.` inside a sentence (`which are Is. per pot`), and only in this shape (`Ils.` for `11s.` is left).
 * The fix is `1` and the unit letter. A `Gd.` after a sum is its pence with the 6 misread (`Is. Gd.` → `1s. 6d.`).
 */
export function misreadOnes(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'word' && t.text === 'Gd' && tokens[i + 1]?.text === '.' && (sumBefore(tokens, i) || out.includes(i - 3) || out.includes(i - 2))) {
      out.push(i);
      continue;
    }
    if (t.kind !== 'word' || !LETTER_ONE.test(t.text)) continue;
    if (sumBefore(tokens, i) || sumAfter(tokens, i) || shillingInSentence(tokens, i)) out.push(i);
  }
  return out;
}

/** The sum written for a misread figure: `Is` → `1s`, and `Gd` → `6d`. */
export function oneFor(word: string): string {
  return word === 'Gd' ? '6d' : '1' + word.slice(1);
}

/**
 * `Is.` inside a sentence, after a word or a comma on the same line (`which are Is. per pot`, `Admission, Is.`): the
 * verb has no capital there, nor a full stop before the next word; a shilling has both.
 */
function shillingInSentence(tokens: readonly Token[], i: number): boolean {
  if (tokens[i].text !== 'Is' || tokens[i + 1]?.text !== '.' || !isSpace(tokens[i - 1])) return false;
  const before = tokens[i - 2];
  return before !== undefined && ((before.kind === 'word' && /\p{Ll}$/u.test(before.text)) || before.text === ',');
}

/** A sum ends right before token i: `10s Is`, `£1. Is`, `5l. Is` (a stop after it and one space, on the same line). */
function sumBefore(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  if (!isSpace(tokens[k])) return false;
  k--;
  if (tokens[k]?.text === '.') k--;
  const t = tokens[k];
  if (t?.kind !== 'number') return false;
  return SUM.test(t.text) || (/^\d+$/.test(t.text) && tokens[k - 1]?.text === '£');
}

/** A sum starts right after token i: `Is 6d`, `Is. 6d`, `Is 1½d`. */
function sumAfter(tokens: readonly Token[], i: number): boolean {
  let k = i + 1;
  if (tokens[k]?.text === '.') k++;
  if (!isSpace(tokens[k])) return false;
  const t = tokens[k + 1];
  if (t?.kind !== 'number') return false;
  return SUM.test(t.text) || (/^\d+$/.test(t.text) && /^[½¼¾]$/.test(tokens[k + 2]?.text ?? '') && /^[sd]$/.test(tokens[k + 3]?.text ?? ''));
}

function isSpace(t: Token | undefined): boolean {
  return t?.kind === 'space' && !t.text.includes('\n');
}
