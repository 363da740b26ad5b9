import type { Rng } from '@unsmudge/corruptors';

/** Where a corpus stream stands: lines read from each file (to resume after a restart). */
export interface CorpusPosition {
  linesRead: number[];
}

export interface CorpusSource {
  /** Opens a file's lines (paragraphs) from the start. */
  open(file: string): AsyncIterable<string>;
  files: string[];
  /** Relative weight of each file when picking the next paragraph. */
  weights: number[];
  /** Paragraphs for which this returns true are skipped (held out). */
  skip?: (p: string) => boolean;
}

/**
 * An endless stream of paragraphs drawn from several files by weight, each file read in order
 * and restarted at its end. `position` can be saved and passed back to resume.
 */
export async function* streamParagraphs(src: CorpusSource, rng: Rng, position?: CorpusPosition): AsyncGenerator<string> {
  const pos: CorpusPosition = position ?? { linesRead: src.files.map(() => 0) };
  const iters = src.files.map(() => null as AsyncIterator<string> | null);
  const total = src.weights.reduce((a, b) => a + b, 0);
  const openAt = async (k: number): Promise<AsyncIterator<string>> => {
    const it = src.open(src.files[k])[Symbol.asyncIterator]();
    for (let i = 0; i < pos.linesRead[k]; i++) {
      const r = await it.next();
      if (r.done) {
        pos.linesRead[k] = 0;
        return src.open(src.files[k])[Symbol.asyncIterator]();
      }
    }
    return it;
  };
  for (;;) {
    let x = rng() * total;
    let k = 0;
    while (k < src.weights.length - 1 && x >= src.weights[k]) x -= src.weights[k++];
    iters[k] ??= await openAt(k);
    let r = await iters[k]!.next();
    if (r.done) {
      pos.linesRead[k] = 0;
      iters[k] = src.open(src.files[k])[Symbol.asyncIterator]();
      r = await iters[k]!.next();
      if (r.done) throw new Error(`corpus file ${src.files[k]} is empty`);
    }
    pos.linesRead[k]++;
    const p = r.value.trim();
    if (!p || src.skip?.(p)) continue;
    yield p;
  }
}

/** A passage of about `maxChars` from a paragraph, cut at spaces, starting at a random word. */
export function randomPassage(p: string, maxChars: number, rng: Rng): string {
  if (p.length <= maxChars) return p;
  let start = Math.floor(rng() * (p.length - maxChars));
  const sp = p.indexOf(' ', start);
  start = sp < 0 ? 0 : sp + 1;
  let end = Math.min(p.length, start + maxChars);
  const sp2 = p.lastIndexOf(' ', end);
  if (sp2 > start) end = sp2;
  return p.slice(start, end);
}
