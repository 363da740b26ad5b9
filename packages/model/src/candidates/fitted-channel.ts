/**
 * Channel costs fitted from real OCR pairs: how often each clean string of one or two letters was read as something
 * else, counted over aligned (noisy, clean) pairs (a noise profile of `packages/corruptors`, `sub` table), turned
 * into directed confusions whose cost falls with their probability. Only derived counts are kept, never text.
 */

/** Per clean string (lower-case letters), how often it occurs and what it was read as. */
export type SubstitutionCounts = Record<string, { n: number; to: Record<string, number> }>;

/** The counts a checkpoint keeps (`channel.json`). */
export interface ChannelCounts {
  format: 'unsmudge-channel-counts';
  version: 1;
  /** Where the counts come from (data files of the profile). */
  sources: string[];
  sub: SubstitutionCounts;
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
const READABLE = /^[a-z0-9.,'!|()/\\~^«»*:;-]{0,2}$/;
const LETTERS = /^[a-z]{1,2}$/;

/**
 * The counts worth keeping from a noise profile's `sub` table: clean strings of lower-case letters read as at most
 * two readable characters, seen at least `minCount` times (case is folded away: words are compared lower-cased).
 */
export function channelCountsFromProfile(profile: { sub?: SubstitutionCounts; sources?: string[] }, minCount = 2): ChannelCounts {
  if (!profile.sub || typeof profile.sub !== 'object') throw new Error('not a noise profile: it has no `sub` table');
  const sub: SubstitutionCounts = {};
  for (const [clean, entry] of Object.entries(profile.sub)) {
    if (!LETTERS.test(clean) || !(entry.n > 0)) continue;
    const to: Record<string, number> = {};
    for (const [noisy, count] of Object.entries(entry.to ?? {})) {
      if (count >= minCount && noisy !== clean && READABLE.test(noisy)) to[noisy] = count;
    }
    if (Object.keys(to).length > 0) sub[clean] = { n: entry.n, to };
  }
  return { format: 'unsmudge-channel-counts', version: 1, sources: profile.sources ?? [], sub };
}

/** Checks a parsed `channel.json`. */
export function parseChannelCounts(json: unknown): ChannelCounts {
  const c = json as Partial<ChannelCounts> | null;
  if (!c || c.format !== 'unsmudge-channel-counts' || c.version !== 1 || typeof c.sub !== 'object' || c.sub === null) {
    throw new Error('not a channel-counts file (format "unsmudge-channel-counts", version 1)');
  }
  return c as ChannelCounts;
}

/** Directed confusions [noisy, clean, cost] from the counts. */
export function fittedConfusions(counts: ChannelCounts, opts: FittedCostOptions): Array<[string, string, number]> {
  const out: Array<[string, string, number]> = [];
  for (const [clean, entry] of Object.entries(counts.sub)) {
    for (const [noisy, count] of Object.entries(entry.to)) {
      if (count < opts.minCount) continue;
      const cost = opts.costAtOnePercent + opts.slope * (-Math.log(count / entry.n) - Math.log(100));
      out.push([noisy, clean, Math.min(opts.maxCost, Math.max(opts.minCost, cost))]);
    }
  }
  return out;
}
