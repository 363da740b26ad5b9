import { codePoints, levenshtein } from './levenshtein.js';

/** Whitespace tokens of a text (the unit of WER and of the word-level rates). */
export function words(text: string): string[] {
  const t = text.trim();
  return t === '' ? [] : t.split(/\s+/u);
}

/** Maps tokens of several token lists to shared integer ids so they can be aligned. */
export class TokenIds {
  private readonly ids = new Map<string, number>();
  of(tokens: readonly string[]): number[] {
    return tokens.map((t) => {
      let id = this.ids.get(t);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(t, id);
      }
      return id;
    });
  }
}

export interface WordAlignment {
  /** Word-level Levenshtein distance (the WER numerator). */
  distance: number;
  /**
   * For each reference word, the hypothesis token aligned to it (match or substitution), or null
   * when the alignment deletes it. A merge ("thecat" for "the cat") becomes a substitution plus a
   * deletion and a split ("ca t" for "cat") a substitution plus an insertion, so neither reference
   * word counts as right and the misalignment does not spill onto neighbouring words.
   */
  alignedToRef: (string | null)[];
  /** For each reference word, the index in `hyp` of the token aligned to it, or null. */
  indexAlignedToRef: (number | null)[];
  /** Hypothesis tokens aligned to no reference word. */
  inserted: number;
}

/**
 * Word-level Levenshtein alignment of a hypothesis against a reference. Among the alignments with the
 * fewest word edits it picks the one whose substituted words are most alike (normalised character
 * distance), so "a qiuck brown fox" vs "a quick fox" pairs "qiuck" with "quick", not "brown".
 */
export function alignWords(hyp: readonly string[], ref: readonly string[], ids = new TokenIds()): WordAlignment {
  const h = ids.of(hyp);
  const r = ids.of(ref);
  const n = h.length;
  const m = r.length;
  const hc = hyp.map(codePoints);
  const rc = ref.map(codePoints);
  // Tie-break weight: the sum of all tie-break terms stays below 1, so the word-edit count is still minimal.
  const eps = 1 / (n + m + 2);
  const gap = 1 + eps;
  const subCost = (i: number, j: number): number => {
    if (h[i] === r[j]) return 0;
    const a = hc[i];
    const b = rc[j];
    return 1 + (eps * levenshtein(a, b)) / Math.max(a.length, b.length, 1);
  };
  // Forward pass keeps the cost and the chosen step (0 diagonal, 1 deletion, 2 insertion) of each cell.
  const w = m + 1;
  const d = new Float64Array((n + 1) * w);
  const step = new Uint8Array((n + 1) * w);
  for (let j = 1; j <= m; j++) {
    d[j] = d[j - 1] + gap;
    step[j] = 1;
  }
  for (let i = 1; i <= n; i++) {
    d[i * w] = d[(i - 1) * w] + gap;
    step[i * w] = 2;
    for (let j = 1; j <= m; j++) {
      const diag = d[(i - 1) * w + j - 1] + subCost(i - 1, j - 1);
      const del = d[i * w + j - 1] + gap;
      const ins = d[(i - 1) * w + j] + gap;
      let best = diag;
      let s = 0;
      if (del < best) [best, s] = [del, 1];
      if (ins < best) [best, s] = [ins, 2];
      d[i * w + j] = best;
      step[i * w + j] = s;
    }
  }
  const alignedToRef: (string | null)[] = new Array(m).fill(null);
  const indexAlignedToRef: (number | null)[] = new Array(m).fill(null);
  let distance = 0;
  let inserted = 0;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = step[i * w + j];
    if (s === 0) {
      alignedToRef[j - 1] = hyp[i - 1];
      indexAlignedToRef[j - 1] = i - 1;
      if (h[i - 1] !== r[j - 1]) distance++;
      i--;
      j--;
    } else if (s === 1) {
      distance++;
      j--;
    } else {
      distance++;
      inserted++;
      i--;
    }
  }
  return { distance, alignedToRef, indexAlignedToRef, inserted };
}
