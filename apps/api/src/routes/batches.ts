import { once } from 'node:events';

import type { Express, Request } from 'express';

import { readBody } from '../body.js';
import type { RouteContext } from '../context.js';
import { describeError } from '../error-middleware.js';
import { ValidationError } from '../errors.js';
import type { JobState } from '../job-queue.js';
import { BatchObjectSchema, DocumentRequestSchema, parseOrThrow } from '../schemas.js';
import type { DocumentRequest } from '../schemas.js';

const RESULT_CHUNK = 100;
const MAX_DETAILS = 20;

export function registerBatchRoutes(app: Express, ctx: RouteContext): void {
  const { config } = ctx;

  app.post('/v1/batches', ...ctx.protect, readBody({ limit: config.bodyLimits.batch, ndjson: true }), async (req, res) => {
    const ndjson = req.bodyFormat === 'ndjson';
    const raw: unknown[] = Array.isArray(req.body) ? req.body : parseOrThrow(BatchObjectSchema, req.body).documents;
    if (raw.length === 0) throw new ValidationError('the batch holds no documents');
    if (raw.length > config.maxBatchDocuments) {
      throw new ValidationError(`the batch holds ${raw.length} documents; at most ${config.maxBatchDocuments} per batch`);
    }
    const documents = validateAll(raw, ndjson);
    const { batchId, submissions } = await ctx.documents.submitBatch(req.principal!, documents);
    const created = submissions.filter((s) => s.created).length;
    res.locals.logFields = { documents: documents.length, created };
    res
      .status(202)
      .location(`/v1/batches/${batchId}`)
      .json({
        batchId,
        count: submissions.length,
        created,
        existing: submissions.length - created,
        statusUrl: `/v1/batches/${batchId}`,
        resultsUrl: `/v1/batches/${batchId}/results`,
        documents: submissions.map((s) => ({ id: s.documentId, jobId: s.jobId })),
      });
  });

  app.get('/v1/batches/:id', ...ctx.protect, async (req: Request<{ id: string }>, res) => {
    const batch = await ctx.documents.batch(req.principal!, req.params.id);
    const jobIds = [...new Set(batch.members.map((m) => m.jobId))];
    const states = new Map<string, JobState>();
    (await ctx.queue.states(jobIds)).forEach((s, i) => states.set(jobIds[i], s));
    const counts = { waiting: 0, active: 0, completed: 0, failed: 0, missing: 0 };
    for (const member of batch.members) {
      const state = states.get(member.jobId)!;
      if (state === 'waiting' || state === 'delayed') counts.waiting++;
      else if (state === 'unknown') counts.missing++;
      else counts[state]++;
    }
    const count = batch.members.length;
    const finished = counts.completed + counts.failed + counts.missing;
    res.json({
      batchId: batch.batchId,
      count,
      createdAt: new Date(batch.createdAt).toISOString(),
      counts,
      progress: count ? Math.round((finished / count) * 1000) / 1000 : 1,
      done: finished === count,
      resultsUrl: `/v1/batches/${batch.batchId}/results`,
    });
  });

  app.get('/v1/batches/:id/results', ...ctx.protect, async (req: Request<{ id: string }>, res) => {
    const batch = await ctx.documents.batch(req.principal!, req.params.id);
    const members = batch.members;
    // The first chunk is read before anything is sent, so a Redis failure here is still a clean 503.
    let outcomes = await ctx.queue.outcomes(members.slice(0, RESULT_CHUNK).map((m) => m.jobId));
    res.status(200).type('application/x-ndjson');
    let closed = false;
    res.on('close', () => {
      closed = true;
    });
    for (let start = 0; start < members.length && !closed; start += RESULT_CHUNK) {
      if (start > 0) {
        try {
          outcomes = await ctx.queue.outcomes(members.slice(start, start + RESULT_CHUNK).map((m) => m.jobId));
        } catch (err) {
          // Headers are gone: say what happened on a last line instead.
          res.end(`${JSON.stringify({ error: describeError(err).body })}\n`);
          return;
        }
      }
      let chunk = '';
      outcomes.forEach((o, k) => {
        const member = members[start + k];
        const line: Record<string, unknown> = { id: member.documentId, jobId: o.jobId, state: o.state === 'unknown' ? 'missing' : o.state };
        if (o.state === 'completed') line.result = o.result;
        if (o.state === 'failed') line.error = { reason: o.failedReason ?? 'unknown failure' };
        if (o.state === 'unknown') line.error = { reason: 'job not found: cancelled or its result expired' };
        chunk += `${JSON.stringify(line)}\n`;
      });
      if (!res.write(chunk) && !closed) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
    res.end();
  });
}

function validateAll(raw: unknown[], ndjson: boolean): DocumentRequest[] {
  const documents: DocumentRequest[] = [];
  const details: { path: string; message: string }[] = [];
  let failures = 0;
  raw.forEach((value, i) => {
    const where = ndjson ? `record ${i + 1}` : `documents.${i}`;
    try {
      documents.push(parseOrThrow(DocumentRequestSchema, value, where));
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      failures++;
      if (details.length < MAX_DETAILS) details.push(...(err.details as typeof details).slice(0, MAX_DETAILS - details.length));
    }
  });
  if (failures > 0) {
    throw new ValidationError(
      `${failures} of ${raw.length} documents are invalid, nothing was queued; first: ${details[0].path}: ${details[0].message}`,
      details,
    );
  }
  return documents;
}
