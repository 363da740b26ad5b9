import type { Embedder } from '../embeddings/types.js';

/** Letter-frequency vectors: a cheap deterministic embedder for tests that are not about embeddings. */
export function createFakeEmbedder(): Embedder & { calls: string[][] } {
  const e = {
    calls: [] as string[][],
    info: { provider: 'fake', model: 'letter-counts', dimensions: 26 },
    async embed(texts: string[]) {
      e.calls.push(texts);
      return texts.map((t) => {
        const v = new Array<number>(26).fill(0);
        for (const ch of t.toLowerCase()) {
          const i = ch.charCodeAt(0) - 97;
          if (i >= 0 && i < 26) v[i]!++;
        }
        return v;
      });
    },
    async dispose() {},
  };
  return e;
}
