import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Pair } from './profile.js';

/** Lines of a plain or gzipped (`.gz`) UTF-8 text file; line ends dropped, a read error ends the iteration with it. */
export async function* readLines(path: string): AsyncGenerator<string> {
  const file = createReadStream(path);
  const input: Readable = path.endsWith('.gz') ? file.pipe(createGunzip()) : file;
  file.on('error', (err) => input.destroy(err));
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } finally {
    lines.close();
    file.destroy();
  }
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
