/**
 * Channel costs fitted from real OCR pairs: a noise profile's counts of how often each clean string of one or two
 * characters was read as something else (`packages/corruptors`' `sub` table) turned into directed confusions whose
 * cost falls with their probability. Only derived counts are used, never the text they came from.
 */

/** The part of a noise profile this module reads: per clean string, how often it occurs and what it was read as. */
export interface SubstitutionCounts {
  sub: Record<string, { n: number; to: Record<string, number> }>;
}

export interface FittedCostOptions {
  /** Confusions seen fewer times than this are left out (too few to estimate). */
  minCount: number;
  /** Cost of a confusion of probability 1 % (one reading in a hundred). */
  costAtOnePercent: number;
  /** Cost added per unit of −ln probability below 1 % (taken off above it). */
  slope: number;
  /** Cheapest and dearest cost a fitted confusion gets. */
  minCost: number;
  maxCost: number;
}

/** What a word's letters may be read as: lower-case letters, digits and the marks OCR puts inside words. */
const READABLE = /^[a-z0-9.,'!|()/\\~^«»*:;-]*$/;

/** Directed confusions [noisy, clean, cost] from a noise profile (case folded: words are compared lower-cased). */
export function fittedConfusions(profile: SubstitutionCounts, opts: FittedCostOptions): Array<[string, string, number]> {
  const out: Array<[string, string, number]> = [];
  for (const [clean, entry] of Object.entries(profile.sub)) {
    if (clean.length === 0 || clean !== clean.toLowerCase() || !/^[a-z]+$/.test(clean)) continue;
    for (const [noisy, count] of Object.entries(entry.to)) {
      if (count < opts.minCount || noisy === clean || !READABLE.test(noisy) || noisy.length > 2) continue;
      const p = count / entry.n;
      const cost = opts.costAtOnePercent + opts.slope * (-Math.log(p) - Math.log(100));
      out.push([noisy, clean, Math.min(opts.maxCost, Math.max(opts.minCost, cost))]);
    }
  }
  return out;
}
