import type { Express, Request } from 'express';

import type { RouteContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { JobSnapshot } from '../job-queue.js';

const JOB_ID = /^doc_[0-9a-f]{40}$/;

export function registerJobRoutes(app: Express, ctx: RouteContext): void {
  /** The caller's job, or 404 (for unknown, expired, cancelled and other callers' jobs alike). */
  async function ownJob(req: Request<{ id: string }>): Promise<JobSnapshot> {
    const id = req.params.id;
    const job = JOB_ID.test(id) ? await ctx.queue.getJob(id) : undefined;
    if (!job || job.state === 'unknown' || job.data.submittedBy !== req.principal) {
      throw new NotFoundError(`job ${id} not found (unknown, expired, cancelled, or not yours)`);
    }
    return job;
  }

  app.get('/v1/jobs/:id', ...ctx.protect, async (req: Request<{ id: string }>, res) => {
    const job = await ownJob(req);
    res.json(presentJob(job));
  });

  app.delete('/v1/jobs/:id', ...ctx.protect, async (req: Request<{ id: string }>, res) => {
    const job = await ownJob(req);
    if (job.state === 'active') throw new ConflictError(`job ${job.jobId} is being processed by a worker and cannot be cancelled`);
    if (job.state === 'completed' || job.state === 'failed') throw new ConflictError(`job ${job.jobId} has already ${job.state}`);
    if (!(await ctx.queue.remove(job.jobId))) {
      throw new ConflictError(`job ${job.jobId} was picked up by a worker meanwhile and cannot be cancelled`);
    }
    res.json({ jobId: job.jobId, documentId: job.data.documentId, state: 'cancelled' });
  });
}

const iso = (ms?: number) => (ms ? new Date(ms).toISOString() : undefined);

export function presentJob(job: JobSnapshot) {
  return {
    jobId: job.jobId,
    documentId: job.data.documentId,
    batchId: job.data.batchId,
    state: job.state,
    progress: job.state === 'completed' ? 100 : job.progress,
    attempts: { made: job.attemptsMade, max: job.maxAttempts },
    createdAt: iso(job.createdAt),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    chars: job.data.textChars,
    embed: job.data.embed,
    metadata: job.data.metadata,
    ...(job.state === 'completed' ? { result: job.result } : {}),
    ...(job.failedReason ? { error: { reason: job.failedReason } } : {}),
  };
}
