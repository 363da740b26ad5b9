import type { Token } from './tokenize.js';

/**
 * Marks glued to a word that in English print are glyphs the OCR made of a letter or a speck: guillemets (`sid«`
 * side, `»hip` ship, `River»` Rivers: the Trove newspaper scans are full of them) and tildes or carets (`st~ated`, `w~s`,
 * `H~e`: the BLN600 scans). Such a mark is taken into the word, so that the corrector reads `sid«` as one misread
 * word. Guillemets that quote stay marks: a mark that opens a word (`«The`, `»Wort`) and the other mark closing a
 * later word on the same line (`Forge»`, `Wort«`) are a pair.
 */
const GUILLEMETS = new Set(['«', '»']);
/** Marks that are never part of an English word's spelling and join the two pieces they cut (`st~ated`, `wo^rd`). */
const SPECKS = new Set(['~', '^']);
const GLYPHS = new Set([...GUILLEMETS, ...SPECKS]);

/** `b` follows `a` with nothing between them. */
const glued = (a: Token | undefined, b: Token | undefined): boolean => a !== undefined && b !== undefined && a.end === b.start;

export function absorbJunkGlyphs(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.kind === 'punct' && GLYPHS.has(t.text))) return tokens;
  const quotes = quotationMarks(tokens);
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const prev = out[out.length - 1];
    const next = tokens[i + 1];
    if (t.kind === 'punct' && GLYPHS.has(t.text) && !quotes.has(i)) {
      // glued to the end of the word before it (and to the word after it: `st~ated`), or to the start of the word after it
      if (prev?.kind === 'word' && glued(prev, t)) {
        const joined = { ...prev, text: prev.text + t.text, end: t.end };
        if (SPECKS.has(t.text) && next?.kind === 'word' && glued(t, next)) {
          joined.text += next.text;
          joined.end = next.end;
          i++;
        }
        out[out.length - 1] = joined;
        continue;
      }
      if (next?.kind === 'word' && glued(t, next)) {
        out.push({ ...next, text: t.text + next.text, start: t.start });
        i++;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

/** Indices of guillemets that pair up as quotation marks on one line (an opening mark, then the other one closing). */
function quotationMarks(tokens: Token[]): Set<number> {
  const paired = new Set<number>();
  let open: number | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'space' && t.text.includes('\n')) open = null;
    if (t.kind !== 'punct' || !GUILLEMETS.has(t.text)) continue;
    const opens = tokens[i + 1]?.kind === 'word' && glued(t, tokens[i + 1]) && !(tokens[i - 1]?.kind === 'word' && glued(tokens[i - 1], t));
    const closes = tokens[i - 1]?.kind === 'word' && glued(tokens[i - 1], t);
    if (open !== null && closes && tokens[open].text !== t.text) {
      paired.add(open).add(i);
      open = null;
    } else if (opens) open = i;
  }
  return paired;
}
