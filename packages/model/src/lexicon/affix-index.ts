/** Answers "does some word start (or end) with this?" by binary search over sorted (reversed) words. */
export class AffixIndex {
  private readonly forward: string[];
  private readonly backward: string[];

  constructor(words: Iterable<string>) {
    this.forward = [...words].sort();
    this.backward = this.forward.map(reverse).sort();
  }

  /** Some word other than `p` itself starts with `p`. */
  hasLongerWordStartingWith(p: string): boolean {
    return hasLongerWithPrefix(this.forward, p);
  }

  /** Some word other than `s` itself ends with `s`. */
  hasLongerWordEndingWith(s: string): boolean {
    return hasLongerWithPrefix(this.backward, reverse(s));
  }
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}

function hasLongerWithPrefix(sorted: readonly string[], p: string): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  // sorted[lo] is the first word >= p; skip p itself
  if (sorted[lo] === p) lo++;
  return lo < sorted.length && sorted[lo].startsWith(p);
}
