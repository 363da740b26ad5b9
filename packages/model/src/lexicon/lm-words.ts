import { BOUNDARY } from './bigrams.js';

/** Punctuation that breaks word-pair context. Hyphens and apostrophes do not. */
export const BREAKS = new Set(['.', '!', '?', ';', ':', ',', '(', ')', '"', '“', '”', '[', ']', '—', '–', '…']);

export const NUM = '<num>';

const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*|[^\s\p{L}\p{M}\d]/gu;

/** Words of a text as the language model sees them: lower-cased, numbers as <num>, breaks as <s>. */
export function lmWords(text: string): string[] {
  const out: string[] = [BOUNDARY];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) out.push(NUM);
    else if (t.length === 1 && !/[\p{L}\p{M}]/u.test(t)) {
      if (BREAKS.has(t) && out[out.length - 1] !== BOUNDARY) out.push(BOUNDARY);
    } else out.push(normalizeWord(t));
  }
  if (out[out.length - 1] !== BOUNDARY) out.push(BOUNDARY);
  return out;
}

/** Lower-case and unify typographic apostrophes. */
export function normalizeWord(w: string): string {
  return w.toLowerCase().replace(/’/g, "'");
}
