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

/** At least three letters and more than half of them capitals (`EEuNING`, `AccrDENT`). */
export function mostlyCapitals(w: string): boolean {
  const letters = [...w].filter((c) => c.toLowerCase() !== c.toUpperCase());
  const upper = letters.filter((c) => c !== c.toLowerCase()).length;
  return upper >= 3 && upper * 2 > letters.length;
}
