// Reads OCR (noisy, clean) pairs from ../shared/data/ocr/<set>/test.jsonl.gz in place and groups
// consecutive rows of one document into paragraphs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const OCR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data/ocr');

export interface OcrRow {
  id: string;
  doc: string;
  noisy: string;
  clean: string;
}

export interface ParagraphPair {
  set: string;
  doc: string;
  noisy: string;
  clean: string;
}

export function readOcrRows(set: string, split: 'dev' | 'test' = 'test'): OcrRow[] {
  const file = path.join(OCR_DIR, set, `${split}.jsonl.gz`);
  return gunzipSync(readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as OcrRow);
}

/**
 * Joins consecutive rows of the same document (lines for overproof, sentences for bln600) until
 * the clean side reaches about targetChars. Line-level sets are joined with newlines (as printed),
 * sentence-level sets with spaces.
 */
export function groupParagraphs(set: string, rows: OcrRow[], targetChars: number, joiner: string): ParagraphPair[] {
  const out: ParagraphPair[] = [];
  let doc = '';
  let noisy: string[] = [];
  let clean: string[] = [];
  const flush = () => {
    const c = clean.join(joiner).trim();
    const n = noisy.join(joiner).trim();
    if (c.length >= targetChars / 3 && n.length > 0) out.push({ set, doc, noisy: n, clean: c });
    noisy = [];
    clean = [];
  };
  for (const r of rows) {
    if (r.doc !== doc) {
      flush();
      doc = r.doc;
    }
    noisy.push(r.noisy);
    clean.push(r.clean);
    if (clean.join(joiner).length >= targetChars) flush();
  }
  flush();
  return out;
}

export function loadParagraphs(targetChars: number): ParagraphPair[] {
  return [
    ...groupParagraphs('overproof', readOcrRows('overproof'), targetChars, '\n'),
    ...groupParagraphs('bln600', readOcrRows('bln600'), targetChars, ' '),
  ];
}

export function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const [k, v] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (v !== undefined) args.set(k, v);
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) args.set(k, argv[++i]!);
    else args.set(k, 'true');
  }
  return args;
}
