import { codeFences } from './code-fences.js';

/**
 * Spans of a text that the corrector must pass through untouched: URLs, e-mail addresses,
 * code spans and blocks, file paths, numbers with their units, Roman numerals, identifiers, and user terms.
 */
export interface Span {
  start: number;
  end: number;
  kind: ProtectedKind;
}

export type ProtectedKind = 'url' | 'email' | 'code' | 'path' | 'number' | 'identifier' | 'term';

const PATTERNS: Array<[ProtectedKind, RegExp]> = [
  // inline code, also across one line break (Markdown wraps a paragraph inside a span: `when be⏎came`); fenced blocks
  // are found line by line (`codeFences`)
  ['code', /`[^`\n]+`|`[^`\n]{1,80}\n[^`\n]{1,80}`/g],
  ['url', /\b(?:https?|ftp|file|s3|git|ssh):\/\/[^\s<>"'`]+|\bwww\.[^\s<>"'`]+|\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`]+/gi],
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu],
  // host names without a scheme (`docs.aws.amazon.com`, `mlbx.uni-sb.de`, `dsv.su.se:/pub`), in small letters, under a
  // top-level domain that is no English word (`to.be` and a speck in `la.ter` stay prose)
  ['url', /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|mil|io|uk|de|se|fr|nl|au|ch|jp|cn|ru|eu|info|dev)\b(?::\/[^\s<>"'`]*[^\s<>"'`.,;:!?)])?/g],
  // Unix/Windows paths and dotted file names (config.json, /etc/hosts, C:\Users)
  ['path', /(?:[A-Za-z]:\\|~?\/)[^\s"'`<>]*[^\s"'`<>.,;:!?)]|\b[\w-]+(?:\.[\w-]+)*\.(?:json|ya?ml|ts|js|mjs|cjs|py|rb|go|rs|java|c|cc|cpp|h|hpp|md|txt|csv|tsv|xml|html?|css|sh|toml|ini|cfg|conf|log|sql|zip|gz|tar|pdf|png|jpe?g|gif|svg)\b/g],
  // identifiers: snake_case, camelCase / PascalCase with inner capitals, dotted.names(), --flags, $VARS, key=value
  ['identifier', /\b[A-Za-z]+_[\w]+\b|\b[a-z]+[A-Z][A-Za-z0-9]*\b|\b[A-Z][a-z]+[A-Z][A-Za-z0-9]*\b|\b\w+(?:\.\w+)+\(\)|(?<![\w-])--?[a-z][\w-]*|\$\{?[A-Z_][A-Z0-9_]*\}?|\b[A-Z][A-Z0-9]*[0-9][A-Z0-9]*\b/g],
  // Roman numerals in capitals, three letters or more (`CLXXIII.`, `XIV`; two-letter ones such as `II` are as often a misread `H` or `11`): numbers, not misread words
  ['number', /\b(?=[MDCLXVI]{3,}\b)M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b/g],
];

/** Protected spans, sorted and non-overlapping. */
export function findProtectedSpans(text: string, terms: readonly string[] = []): Span[] {
  const spans: Span[] = codeFences(text).map((f) => ({ ...f, kind: 'code' as const }));
  for (const [kind, re] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  }
  for (const term of terms) {
    if (!term) continue;
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) {
      spans.push({ start: i, end: i + term.length, kind: 'term' });
    }
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end > last.end) last.end = s.end;
      // a user's term is theirs to keep, whatever else the span looks like
      if (s.kind === 'term') last.kind = 'term';
    } else {
      out.push({ ...s });
    }
  }
  return out;
}
