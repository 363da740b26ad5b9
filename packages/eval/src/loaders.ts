import { DataFormatError } from './errors.js';
import { readLines } from '@unsmudge/corruptors';

/** One evaluation pair: the text a corrector gets, and what it should return. */
export interface EvalItem {
  id: string;
  noisy: string;
  clean: string;
  /** How often the pair occurs in its corpus (word sets with a count column); 1 otherwise. */
  count: number;
}

/** JSON Lines (optionally .gz) with string fields `noisy` and `clean` (field names configurable); `id` used when present. */
export async function loadJsonlPairs(path: string, fields: { noisy?: string; clean?: string } = {}): Promise<EvalItem[]> {
  const noisyKey = fields.noisy ?? 'noisy';
  const cleanKey = fields.clean ?? 'clean';
  const items: EvalItem[] = [];
  let lineNo = 0;
  for await (const line of readLines(path)) {
    lineNo++;
    if (line.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new DataFormatError('not valid JSON', path, lineNo);
    }
    if (typeof row !== 'object' || row === null) throw new DataFormatError('not a JSON object', path, lineNo);
    const r = row as Record<string, unknown>;
    const noisy = r[noisyKey];
    const clean = r[cleanKey];
    if (typeof noisy !== 'string' || typeof clean !== 'string') {
      throw new DataFormatError(`fields "${noisyKey}" and "${cleanKey}" must be strings`, path, lineNo);
    }
    items.push({ id: typeof r.id === 'string' ? r.id : `${lineNo}`, noisy, clean, count: 1 });
  }
  return items;
}

/** TSV with a header row; `noisy`/`clean` name the columns to use, `count` an optional count column. */
export async function loadTsvPairs(path: string, columns: { noisy: string; clean: string; count?: string }): Promise<EvalItem[]> {
  const items: EvalItem[] = [];
  let header: string[] | null = null;
  let ni = -1;
  let ci = -1;
  let ki = -1;
  let lineNo = 0;
  for await (const line of readLines(path)) {
    lineNo++;
    if (header === null) {
      header = line.split('\t');
      ni = header.indexOf(columns.noisy);
      ci = header.indexOf(columns.clean);
      ki = columns.count === undefined ? -1 : header.indexOf(columns.count);
      if (ni < 0 || ci < 0) throw new DataFormatError(`header lacks "${columns.noisy}" or "${columns.clean}" (has: ${header.join(', ')})`, path, 1);
      continue;
    }
    if (line === '') continue;
    const cells = line.split('\t');
    if (cells.length <= Math.max(ni, ci)) throw new DataFormatError(`expected ${header.length} tab-separated columns, got ${cells.length}`, path, lineNo);
    const count = ki >= 0 ? Number(cells[ki]) : 1;
    if (!Number.isFinite(count)) throw new DataFormatError(`count "${cells[ki]}" is not a number`, path, lineNo);
    items.push({ id: `${lineNo}`, noisy: cells[ni], clean: cells[ci], count });
  }
  if (header === null) throw new DataFormatError('empty file (no header row)', path);
  return items;
}
