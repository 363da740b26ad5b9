import type { CleanOptions, CleanResult, Corrector, Edit } from '@unsmudge/model';

/** Word-level fixes the fake corrector knows. */
export const FAKE_FIXES: Record<string, string> = { Tbe: 'The', tbe: 'the', c4t: 'cat', '0n': 'on', rnat: 'mat', sbeep: 'sheep', qnick: 'quick' };

/**
 * Test double for @unsmudge/model's Corrector: replaces whole words found in FAKE_FIXES, honours
 * protectedTerms and threshold (its edits have confidence 0.9), reports progress per text.
 * `delayMsPerChar` makes it slow enough to kill a worker mid-job.
 */
export function createFakeCorrector(opts: { delayMsPerChar?: number; busy?: boolean } = {}): Corrector & { calls: number } {
  const c = {
    calls: 0,
    info: { checkpoint: 'fake', backend: 'none', loadMs: 0 },
    async clean(texts: string[], options: CleanOptions = {}): Promise<CleanResult[]> {
      c.calls++;
      const total = texts.reduce((s, t) => s + t.length, 0);
      let done = 0;
      const results: CleanResult[] = [];
      for (const text of texts) {
        if (opts.delayMsPerChar) {
          const ms = opts.delayMsPerChar * text.length;
          if (opts.busy) {
            const until = Date.now() + ms;
            while (Date.now() < until) { /* burn CPU like a real model would */ }
          } else {
            await new Promise((r) => setTimeout(r, ms));
          }
        }
        const edits: Edit[] = [];
        let out = '';
        let at = 0;
        for (const m of text.matchAll(/[A-Za-z0-9]+/g)) {
          const fix = FAKE_FIXES[m[0]];
          const isProtected = options.protectedTerms?.some((t) => t === m[0]);
          if (!fix || isProtected || (options.threshold ?? 0.5) > 0.9) continue;
          out += text.slice(at, m.index) + fix;
          at = m.index + m[0].length;
          edits.push({ start: m.index, end: at, original: m[0], replacement: fix, confidence: 0.9 });
        }
        out += text.slice(at);
        results.push({ text: out, edits });
        done += text.length;
        options.onProgress?.(done, total);
        // like the real corrector, let progress writes and lock renewals run between texts
        await new Promise((r) => setImmediate(r));
      }
      return results;
    },
    dispose() {},
  };
  return c;
}
