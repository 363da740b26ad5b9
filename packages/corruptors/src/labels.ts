import type { Edit } from './types.js';

/** A whitespace-delimited word of the clean text and whether corruption touched it. */
export interface WordLabel {
  start: number;
  end: number;
  text: string;
  corrupted: boolean;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0c || c === 0x0b;
}

/**
 * Per-character labels on the clean text: 1 where a clean character was changed or deleted.
 * A pure insertion (empty `from`) marks the clean characters on both sides of it.
 */
export function corruptedCharMask(clean: string, edits: readonly Edit[]): Uint8Array {
  const mask = new Uint8Array(clean.length);
  for (const e of edits) {
    if (e.cleanEnd > e.cleanStart) mask.fill(1, e.cleanStart, e.cleanEnd);
    else {
      if (e.cleanStart > 0) mask[e.cleanStart - 1] = 1;
      if (e.cleanStart < clean.length) mask[e.cleanStart] = 1;
    }
  }
  return mask;
}

/**
 * Word-level labels for an error detector: every whitespace-delimited clean word, flagged if any
 * edit changed a character of it, inserted something inside or at its edge, or changed the
 * whitespace next to it (merged words are both flagged).
 */
export function corruptedWords(clean: string, edits: readonly Edit[]): WordLabel[] {
  const words: WordLabel[] = [];
  const wordAt = new Int32Array(clean.length + 1).fill(-1);
  for (let i = 0; i < clean.length; ) {
    if (isWs(clean.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    while (i < clean.length && !isWs(clean.charCodeAt(i))) i++;
    wordAt.fill(words.length, s, i);
    words.push({ start: s, end: i, text: clean.slice(s, i), corrupted: false });
  }
  const flag = (pos: number) => {
    if (pos >= 0 && pos < clean.length && wordAt[pos] >= 0) words[wordAt[pos]].corrupted = true;
  };
  for (const e of edits) {
    for (let p = e.cleanStart; p < e.cleanEnd; p++) flag(p);
    // whitespace edits and insertions affect the words touching them
    flag(e.cleanStart - 1);
    if (e.cleanEnd > e.cleanStart) {
      const onlyWs = [...e.from].every((ch) => isWs(ch.charCodeAt(0)));
      if (onlyWs) flag(e.cleanEnd);
    } else flag(e.cleanStart);
  }
  return words;
}

/** Just the flags of `corruptedWords`, one per clean word. */
export function corruptedWordMask(clean: string, edits: readonly Edit[]): boolean[] {
  return corruptedWords(clean, edits).map((w) => w.corrupted);
}
