/**
 * Load test of POST /v1/correct on loopback: autocannon at a fixed rate with ~1 KB texts.
 *
 *   pnpm --filter @unsmudge/api bench:correct [--rate 20] [--duration 20] [--connections 4] [--chars 1024] [--threads 1] [--allow-fake]
 *
 * Uses the shipped model through the model package's createCorrectorPool() with --threads worker threads, as the API does (0 = loadCorrector() in-process); with --allow-fake (and only then) it falls back to the
 * test dictionary corrector when the model cannot load, and says so, which measures HTTP overhead only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';

import type { Corrector } from '@unsmudge/model';

import { BullJobQueue, createProducerConnection } from '../src/bullmq-job-queue.js';
import { loadConfig } from '../src/config.js';
import { loadShippedCorrector } from '../src/load-corrector.js';
import { createCorrectorPool } from '@unsmudge/model';
import { createServer } from '../src/server.js';
import { createFakeCorrector } from '../src/testing/fake-corrector.js';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '20' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '4' },
    chars: { type: 'string', default: '1024' },
    data: { type: 'string' },
    threads: { type: 'string', default: '1' },
    'allow-fake': { type: 'boolean', default: false },
  },
});
const rate = Number(args.rate);
const duration = Number(args.duration);
const connections = Number(args.connections);
const chars = Number(args.chars);
const threads = Number(args.threads);

let corrector: Corrector;
let correctorLabel: string;
try {
  corrector = threads > 0 ? await createCorrectorPool({ threads }) : await loadShippedCorrector();
  correctorLabel = `${corrector.info.checkpoint} (backend ${corrector.info.backend}, loaded in ${corrector.info.loadMs} ms)`;
} catch (err) {
  if (!args['allow-fake']) {
    console.error(`cannot load the model: ${(err as Error).message}\n(rerun with --allow-fake to measure HTTP overhead with the test corrector)`);
    process.exit(1);
  }
  corrector = createFakeCorrector();
  correctorLabel = `FAKE dictionary corrector (model unavailable: ${(err as Error).message})`;
}

// ~1 KB texts of real OCR output (noisy side of the bln600 and overproof test splits, read in place from
// ../shared/data), a different window for every request so that nothing is served from a warm cache;
// without the data folder, windows of the repository's sample document (words then repeat across requests).
const dataDir = args.data ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const ocrFiles = ['ocr/bln600/test.jsonl.gz', 'ocr/overproof/test.jsonl.gz'].map((f) => join(dataDir, f));
let source: string;
let sourceLabel: string;
if (ocrFiles.every((f) => existsSync(f))) {
  source = ocrFiles
    .map((f) => gunzipSync(readFileSync(f)).toString('utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { noisy: string }).noisy).join(' '))
    .join(' ');
  sourceLabel = 'noisy OCR text of the bln600 + overproof test splits';
} else {
  source = readFileSync(new URL('../../../samples/ocr-sample.txt', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  sourceLabel = 'samples/ocr-sample.txt (shared data not found)';
}
const long = source.repeat(Math.ceil((chars * 2) / source.length) + 1);
const bodyCount = Math.max(64, Math.ceil(rate * duration * 1.2));
const stride = Math.max(1, Math.floor((source.length - chars) / bodyCount));
const bodies = Array.from({ length: bodyCount }, (_, i) => JSON.stringify({ text: long.slice(i * stride, i * stride + chars) }));

const config = loadConfig({ AUTH_DISABLED: 'true', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_BURST: '1000000', QUEUE_PREFIX: 'bench', CORRECT_QUEUE_LIMIT: '100000' });
const connection = createProducerConnection(config.redisUrl);
connection.on('error', () => {});
const queue = new BullJobQueue({ connection, prefix: config.queuePrefix, attempts: 1, resultTtlSeconds: 60, failedTtlSeconds: 60 });
const app = createServer({ config, corrector, queue });
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;

let n = 0;
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections,
  overallRate: rate,
  duration,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      path: '/v1/correct',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: Record<string, unknown>) => ({ ...req, body: bodies[n++ % bodies.length] }),
    },
  ],
});

const ok = result['2xx'];
console.log(`POST /v1/correct — ${chars}-char texts, target ${rate} req/s, ${connections} connections, ${duration} s, loopback`);
console.log(`texts: ${bodyCount} distinct windows of ${sourceLabel}`);
console.log(`corrector: ${correctorLabel}`);
console.log(`requests: ${result.requests.total} sent, ${ok} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
console.log(`throughput: ${(ok / duration).toFixed(1)} req/s answered (autocannon mean ${result.requests.average} req/s)`);
console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}, mean ${result.latency.average}`);

server.close();
await queue.close();
connection.disconnect();
corrector.dispose();
process.exit(result.errors + result.non2xx + result.timeouts > 0 ? 1 : 0);
