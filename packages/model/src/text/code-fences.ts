/** A fenced code block: from the start of its opening fence line to the end of its closing fence (or of the text). */
export interface Fence {
  start: number;
  end: number;
}

/** An opening fence: three or more backticks or tildes at the start of a line, indented by at most three spaces. */
const OPEN = /^ {0,3}(`{3,}|~{3,})/gm;

/**
 * The fenced code blocks of a Markdown text, in order. A block ends at the next line that starts with a fence of the
 * same character at least as long; one that is never closed runs to the end of the text, as Markdown reads it.
 */
export function codeFences(text: string): Fence[] {
  const out: Fence[] = [];
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) {
    const fence = m[1];
    // backtick fences carry no backticks in their info string (``` ts), else the line is inline code
    const lineEnd = endOfLine(text, m.index);
    if (fence[0] === '`' && text.slice(m.index + m[0].length, lineEnd).includes('`')) continue;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`, 'gm');
    close.lastIndex = Math.min(text.length, lineEnd + 1);
    const c = lineEnd < text.length ? close.exec(text) : null;
    const end = c ? c.index + c[0].length : text.length;
    out.push({ start: m.index, end });
    OPEN.lastIndex = Math.max(end, m.index + 1);
  }
  return out;
}

function endOfLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Whether offset `at` falls strictly inside one of `fences` (a cut there would split the block). */
export function insideFence(fences: readonly Fence[], at: number): Fence | undefined {
  return fences.find((f) => at > f.start && at < f.end);
}
