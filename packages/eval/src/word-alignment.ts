import { align } from './levenshtein.js';

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
  /** Hypothesis tokens aligned to no reference word. */
  inserted: number;
}

/** Word-level Levenshtein alignment of a hypothesis against a reference. */
export function alignWords(hyp: readonly string[], ref: readonly string[], ids = new TokenIds()): WordAlignment {
  const { distance, steps } = align(ids.of(hyp), ids.of(ref));
  const alignedToRef: (string | null)[] = new Array(ref.length).fill(null);
  let inserted = 0;
  for (const s of steps) {
    if (s.op === 'match' || s.op === 'sub') alignedToRef[s.ref] = hyp[s.hyp];
    else if (s.op === 'ins') inserted++;
  }
  return { distance, alignedToRef, inserted };
}
