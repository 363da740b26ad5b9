export type CasePattern = 'lower' | 'upper' | 'title' | 'other';

export function casePattern(w: string): CasePattern {
  const lower = w.toLowerCase();
  const upper = w.toUpperCase();
  if (w === lower) return 'lower';
  if (w === upper) return [...w].filter((c) => c.toLowerCase() !== c).length >= 2 ? 'upper' : 'title';
  const first = w[0];
  if (first === first.toUpperCase() && first !== first.toLowerCase()) return 'title';
  return 'other';
}

/** Gives a lower-case correction the casing of the word it replaces. */
export function applyCase(word: string, pattern: CasePattern): string {
  switch (pattern) {
    case 'upper':
      return word.toUpperCase();
    case 'title':
      return word.charAt(0).toUpperCase() + word.slice(1);
    default:
      return word;
  }
}

/**
 * Capitalises the pieces of a corrected word (after an apostrophe or hyphen) whose counterparts in the original are
 * capitalised: `O'Mulley` → `O'Malley`, not `O'malley`. Words cut into a different number of pieces are left as they are.
 */
export function pieceCapitals(word: string, original: string): string {
  const o = original.split(PIECE_END);
  const w = word.split(PIECE_END);
  if (o.length < 2 || o.length !== w.length) return word;
  return w.map((piece, k) => (k > 0 && /^\p{Lu}/u.test(o[k]) ? piece.charAt(0).toUpperCase() + piece.slice(1) : piece)).join('');
}

const PIECE_END = /(?<=['’-])/u;

/** At least three letters and more than half of them capitals (`EEuNING`, `AccrDENT`). */
export function mostlyCapitals(w: string): boolean {
  const letters = [...w].filter((c) => c.toLowerCase() !== c.toUpperCase());
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper >= 3 && upper * 2 > letters.length;
}
