/**
 * Whitespace-delimited tokens we never corrupt: URLs, e-mail addresses, `www.` hosts.
 * Returns flat [start, end, start, end, …] pairs, sorted. Cheap when none are present.
 */
export function protectedSpans(text: string): number[] {
  if (text.indexOf('://') < 0 && text.indexOf('@') < 0 && text.indexOf('www.') < 0) return [];
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    const s = i;
    while (i < n && !isWs(text.charCodeAt(i))) i++;
    if (i > s) {
      const tok = text.slice(s, i);
      if (tok.includes('://') || tok.startsWith('www.') || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(tok.replace(/[.,;:!?)]+$/, ''))) {
        out.push(s, i);
      }
    }
  }
  return out;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0;
}
