import { codeFences, insideFence } from '../text/code-fences.js';

/** A piece of a long document, with its offset in the document. */
export interface Window {
  start: number;
  text: string;
}

/**
 * Cuts a long text into pieces of about `maxChars` at line boundaries — preferring blank lines,
 * never after a line that ends in a hyphen (its word continues on the next line) and never inside a fenced code
 * block (a piece that began inside one would read its closing fence as an opening) — so that every piece can be
 * corrected on its own and the edits shifted back. A block longer than `maxChars` stays whole in one piece.
 */
export function splitIntoWindows(text: string, maxChars: number): Window[] {
  if (text.length <= maxChars) return [{ start: 0, text }];
  const out: Window[] = [];
  const fences = codeFences(text);
  let start = 0;
  while (start < text.length) {
    if (text.length - start <= maxChars) {
      out.push({ start, text: text.slice(start) });
      break;
    }
    const limit = start + maxChars;
    let cut = text.lastIndexOf('\n\n', limit);
    if (cut <= start) cut = -1;
    else cut += 2;
    if (cut < 0) {
      let nl = text.lastIndexOf('\n', limit);
      while (nl > start && /-\s*$/.test(text.slice(Math.max(start, nl - 3), nl))) nl = text.lastIndexOf('\n', nl - 1);
      cut = nl > start ? nl + 1 : -1;
    }
    if (cut < 0) {
      // one very long line: cut at the last space (a word is never split)
      const sp = text.lastIndexOf(' ', limit);
      cut = sp > start ? sp + 1 : limit;
    }
    // a cut inside a block moves to its start, or past its end when the block opens the piece
    const fence = insideFence(fences, cut);
    if (fence) cut = fence.start > start ? fence.start : fence.end;
    if (cut >= text.length) {
      out.push({ start, text: text.slice(start) });
      break;
    }
    out.push({ start, text: text.slice(start, cut) });
    start = cut;
  }
  return out;
}
