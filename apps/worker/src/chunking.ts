/** A span of the document, [start, end) in UTF-16 code units; never starts or ends with whitespace. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface ChunkOptions {
  /** Paragraphs are packed together up to about this many characters. */
  targetChars: number;
  /** Hard ceiling: longer paragraphs are cut at sentence ends, else at spaces, else anywhere. */
  maxChars: number;
}

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n\s*/g;

/** Splits text into paragraphs (separated by blank lines), trimmed, offsets kept. */
export function splitParagraphs(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) spans.push({ start, end, text: text.slice(start, end) });
  };
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return spans;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Best cut position in text[start, start+maxChars]: after a sentence end, else at whitespace, else hard. */
function findCut(text: string, start: number, end: number, opts: ChunkOptions): number {
  const limit = Math.min(end, start + opts.maxChars);
  const floor = start + Math.max(1, Math.floor(opts.targetChars / 2));
  let sentence = -1;
  let space = -1;
  for (let i = limit; i > floor; i--) {
    const ch = text[i];
    if (ch !== undefined && /\s/.test(ch)) {
      if (space < 0) space = i;
      const before = text[i - 1] ?? '';
      const before2 = text[i - 2] ?? '';
      if (/[.!?;]/.test(before) || (/["')\]]/.test(before) && /[.!?]/.test(before2))) {
        // Prefer the sentence end closest to the target length.
        if (sentence < 0 || Math.abs(i - start - opts.targetChars) < Math.abs(sentence - start - opts.targetChars)) {
          sentence = i;
        }
      }
    }
  }
  if (sentence > 0) return sentence;
  if (space > 0) return space;
  let cut = limit;
  if (cut < end && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return cut;
}

/** Cuts one long span into pieces no longer than maxChars. */
function splitLong(text: string, span: TextSpan, opts: ChunkOptions): TextSpan[] {
  const pieces: TextSpan[] = [];
  let start = span.start;
  while (start < span.end) {
    while (start < span.end && /\s/.test(text[start]!)) start++;
    if (start >= span.end) break;
    if (span.end - start <= opts.maxChars) {
      pieces.push({ start, end: span.end, text: text.slice(start, span.end) });
      break;
    }
    const cut = findCut(text, start, span.end, opts);
    let end = cut;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    pieces.push({ start, end, text: text.slice(start, end) });
    start = cut;
  }
  return pieces;
}

/**
 * Splits a document into chunks of whole paragraphs (~targetChars, at most maxChars each).
 * Chunks are in order, do not overlap, and everything between them is whitespace,
 * so the document can be rebuilt from the chunks and the gaps between them.
 */
export function chunkText(text: string, opts: ChunkOptions): TextSpan[] {
  if (opts.maxChars < opts.targetChars) throw new RangeError('maxChars must be >= targetChars');
  const pieces = splitParagraphs(text).flatMap((p) => (p.end - p.start > opts.maxChars ? splitLong(text, p, opts) : [p]));
  const chunks: TextSpan[] = [];
  let current: { start: number; end: number } | undefined;
  for (const p of pieces) {
    if (current && p.end - current.start <= opts.targetChars) {
      current.end = p.end;
    } else {
      if (current) chunks.push({ ...current, text: text.slice(current.start, current.end) });
      current = { start: p.start, end: p.end };
    }
  }
  if (current) chunks.push({ ...current, text: text.slice(current.start, current.end) });
  return chunks;
}
