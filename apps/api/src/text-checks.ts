/** Control characters a text may hold: tab, line feed, vertical tab, form feed, carriage return. */
const ALLOWED_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d]);

export interface ForbiddenChar {
  offset: number;
  /** e.g. "U+0000". */
  codePoint: string;
  reason: 'control character' | 'unpaired surrogate';
}

/**
 * First character that has no place in a text to correct: C0 controls other than whitespace, DEL,
 * and unpaired UTF-16 surrogates (which JSON allows as "\ud800" but no encoder can represent).
 */
export function findForbiddenChar(text: string): ForbiddenChar | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && !ALLOWED_CONTROLS.has(c)) || c === 0x7f) {
      return { offset: i, codePoint: hex(c), reason: 'control character' };
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { offset: i, codePoint: hex(c), reason: 'unpaired surrogate' };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { offset: i, codePoint: hex(c), reason: 'unpaired surrogate' };
  }
  return undefined;
}

function hex(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function describeForbiddenChar(found: ForbiddenChar): string {
  return `contains ${found.reason} ${found.codePoint} at offset ${found.offset} (allowed controls: tab, line feed, vertical tab, form feed, carriage return)`;
}
