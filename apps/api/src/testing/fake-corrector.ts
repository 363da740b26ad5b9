import type { CleanOptions, CleanResult, Corrector, Edit } from '@unsmudge/model';

const DEFAULT_FIXES: Record<string, string> = { Tbe: 'The', c4t: 'cat', '0n': 'on', rnat: 'mat', teh: 'the', brwon: 'brown' };

/**
 * A small dictionary corrector for tests: replaces whole words found in `fixes` (confidence 0.9),
 * honours threshold and protectedTerms, reports offsets into the input, and leaves everything else alone.
 */
export function createFakeCorrector(options: { fixes?: Record<string, string>; delayMs?: number } = {}): Corrector & { calls: string[][] } {
  const fixes = options.fixes ?? DEFAULT_FIXES;
  const calls: string[][] = [];
  return {
    calls,
    info: { checkpoint: 'fake', backend: 'none', loadMs: 0 },
    async clean(texts: string[], opts: CleanOptions = {}): Promise<CleanResult[]> {
      calls.push(texts);
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      const threshold = opts.threshold ?? 0.5;
      const protectedTerms = new Set(opts.protectedTerms ?? []);
      return texts.map((text) => {
        const edits: Edit[] = [];
        let out = '';
        let last = 0;
        for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
          const word = match[0];
          const replacement = fixes[word];
          if (!replacement || protectedTerms.has(word) || 0.9 < threshold) continue;
          const start = match.index;
          edits.push({ start, end: start + word.length, original: word, replacement, confidence: 0.9 });
          out += text.slice(last, start) + replacement;
          last = start + word.length;
        }
        return { text: out + text.slice(last), edits };
      });
    },
    dispose() {},
  };
}
