/** A fenced code block: from the start of its opening fence line to the end of its closing fence. */
export interface Fence {
  start: number;
  end: number;
}

/**
 * An opening fence: three or more backticks at the start of a line (indented by at most three spaces), with at most a
 * language name after them (```ts). Markdown's tilde fences are left out: scans are full of tildes.
 */
const OPEN = /^ {0,3}(`{3,})[ \t]*[\w+#.-]*[ \t]*$/gm;

/**
 * The fenced code blocks of a Markdown text, in order. A block ends at the next line that is a fence at least as long.
 * One never closed is no block here (Markdown runs it to the end of the text, but a stray fence-like line in a scan
 * would then shield everything after it).
 */
export function codeFences(text: string): Fence[] {
  const out: Fence[] = [];
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) {
    const fence = m[1];
    const lineEnd = m.index + m[0].length;
    const close = new RegExp(`^ {0,3}\`{${fence.length},}[ \\t]*$`, 'gm');
    close.lastIndex = Math.min(text.length, lineEnd + 1);
    const c = lineEnd < text.length ? close.exec(text) : null;
    if (!c) continue;
    const end = c.index + c[0].length;
    out.push({ start: m.index, end });
    OPEN.lastIndex = Math.max(end, m.index + 1);
  }
  return out;
}

/** Whether offset `at` falls strictly inside one of `fences` (a cut there would split the block). */
export function insideFence(fences: readonly Fence[], at: number): Fence | undefined {
  return fences.find((f) => at > f.start && at < f.end);
}
