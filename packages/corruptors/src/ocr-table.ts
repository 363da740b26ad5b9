/**
 * Visual OCR confusions, applied in both directions. Groups (`l 1 I |`) confuse every member
 * with every other.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['rn', 'm'],
  ['cl', 'd'],
  ['vv', 'w'],
  ['li', 'h'],
  ['in', 'm'],
  ['ri', 'n'],
  ['ii', 'u'],
  ['O', '0'],
  ['o', '0'],
  ['S', '5'],
  ['B', '8'],
  ['e', 'c'],
  ['a', 'o'],
  ['u', 'n'],
  ['h', 'b'],
  ['f', 't'],
  ['c', 'o'],
  ['i', 'l'],
  ['t', 'l'],
  ['E', 'F'],
  ['C', 'G'],
  ['D', 'O'],
  [',', '.'],
  ['.', ','],
  [';', ':'],
];
const GROUPS: ReadonlyArray<readonly string[]> = [['l', '1', 'I', '|']];

export interface OcrConfusion {
  from: string;
  to: string;
}

function build(): Map<number, OcrConfusion[]> {
  const all: OcrConfusion[] = [];
  const add = (from: string, to: string) => {
    if (!all.some((c) => c.from === from && c.to === to)) all.push({ from, to });
  };
  for (const [a, b] of PAIRS) {
    add(a, b);
    add(b, a);
  }
  for (const g of GROUPS) for (const a of g) for (const b of g) if (a !== b) add(a, b);
  const byFirst = new Map<number, OcrConfusion[]>();
  for (const c of all) {
    const k = c.from.charCodeAt(0);
    const list = byFirst.get(k) ?? [];
    list.push(c);
    byFirst.set(k, list);
  }
  return byFirst;
}

/** OCR confusions indexed by the first code unit of `from`. */
export const OCR_BY_FIRST: ReadonlyMap<number, readonly OcrConfusion[]> = build();

/** True if `from → to` is one of the table's confusions. */
export function isOcrConfusion(from: string, to: string): boolean {
  const list = OCR_BY_FIRST.get(from.charCodeAt(0));
  return list !== undefined && list.some((c) => c.from === from && c.to === to);
}
