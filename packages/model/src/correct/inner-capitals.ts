import { normalizeWord } from '../lexicon/lm-words.js';
import { generateCandidates, type Option } from './candidates.js';
import type { Resources } from './resources.js';

/** Letters of old type that the OCR reads as a capital inside a word (`caUed`, `moBs`, `hospitaJs`, `suSered`). */
const CAPITAL_READINGS: Record<string, readonly string[]> = {
  U: ['ll', 'li'],
  H: ['ll', 'li'],
  B: ['s'],
  J: ['l'],
  S: ['ff', 'fi'],
  L: ['h'],
  M: ['bl'],
  N: ['bl'],
  Y: ['v'],
  Q: ['o'],
  D: ['n'],
};
/** A capital between small letters, or at the end after one. */
const INNER_CAPITAL = /(?<=\p{Ll})\p{Lu}(?=\p{Ll}|$)/gu;
/** Readings of inner capitals tried per word. */
const MAX_CAPITAL_READINGS = 8;

/**
 * Readings of a word whose letters the OCR took for capitals inside it (`caUed` → `called`, `moBsgrown`,
 * `hospitaJs`, `aSect` → `affect`): each inner capital read as the letters of old type it stands for, one at a
 * time and all at once, each reading and its own corrections dearer by `capitalReadingCost`.
 */
export function innerCapitalReadings(base: string, res: Resources, mode: 'text' | 'query'): Option[] {
  const cost = res.params.capitalReadingCost;
  if (cost === null) return [];
  const out: Option[] = [];
  for (const r of capitalLetterings(base)) {
    const w = normalizeWord(r);
    if (res.lexicon.has(w)) out.push({ words: [w], cost });
    for (const o of generateCandidates(res, w, mode)) out.push({ ...o, cost: o.cost + cost });
  }
  return out;
}

/**
 * The word with its inner capitals read as the letters of old type they stand for (`batteU` → battell), one at a time
 * and all at once: at most MAX_CAPITAL_READINGS, none when it has no such capital; with `likeliest`, each capital read
 * only as its likeliest letters (U as ll, not li).
 */
export function capitalLetterings(base: string, likeliest = false): string[] {
  const found = [...base.matchAll(INNER_CAPITAL)].filter((m) => CAPITAL_READINGS[m[0]]);
  if (found.length === 0) return [];
  const readings = new Set<string>();
  for (const m of found) for (const r of CAPITAL_READINGS[m[0]].slice(0, likeliest ? 1 : undefined)) readings.add(base.slice(0, m.index) + r + base.slice(m.index! + 1));
  if (found.length > 1) readings.add(base.replace(INNER_CAPITAL, (c) => CAPITAL_READINGS[c]?.[0] ?? c));
  return [...readings].slice(0, MAX_CAPITAL_READINGS);
}
