import type { Express } from 'express';

import { readBody } from '../body.js';
import type { RouteContext } from '../context.js';
import { DocumentRequestSchema, parseOrThrow } from '../schemas.js';

export function registerDocumentRoutes(app: Express, ctx: RouteContext): void {
  app.post('/v1/documents', ...ctx.protect, readBody({ limit: ctx.config.bodyLimits.document }), async (req, res) => {
    const body = parseOrThrow(DocumentRequestSchema, req.body);
    const [submission] = await ctx.documents.submit(req.principal!, [body]);
    const statusUrl = `/v1/jobs/${submission.jobId}`;
    res.locals.logFields = { chars: body.text.length, created: submission.created };
    res
      .status(submission.created ? 202 : 200)
      .location(statusUrl)
      .json({
        jobId: submission.jobId,
        documentId: submission.documentId,
        state: submission.state,
        created: submission.created,
        statusUrl,
      });
  });
}
