import type { DocumentResult } from '@unsmudge/jobs';

// Sentences we wrote ourselves, with OCR-style damage (b/h, rn/m, 0/o, 4/a, broken words).
const NOISY = [
  'Tbe c4t sat 0n the rnat near the window of the old house.',
  'The Municipal Cmincil will rneet at the Town Hall this evening.',
  'A large nurnber of people attended tbe meeting on Tuesday.',
  'The cornmittee agreed that the new bridge should be built next year.',
  'Fanners in the district report a good harvest of wheat and barley.',
  'The steamer arrived in the harbour with passengers and rnail.',
  'Several rnembers spoke against the proposal to raise the rates.',
  'The weather was fine and the roads were in good 0rder.',
];

/** A document of `paragraphs` paragraphs (numbered so no two are the same), blank-line separated. */
export function noisyDocument(paragraphs: number, seed = 0): string {
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const s: string[] = [];
    for (let k = 0; k < 4; k++) s.push(NOISY[(seed + p * 3 + k) % NOISY.length]!);
    out.push(`Item ${seed}.${p + 1}. ${s.join(' ')}`);
  }
  return out.join('\n\n');
}

/** Applies a result's edits (offsets into the original) to the original text. */
export function applyEdits(original: string, edits: DocumentResult['edits']): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += original.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + original.slice(at);
}

/** Checks that a result is consistent with its input: edits point at the original, chunks at the cleaned text. */
export function expectConsistent(original: string, r: DocumentResult, expect: (v: unknown) => { toBe: (x: unknown) => void }): void {
  for (const e of r.edits) expect(original.slice(e.start, e.end)).toBe(e.original);
  expect(applyEdits(original, r.edits)).toBe(r.text);
  for (const c of r.chunks) expect(r.text.slice(c.start, c.end)).toBe(c.text);
}
