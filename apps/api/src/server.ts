import { randomUUID } from 'node:crypto';

import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';

import type { Corrector } from '@unsmudge/model';

import { createAuth } from './auth.js';
import { ConcurrencyGate } from './concurrency.js';
import type { ApiConfig } from './config.js';
import type { RouteContext } from './context.js';
import { DocumentService } from './document-service.js';
import { createErrorMiddleware, createNotFoundHandler, registeredRoutes, routeOf } from './error-middleware.js';
import type { JobQueue } from './job-queue.js';
import { silentLogger } from './logger.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { TokenBucketLimiter, authFailureLimit, createRateLimit } from './rate-limit.js';
import { registerBatchRoutes } from './routes/batches.js';
import { registerCorrectRoutes } from './routes/correct.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerJobRoutes } from './routes/jobs.js';
import { registerOpsRoutes } from './routes/ops.js';

export interface ServerDeps {
  config: ApiConfig;
  /** The corrector, or a getter that answers undefined while it is still loading. */
  corrector: Corrector | (() => Corrector | undefined);
  queue: JobQueue;
  logger?: Logger;
  /** Collect Node process metrics too (off in tests). */
  defaultMetrics?: boolean;
  /** Clock for the rate limiter (tests). */
  now?: () => number;
}

export function createServer(deps: ServerDeps): Express {
  const { config, queue } = deps;
  const logger = deps.logger ?? silentLogger;
  const corrector = typeof deps.corrector === 'function' ? deps.corrector : () => deps.corrector as Corrector;

  const metrics = createMetrics({
    defaultMetrics: deps.defaultMetrics,
    probes: {
      modelLoaded: () => corrector() !== undefined,
      redisUp: () => queue.isReady(),
      queueCounts: async () => (queue.isReady() ? queue.counts().catch(() => undefined) : undefined),
    },
  });
  const limiter = new TokenBucketLimiter({ ...config.rateLimit, now: deps.now });
  const authFailures = { perMinute: 30, burst: 30 };
  const failureLimiter = new TokenBucketLimiter({ ...authFailures, now: deps.now });
  const ctx: RouteContext = {
    config,
    logger,
    metrics,
    corrector,
    queue,
    documents: new DocumentService(queue, config.batchTtlSeconds),
    gate: new ConcurrencyGate(config.correct.concurrency, config.correct.queueLimit),
    protect: [
      createAuth({ keys: config.apiKeys, disabled: config.authDisabled, onFailure: authFailureLimit(failureLimiter, authFailures) }),
      createRateLimit(limiter, config.rateLimit),
    ],
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(observe(ctx));

  registerCorrectRoutes(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerBatchRoutes(app, ctx);
  registerJobRoutes(app, ctx);
  registerOpsRoutes(app, ctx);

  app.use(createNotFoundHandler(registeredRoutes(app)));
  app.use(createErrorMiddleware(logger));
  return app;
}

const REQUEST_ID = /^[\w.-]{1,64}$/;

/** Request id, then one log line and metric samples per request: route, status, ms, sizes — never text. */
function observe(ctx: RouteContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    req.requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.requestId);
    const started = performance.now();
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      const seconds = (performance.now() - started) / 1000;
      const route = routeOf(req);
      const status = aborted && !res.headersSent ? 499 : res.statusCode;
      const labels = { method: req.method, route, status: String(status) };
      ctx.metrics.requests.inc(labels);
      ctx.metrics.duration.observe(labels, seconds);
      if (route === '/metrics' || route === '/healthz' || route === '/readyz') return;
      const fields = {
        requestId: req.requestId,
        method: req.method,
        route,
        status,
        ms: Math.round(seconds * 10_000) / 10,
        reqBytes: req.bodyBytes ?? Number(req.headers['content-length'] ?? 0),
        resBytes: Number(res.getHeader('content-length') ?? 0) || undefined,
        principal: req.principal,
        ...(res.locals.logFields as Record<string, unknown> | undefined),
        ...(aborted ? { aborted: true } : {}),
      };
      if (status >= 500) ctx.logger.warn('request', fields);
      else ctx.logger.info('request', fields);
    };
    res.on('finish', () => finish(false));
    res.on('close', () => finish(!res.writableFinished));
    next();
  };
}
