import type { CorruptFn, CorruptResult, Rng } from '@unsmudge/corruptors';

/** One training example of the candidate scorer: a noisy word in its noisy context → the clean word. */
export interface WordPair {
  left: string;
  noisy: string;
  right: string;
  clean: string;
}

export interface WordPairOptions {
  /** Characters of context on each side (default 32). */
  context?: number;
  /** Share of examples whose word was left clean, so the model learns to keep good words (default 0.2). */
  cleanShare?: number;
  /** Examples taken from one corrupted passage, about (default 4); fewer where the corruption changed few words. */
  perPassage?: number;
}

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * Maps a clean offset to the noisy text through the alignment (edits sorted, non-overlapping).
 * A pure insertion exactly at the offset counts as part of the word being mapped.
 */
function noisyOffset(r: CorruptResult, p: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const e of r.alignment) {
    const zero = e.cleanStart === e.cleanEnd;
    if (e.cleanEnd < p || (e.cleanEnd === p && !zero)) {
      shift = e.noisyEnd - e.cleanEnd;
      continue;
    }
    if (e.cleanStart < p || (zero && e.cleanStart === p)) return side === 'start' ? e.noisyStart : e.noisyEnd;
    break;
  }
  return p + shift;
}

/**
 * Corrupts a passage and cuts word-level examples from it: mostly words the corruption changed
 * (within the word, no whitespace change), plus a share of untouched words.
 */
export function makeWordPairs(clean: string, corrupt: CorruptFn, rng: Rng, opts: WordPairOptions = {}): WordPair[] {
  const ctx = opts.context ?? 32;
  const cleanShare = opts.cleanShare ?? 0.2;
  if (!(cleanShare >= 0 && cleanShare < 1)) throw new RangeError(`cleanShare must be in [0, 1), got ${cleanShare}`);
  const per = opts.perPassage ?? 4;
  const r = corrupt(clean, rng);
  const changed: WordPair[] = [];
  const untouched: WordPair[] = [];
  for (const m of clean.matchAll(WORD)) {
    const cs = m.index;
    const ce = cs + m[0].length;
    const touching = r.alignment.filter((e) => e.cleanStart <= ce && e.cleanEnd >= cs);
    const inside = touching.filter((e) => (e.cleanStart < ce && e.cleanEnd > cs) || (e.cleanStart === e.cleanEnd && e.cleanStart > cs && e.cleanStart < ce));
    if (touching.some((e) => /\s/.test(e.from) || /\s/.test(e.to))) continue; // merges/splits are other cases
    if (inside.some((e) => e.cleanStart < cs || e.cleanEnd > ce)) continue;
    const ns = noisyOffset(r, cs, 'start');
    const ne = noisyOffset(r, ce, 'end');
    if (ne <= ns) continue;
    const noisy = r.noisy.slice(ns, ne);
    if (/\s/.test(noisy)) continue;
    const pair = { left: r.noisy.slice(Math.max(0, ns - ctx), ns), noisy, right: r.noisy.slice(ne, ne + ctx), clean: m[0] };
    (noisy === m[0] ? untouched : changed).push(pair);
  }
  const out: WordPair[] = [];
  shuffle(changed, rng);
  shuffle(untouched, rng);
  // clean words in proportion to the changed ones taken, so the share holds however lightly the passage was corrupted
  const nChanged = Math.min(changed.length, Math.max(0, Math.round(per * (1 - cleanShare))));
  const cleanWanted = nChanged === 0 ? 0 : (nChanged * cleanShare) / (1 - cleanShare);
  const nClean = Math.min(untouched.length, Math.floor(cleanWanted) + (rng() < cleanWanted % 1 ? 1 : 0));
  out.push(...untouched.slice(0, nClean));
  out.push(...changed.slice(0, nChanged));
  return out;
}

function shuffle<T>(a: T[], rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}
