/**
 * Visual OCR confusions, applied in both directions. Groups (`l 1 I |`) confuse every member
 * with every other.
 */
/**
 * [a, b, weight a→b, weight b→a]. Weights are relative pick frequencies among the confusions that
 * match at one position; the common ones follow what the OCR dev sets show (e→o, c→o, I→1, h→b, n→u …).
 */
const PAIRS: ReadonlyArray<readonly [string, string, number, number]> = [
  ['rn', 'm', 1, 0.5],
  ['cl', 'd', 1, 0.5],
  ['vv', 'w', 1, 0.5],
  ['li', 'h', 1, 1],
  ['in', 'm', 1, 0.5],
  ['ri', 'n', 1, 0.5],
  ['ll', 'U', 1, 0.2],
  ['ii', 'u', 0.5, 0.5],
  ['fi', 'n', 0.5, 0.1],
  ['O', '0', 1, 1],
  ['o', '0', 0.3, 0.3],
  ['S', '5', 1, 1],
  ['B', '8', 1, 1],
  ['e', 'o', 6, 1],
  ['e', 'c', 1.5, 1.5],
  ['e', 'é', 2, 0],
  ['e', 'è', 0.4, 0],
  ['a', 'o', 1, 1],
  ['a', 'n', 1, 0.5],
  ['a', 'e', 1, 1],
  ['s', 'a', 2, 0.5],
  ['s', 'e', 1, 0.5],
  ['u', 'n', 1, 4],
  ['u', 'a', 1, 0.5],
  ['h', 'b', 5, 1],
  ['f', 't', 1, 1],
  ['c', 'o', 8, 1],
  ['i', 'l', 1, 3],
  ['r', 'i', 2, 0.5],
  ['t', 'l', 0.5, 0.5],
  ['E', 'F', 1, 1],
  ['C', 'G', 1, 1],
  ['D', 'O', 1, 1],
  [',', '.', 1, 1],
  [';', ':', 1, 1],
];
/** Every member confused with every other (from → to weight). */
const GROUPS: ReadonlyArray<readonly string[]> = [['l', '1', 'I', '|']];
const GROUP_WEIGHT: Record<string, number> = { 'I→1': 6, 'I→l': 2, 'l→1': 1, '1→l': 1, '1→I': 1, 'l→I': 1 };

export interface OcrConfusion {
  from: string;
  to: string;
  weight: number;
}

function build(): Map<number, OcrConfusion[]> {
  const all: OcrConfusion[] = [];
  const add = (from: string, to: string, weight: number) => {
    if (!all.some((c) => c.from === from && c.to === to)) all.push({ from, to, weight });
  };
  for (const [a, b, wab, wba] of PAIRS) {
    if (wab > 0) add(a, b, wab);
    if (wba > 0) add(b, a, wba);
  }
  for (const g of GROUPS) for (const a of g) for (const b of g) if (a !== b) add(a, b, GROUP_WEIGHT[`${a}→${b}`] ?? 0.5);
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
