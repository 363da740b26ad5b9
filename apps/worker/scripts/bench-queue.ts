// Throughput of the document queue: 5 KB documents per minute through one worker process and
// through two, sharing one Redis. Each worker is a real `apps/worker/src/index.ts` process.
//
//   npx tsx apps/worker/scripts/bench-queue.ts [--docs 24] [--workers 1,2] [--embed] [--chars 5000]
//                                             [--corrector-module <path>]   (default @unsmudge/model)
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_JOB_NAME, QUEUES } from '@unsmudge/jobs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { loadParagraphs, parseArgs } from './ocr-data.js';

const args = parseArgs(process.argv.slice(2));
const DOCS = Number(args.get('docs') ?? 24);
const WORKERS = (args.get('workers') ?? '1,2').split(',').map(Number);
const EMBED = args.get('embed') === 'true';
const CHARS = Number(args.get('chars') ?? 5000);
const CORRECTOR = args.get('corrector-module') ?? '@unsmudge/model';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRY = path.join(ROOT, 'apps/worker/src/index.ts');

/** ~CHARS-character documents made of noisy OCR paragraphs (real OCR errors, from the test splits). */
function makeDocuments(n: number): string[] {
  const paras = loadParagraphs(600).map((p) => p.noisy);
  const docs: string[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    let text = '';
    while (text.length < CHARS) text += (text ? '\n\n' : '') + paras[k++ % paras.length];
    docs.push(text.slice(0, CHARS));
  }
  return docs;
}

function startWorker(prefix: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      WORKER_CONCURRENCY: '1',
      EMBEDDING_PROVIDER: EMBED ? (process.env.EMBEDDING_PROVIDER ?? 'use-lite') : 'none',
      CORRECTOR_MODULE: CORRECTOR,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

async function runBatch(queue: Queue, docs: string[], tag: string): Promise<number> {
  const t0 = performance.now();
  await queue.addBulk(
    docs.map((text, i) => ({ name: DOCUMENT_JOB_NAME, data: { documentId: `${tag}-${i}`, text, embed: EMBED }, opts: { jobId: `${tag}-${i}`, attempts: 1 } })),
  );
  for (;;) {
    const c = await queue.getJobCounts('completed', 'failed');
    if ((c.completed ?? 0) + (c.failed ?? 0) >= docs.length) {
      if (c.failed) {
        const failed = await queue.getJobs(['failed'], 0, 0);
        throw new Error(`${c.failed} job(s) failed, e.g.: ${failed[0]?.failedReason}`);
      }
      return performance.now() - t0;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  const docs = makeDocuments(DOCS);
  const meanChars = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  console.log(`bench-queue: ${DOCS} documents of ${Math.round(meanChars)} chars (noisy OCR text), embed=${EMBED}, corrector=${CORRECTOR}`);
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const rows: string[] = [];
  for (const w of WORKERS) {
    const prefix = `unsmudge-bench-${randomBytes(4).toString('hex')}`;
    const queue = new Queue(QUEUES.documents, { connection: redis, prefix });
    const procs = Array.from({ length: w }, () => startWorker(prefix));
    try {
      // Warm-up: every worker loads its corrector (and embedder) before timing starts.
      const warmMs = await runBatch(queue, docs.slice(0, 2 * w), 'warm');
      await queue.clean(0, 10_000, 'completed');
      const ms = await runBatch(queue, docs, 'bench');
      const perMin = (DOCS / ms) * 60_000;
      const row = `workers=${w}  ${DOCS} docs in ${(ms / 1000).toFixed(1)} s  →  ${perMin.toFixed(1)} docs/min, ${((DOCS * meanChars) / (ms / 1000)).toFixed(0)} chars/s  (warm-up ${(warmMs / 1000).toFixed(1)} s)`;
      console.log(row);
      rows.push(row);
    } finally {
      for (const p of procs) p.kill('SIGTERM');
      await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.on('exit', r)))));
      await queue.close();
      await deletePrefix(redis, prefix);
    }
  }
  await redis.quit();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
