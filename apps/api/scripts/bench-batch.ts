/**
 * Times the batch routes on real Redis (REDIS_URL) under a random prefix, deleted afterwards:
 * POST /v1/batches with N documents, the same batch again (all existing), GET status, GET results.
 *
 *   pnpm --filter @unsmudge/api bench:batch [--documents 10000] [--chars 370]
 */
import { parseArgs } from 'node:util';

import request from 'supertest';

import { redisTestEnv } from '../src/testing/redis-test-env.js';
import { waitFor } from '../src/testing/tcp-proxy.js';
import { auth } from '../src/testing/test-config.js';

const { values: args } = parseArgs({ options: { documents: { type: 'string', default: '10000' }, chars: { type: 'string', default: '370' } } });
const n = Number(args.documents);
const chars = Number(args.chars);

const env = await redisTestEnv({ env: { MAX_BATCH_DOCUMENTS: String(n), BATCH_BODY_LIMIT: '1gb' } });
try {
  await waitFor(() => env.queue.isReady(), 'redis');
  const sentence = 'Tbe c4t sat 0n the rnat while the cornmittee rnet. ';
  const docs = Array.from({ length: n }, (_, i) => ({ id: `doc-${i}`, text: `${i} ${sentence.repeat(Math.ceil(chars / sentence.length))}`.slice(0, chars) }));
  const body = JSON.stringify(docs);
  const time = async <T>(label: string, run: () => Promise<T>, describe: (r: T) => string) => {
    const t = performance.now();
    const r = await run();
    console.log(`${label}: ${Math.round(performance.now() - t)} ms (${describe(r)})`);
    return r;
  };
  console.log(`batch of ${n} documents, ${chars} chars each, ${(body.length / 1e6).toFixed(1)} MB JSON`);
  const post = () => request(env.app).post('/v1/batches').set(auth()).set('Content-Type', 'application/json').send(body);
  const first = await time('POST /v1/batches (new)', post, (r) => `${r.status}, created ${r.body.created}`);
  await time('POST /v1/batches (same again)', post, (r) => `${r.status}, existing ${r.body.existing}`);
  await time('GET /v1/batches/:id', () => request(env.app).get(first.body.statusUrl).set(auth()), (r) => `${r.status}, ${JSON.stringify(r.body.counts)}`);
  await time(
    'GET /v1/batches/:id/results',
    () =>
      request(env.app)
        .get(first.body.resultsUrl)
        .set(auth())
        .buffer(true)
        .parse((res, cb) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => cb(null, text));
        }),
    (r) => `${r.status}, ${(r.body as string).trim().split('\n').length} lines`,
  );
} finally {
  await env.cleanup();
}
process.exit(0);
