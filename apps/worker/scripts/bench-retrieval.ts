// Does cleaning help retrieval? For OCR paragraphs from the test splits of overproof and bln600
// (read in place), embeds the clean ground truth, the noisy OCR and the cleaned OCR, then reports
// mean cosine(clean, noisy), mean cosine(clean, cleaned), and recall@1 and recall@5 of finding the clean
// paragraph among all clean paragraphs of the set with the noisy or the cleaned text as the query.
//
//   npx tsx apps/worker/scripts/bench-retrieval.ts [--per-set 150] [--chars 500]
//        [--corrector-module <path>]  (default @unsmudge/model)
// The transformers.js provider runs only if TRANSFORMERS_LOCAL_PATH holds TRANSFORMERS_MODEL.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corrector } from '@unsmudge/model';
import { hasLocalTransformersModel } from '../src/embeddings/local-model-folder.js';
import { DEFAULT_TRANSFORMERS_MODEL, loadTransformersEmbedder } from '../src/embeddings/transformers.js';
import type { Embedder } from '../src/embeddings/types.js';
import { loadUseLiteEmbedder } from '../src/embeddings/use-lite.js';
import { cosine } from '../src/embeddings/vector-math.js';
import { type ParagraphPair, groupParagraphs, parseArgs, readOcrRows } from './ocr-data.js';

const args = parseArgs(process.argv.slice(2));
const PER_SET = Number(args.get('per-set') ?? 150);
const CHARS = Number(args.get('chars') ?? 500);
const CORRECTOR = args.get('corrector-module') ?? '@unsmudge/model';
const K = 5;

async function loadCorrector(): Promise<Corrector> {
  const spec = path.isAbsolute(CORRECTOR) ? pathToFileURL(CORRECTOR).href : CORRECTOR;
  const mod = (await import(spec)) as { loadCorrector: () => Promise<Corrector> };
  return mod.loadCorrector();
}

/** Evenly spaced sample, so every document of the set is represented. */
function sample<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  return Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);
}

function recallAtK(queries: number[][], targets: number[][], k: number): number {
  let hits = 0;
  queries.forEach((q, i) => {
    const own = cosine(q, targets[i]!);
    let better = 0;
    for (let j = 0; j < targets.length && better < k; j++) if (j !== i && cosine(q, targets[j]!) > own) better++;
    if (better < k) hits++;
  });
  return hits / queries.length;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

async function evaluate(name: string, embedder: Embedder, sets: Map<string, { pairs: ParagraphPair[]; cleaned: string[] }>): Promise<void> {
  console.log(`\n${name} (${embedder.info.model}, ${embedder.info.dimensions}-d)`);
  console.log('set        paras  cos(clean,noisy)  cos(clean,cleaned)  closer/further  R@1 noisy  R@1 cleaned  R@5 noisy  R@5 cleaned  embed s');
  for (const [set, { pairs, cleaned }] of sets) {
    const t0 = performance.now();
    const clean = await embedder.embed(pairs.map((p) => p.clean));
    const noisy = await embedder.embed(pairs.map((p) => p.noisy));
    const fixed = await embedder.embed(cleaned);
    const secs = (performance.now() - t0) / 1000;
    const cn = clean.map((c, i) => cosine(c, noisy[i]!));
    const cc = clean.map((c, i) => cosine(c, fixed[i]!));
    const closer = cc.filter((x, i) => x > cn[i]! + 1e-6).length;
    const further = cc.filter((x, i) => x < cn[i]! - 1e-6).length;
    console.log(
      `${set.padEnd(10)} ${String(pairs.length).padStart(5)}  ${mean(cn).toFixed(4).padStart(16)}  ${mean(cc).toFixed(4).padStart(18)}  ` +
        `${`${closer}/${further}`.padStart(14)}  ${recallAtK(noisy, clean, 1).toFixed(3).padStart(9)}  ${recallAtK(fixed, clean, 1).toFixed(3).padStart(11)}  ` +
        `${recallAtK(noisy, clean, K).toFixed(3).padStart(9)}  ${recallAtK(fixed, clean, K).toFixed(3).padStart(11)}  ${secs.toFixed(1).padStart(7)}`,
    );
  }
}

function charErrorRate(a: string, b: string): number {
  // Levenshtein distance / length of b, on characters (O(n*m) but paragraphs are short).
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[n]! / Math.max(1, n);
}

async function main(): Promise<void> {
  const sets = new Map<string, { pairs: ParagraphPair[]; cleaned: string[] }>();
  const corrector = await loadCorrector();
  console.log(`bench-retrieval: corrector ${corrector.info.checkpoint} (backend ${corrector.info.backend}, loaded in ${corrector.info.loadMs} ms), ~${CHARS}-char paragraphs, up to ${PER_SET} per set, recall@1 and @${K} among all paragraphs of the set`);
  for (const [set, joiner] of [['overproof', '\n'], ['bln600', ' ']] as const) {
    const pairs = sample(groupParagraphs(set, readOcrRows(set, 'test'), CHARS, joiner), PER_SET);
    const t0 = performance.now();
    const cleaned = (await corrector.clean(pairs.map((p) => p.noisy))).map((r) => r.text);
    const secs = (performance.now() - t0) / 1000;
    const chars = pairs.reduce((s, p) => s + p.noisy.length, 0);
    const cerNoisy = mean(pairs.map((p) => charErrorRate(p.noisy, p.clean)));
    const cerCleaned = mean(pairs.map((p, i) => charErrorRate(cleaned[i]!, p.clean)));
    console.log(
      `${set}: cleaned ${pairs.length} paragraphs (${chars} chars) in ${secs.toFixed(1)} s (${(chars / secs).toFixed(0)} chars/s); ` +
        `CER noisy ${(100 * cerNoisy).toFixed(2)} % → cleaned ${(100 * cerCleaned).toFixed(2)} %`,
    );
    sets.set(set, { pairs, cleaned });
  }

  const use = await loadUseLiteEmbedder({ batchSize: 16 });
  await evaluate('use-lite', use, sets);
  await use.dispose();

  const localPath = process.env.TRANSFORMERS_LOCAL_PATH;
  const model = process.env.TRANSFORMERS_MODEL ?? DEFAULT_TRANSFORMERS_MODEL;
  if (localPath && hasLocalTransformersModel(localPath, model)) {
    const t = await loadTransformersEmbedder({ model, localPath, allowRemote: false, batchSize: 16 });
    await evaluate('transformers', t, sets);
    await t.dispose();
  } else {
    console.log(
      `\ntransformers: skipped — no local model folder (${localPath ? `${path.join(localPath, model)} has no config.json + onnx/model.onnx` : 'TRANSFORMERS_LOCAL_PATH is not set'}); ` +
        `nothing is downloaded at run time. Set TRANSFORMERS_LOCAL_PATH (and TRANSFORMERS_MODEL) to a folder with a real sentence-embedding model to include it.`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
