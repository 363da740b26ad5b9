import { areKeyboardNeighbours } from './keyboard.js';
import { isOcrConfusion } from './ocr-table.js';
import type { ErrorKind } from './types.js';
import { stripDiacritics } from './unicode.js';

const PUNCT_RE = /^[\p{P}\p{S}]+$/u;
const WS_RE = /^\s+$/u;
const LETTER_RE = /^\p{L}$/u;
const HYPHEN_RE = /-(\n| )?/u;
const LIGATURE_RE = /[\ufb00-\ufb06\u017f]/u;

function isPunct(s: string): boolean {
  return PUNCT_RE.test(s);
}

function stripAll(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFD')) if (!(ch >= '\u0300' && ch <= '\u036f')) out += ch;
  return out;
}

/**
 * Name the kind of one edit `from → to` (clean → noisy). `before`/`after` are the clean characters
 * around the edit, used to tell a split word from a stray space. Works for synthetic and real edits.
 */
export function classifyEdit(from: string, to: string, before = '', after = ''): ErrorKind {
  if (from === to) return 'sub';
  const fromWs = from.length > 0 && WS_RE.test(from);
  if (fromWs && to === '') return 'merge';
  if (to.includes('-') && to.replace(HYPHEN_RE, '') === from && LETTER_RE.test(before) && LETTER_RE.test(from.charAt(0) || after)) {
    return 'hyphenate';
  }
  if (from === '' || (to.length > from.length && (to.startsWith(from) || to.endsWith(from)))) {
    const extra = from === '' ? to : to.startsWith(from) ? to.slice(from.length) : to.slice(0, to.length - from.length);
    if (WS_RE.test(extra)) {
      const l = from === '' ? before : to.startsWith(from) ? from.slice(-1) : before;
      const r = from === '' ? after : to.startsWith(from) ? after : from.charAt(0);
      return LETTER_RE.test(l) && LETTER_RE.test(r) ? 'split' : 'space';
    }
    if (isPunct(extra)) return 'punct';
    if (from !== '') return 'insert';
    return 'insert';
  }
  if (to === '' || (from.length > to.length && (from.startsWith(to) || from.endsWith(to)))) {
    const lost = to === '' ? from : from.startsWith(to) ? from.slice(to.length) : from.slice(0, from.length - to.length);
    if (WS_RE.test(lost)) return 'merge';
    return isPunct(lost) ? 'punct' : 'drop';
  }
  if (from.replace(/\s+/g, '') === to.replace(/\s+/g, '')) {
    return !/\s/.test(from) && from.length > 0 ? 'split' : 'space';
  }
  if (fromWs && WS_RE.test(to)) return 'space';
  if (to.toLowerCase() === from.toLowerCase()) return 'case';
  if (stripAll(from) === to || stripDiacritics(from) === to || stripAll(to) === from) return 'diacritic';
  if (LIGATURE_RE.test(to) || LIGATURE_RE.test(from) || (from === 's' && to === 'f')) {
    if (to.normalize('NFKC') === from || from.normalize('NFKC') === to || LIGATURE_RE.test(to + from) || from === 's')
      return 'ligature';
  }
  if (from.length === 2 && to.length === 2 && to === from[1] + from[0]) return 'transpose';
  if (isOcrConfusion(from, to)) return 'ocr';
  if (from.length === 1 && to.length === 1 && areKeyboardNeighbours(from, to)) return 'keyboard';
  if (isPunct(from) && isPunct(to)) return 'punct';
  return 'sub';
}
