/** QWERTY neighbours (same row ±1, the two keys above and the two below, staggered layout). */
const ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
// Offset of each row relative to the one above, in key widths (staggered keyboard).
const SHIFT = [0, 0.5, 0.75, 1.25];

function build(): Map<string, string> {
  const map = new Map<string, string>();
  for (let r = 0; r < ROWS.length; r++) {
    for (let j = 0; j < ROWS[r].length; j++) {
      const x = j + SHIFT[r];
      let out = '';
      for (let r2 = r - 1; r2 <= r + 1; r2++) {
        if (r2 < 0 || r2 >= ROWS.length) continue;
        for (let j2 = 0; j2 < ROWS[r2].length; j2++) {
          if (r2 === r && j2 === j) continue;
          const dx = Math.abs(j2 + SHIFT[r2] - x);
          if ((r2 === r && dx <= 1) || (r2 !== r && dx <= 0.76)) out += ROWS[r2][j2];
        }
      }
      // letters get letter neighbours; digits get digit neighbours
      const isDigit = r === 0;
      out = [...out].filter((ch) => (isDigit ? ch >= '0' && ch <= '9' : ch < '0' || ch > '9')).join('');
      map.set(ROWS[r][j], out);
    }
  }
  return map;
}

/** Neighbour keys for a–z and 0–9 (lower case). */
export const KEYBOARD_NEIGHBOURS: ReadonlyMap<string, string> = build();

/** A random QWERTY neighbour of `ch`, case preserved; `ch` itself if it has none. */
export function keyboardNeighbour(ch: string, r: number): string {
  const lower = ch.toLowerCase();
  const nb = KEYBOARD_NEIGHBOURS.get(lower);
  if (!nb) return ch;
  const pick = nb[Math.floor(r * nb.length)];
  return ch === lower ? pick : pick.toUpperCase();
}

/** True if `a` and `b` are neighbouring keys (case-insensitive). */
export function areKeyboardNeighbours(a: string, b: string): boolean {
  const nb = KEYBOARD_NEIGHBOURS.get(a.toLowerCase());
  return nb !== undefined && b.length === 1 && nb.includes(b.toLowerCase());
}
