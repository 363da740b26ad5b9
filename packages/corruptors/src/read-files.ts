import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Pair } from './profile.js';

/** Lines of a plain or gzipped (`.gz`) UTF-8 text file. */
export async function* readLines(path: string): AsyncGenerator<string> {
  const raw = createReadStream(path);
  const stream = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of rl) yield line;
}

/** `{ noisy, clean }` rows of a JSONL(.gz) file; throws naming the line on bad rows. */
export async function readPairs(path: string): Promise<Pair[]> {
  const out: Pair[] = [];
  let lineNo = 0;
  for await (const line of readLines(path)) {
    lineNo++;
    if (line.trim() === '') continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new SyntaxError(`${path}:${lineNo}: not valid JSON`);
    }
    const r = row as { noisy?: unknown; clean?: unknown };
    if (typeof r.noisy !== 'string' || typeof r.clean !== 'string') {
      throw new TypeError(`${path}:${lineNo}: row needs string fields "noisy" and "clean"`);
    }
    out.push({ noisy: r.noisy, clean: r.clean });
  }
  return out;
}
