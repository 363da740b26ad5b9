import { alignPair } from './align-pair.js';
import { ERROR_KINDS, type ErrorKind } from './types.js';

/** Counts of what one clean string (1–2 chars, or an insertion context) became. */
export interface ProfileEntry {
  /** How often `from` (or the context) occurred in the clean text. */
  n: number;
  /** Replacement → count (only replacements different from `from`). */
  to: Record<string, number>;
  /** Count of rarer replacements pruned from `to`; their mass is spread over `to` when sampling. */
  other?: number;
}

/** A noise profile fitted from real (noisy, clean) pairs. Stored as JSON. */
export interface Profile {
  format: 'unsmudge-noise-profile';
  version: 1;
  /** Free-form description of the data it was fitted on. */
  sources: string[];
  pairs: number;
  /** Pairs skipped as alignment failures (too different to be OCR noise). */
  skipped: number;
  cleanChars: number;
  /** Character error rate over the used pairs (edit operations / clean chars). */
  cer: number;
  /** Edits per clean character, by kind. */
  rates: Partial<Record<ErrorKind, number>>;
  /** Substitutions and deletions of 1–2 clean characters: `from` → entry. */
  sub: Record<string, ProfileEntry>;
  /**
   * Left-context refinements of 1-character substitutions: key = previous clean char + `from`.
   * Only contexts with at least `minContextEdits` edits are kept; sampling uses them instead of
   * `sub[from]` and uses `sub[from]` minus these contexts everywhere else.
   */
  ctx?: Record<string, ProfileEntry>;
  /** Insertions after a clean character (`''` = at the start): context → entry. */
  ins: Record<string, ProfileEntry>;
}

export interface FitOptions {
  sources?: string[];
  /** Replacements of 2-char keys seen fewer times are pruned (default 2; 1-char keys keep all, up to maxPerKey). */
  minCount?: number;
  /** Keep at most this many replacements per `from` (default 24; 3× that per insertion context). */
  maxPerKey?: number;
  /** Called every 1000 pairs with the number of pairs aligned so far. */
  onProgress?: (pairsDone: number) => void;
  /** Fewest edits for a left-context entry in `ctx` (default 8). */
  minContextEdits?: number;
  /** Skip pairs whose edit ops exceed this fraction of the clean length (default 0.5). */
  maxPairCer?: number;
}

export interface Pair {
  noisy: string;
  clean: string;
}

/** Align every pair and estimate per-kind rates and confusion tables. */
export function fitProfile(pairs: Iterable<Pair>, options: FitOptions = {}): Profile {
  const minCount = options.minCount ?? 2;
  const maxPerKey = options.maxPerKey ?? 24;
  const maxPairCer = options.maxPairCer ?? 0.5;
  const minContextEdits = options.minContextEdits ?? 8;
  const ctxCounts = new Map<string, Map<string, number>>();
  const subCounts = new Map<string, Map<string, number>>();
  const insCounts = new Map<string, Map<string, number>>();
  const kindCounts = new Map<ErrorKind, number>();
  const used: string[] = [];
  let nPairs = 0;
  let skipped = 0;
  let chars = 0;
  let ops = 0;
  const bump = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    let inner = m.get(k);
    if (!inner) m.set(k, (inner = new Map()));
    inner.set(v, (inner.get(v) ?? 0) + 1);
  };
  let seen = 0;
  for (const { noisy, clean } of pairs) {
    if (++seen % 1000 === 0) options.onProgress?.(seen);
    if (clean.length === 0) continue;
    const edits = alignPair(noisy, clean);
    let pairOps = 0;
    for (const e of edits) pairOps += Math.max(e.from.length, e.to.length);
    if (pairOps > maxPairCer * clean.length) {
      skipped++;
      continue;
    }
    nPairs++;
    chars += clean.length;
    ops += pairOps;
    used.push(clean);
    for (const e of edits) {
      kindCounts.set(e.kind, (kindCounts.get(e.kind) ?? 0) + 1);
      if (e.from === '') bump(insCounts, clean.charAt(e.cleanStart - 1), e.to);
      else {
        bump(subCounts, e.from, e.to);
        if (e.from.length === 1 && e.cleanStart > 0) bump(ctxCounts, clean.charAt(e.cleanStart - 1) + e.from, e.to);
      }
    }
  }
  // occurrence counts of the keys we need
  const occ = new Map<string, number>();
  for (const k of subCounts.keys()) occ.set(k, 0);
  for (const [k, m] of ctxCounts) {
    let total = 0;
    for (const c of m.values()) total += c;
    if (total < minContextEdits || k.length !== 2) ctxCounts.delete(k);
  }
  const bigramOcc = new Map<string, number>();
  for (const k of ctxCounts.keys()) bigramOcc.set(k, 0);
  const ctxOcc = new Map<string, number>();
  for (const k of insCounts.keys()) ctxOcc.set(k, 0);
  for (const clean of used) {
    if (ctxOcc.has('')) ctxOcc.set('', ctxOcc.get('')! + 1);
    for (let i = 0; i < clean.length; i++) {
      const one = clean.charAt(i);
      const o1 = occ.get(one);
      if (o1 !== undefined) occ.set(one, o1 + 1);
      const c1 = ctxOcc.get(one);
      if (c1 !== undefined) ctxOcc.set(one, c1 + 1);
      if (i + 1 < clean.length) {
        const two = clean.slice(i, i + 2);
        const o2 = occ.get(two);
        if (o2 !== undefined) occ.set(two, o2 + 1);
        const b2 = bigramOcc.get(two);
        if (b2 !== undefined) bigramOcc.set(two, b2 + 1);
      }
    }
  }
  const table = (counts: Map<string, Map<string, number>>, occurrences: Map<string, number>, perKey: number) => {
    const out: Record<string, ProfileEntry> = {};
    const keys = [...counts.keys()].sort();
    for (const k of keys) {
      const all = [...counts.get(k)!.entries()];
      const kept = all
        .filter(([, c]) => c >= (k.length > 1 ? minCount : 1))
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, perKey);
      const n = occurrences.get(k) ?? 0;
      if (kept.length === 0 || n === 0) continue;
      const other = all.reduce((acc, [, c]) => acc + c, 0) - kept.reduce((acc, [, c]) => acc + c, 0);
      out[k] = other > 0 ? { n, to: Object.fromEntries(kept), other } : { n, to: Object.fromEntries(kept) };
    }
    return out;
  };
  const rates: Partial<Record<ErrorKind, number>> = {};
  for (const k of ERROR_KINDS) {
    const c = kindCounts.get(k);
    if (c) rates[k] = round(c / Math.max(1, chars));
  }
  return {
    format: 'unsmudge-noise-profile',
    version: 1,
    sources: options.sources ?? [],
    pairs: nPairs,
    skipped,
    cleanChars: chars,
    cer: round(ops / Math.max(1, chars)),
    rates,
    sub: table(subCounts, occ, maxPerKey),
    ctx: table(ctxCounts, bigramOcc, maxPerKey),
    ins: table(insCounts, ctxOcc, maxPerKey * 3),
  };
}

function round(x: number): number {
  return Number(x.toPrecision(4));
}

/** Validate parsed JSON as a Profile; throws TypeError naming the first problem. */
export function parseProfile(json: unknown): Profile {
  const p = json as Profile;
  if (typeof p !== 'object' || p === null) throw new TypeError('profile must be a JSON object');
  if (p.format !== 'unsmudge-noise-profile') throw new TypeError('not an unsmudge noise profile (format field)');
  if (p.version !== 1) throw new TypeError(`unsupported profile version ${String(p.version)}`);
  for (const field of ['sub', 'ins', 'ctx'] as const) {
    const t = p[field];
    if (field === 'ctx' && t === undefined) continue;
    if (typeof t !== 'object' || t === null) throw new TypeError(`profile.${field} must be an object`);
    for (const [k, e] of Object.entries(t)) {
      if (!(typeof e.n === 'number' && e.n > 0) || typeof e.to !== 'object' || e.to === null) {
        throw new TypeError(`profile.${field}["${k}"] must be { n > 0, to: {…} }`);
      }
      for (const [to, c] of Object.entries(e.to)) {
        if (!(typeof c === 'number' && c >= 0)) throw new TypeError(`profile.${field}["${k}"].to["${to}"] must be a count`);
      }
    }
  }
  return p;
}


/** JSON text of a profile: one table entry per line (diff-friendly, compact). */
export function serializeProfile(profile: Profile): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(profile)) {
    if ((k === 'sub' || k === 'ins' || k === 'ctx') && v && typeof v === 'object') {
      const rows = Object.entries(v as Record<string, ProfileEntry>).map(([kk, e]) => `    ${JSON.stringify(kk)}: ${JSON.stringify(e)}`);
      lines.push(`  ${JSON.stringify(k)}: {\n${rows.join(',\n')}\n  }`);
    } else lines.push(`  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}
