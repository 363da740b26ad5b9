import type { Express } from 'express';

import type { RouteContext } from '../context.js';
import { openApiDocument } from '../openapi.js';

export function registerOpsRoutes(app: Express, ctx: RouteContext): void {
  const startedAt = Date.now();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });

  app.get('/readyz', async (_req, res) => {
    const corrector = ctx.corrector();
    const redisOk = await ctx.queue.ping(500);
    const ready = redisOk && corrector !== undefined;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not-ready',
      checks: {
        redis: { ok: redisOk },
        model: corrector ? { ok: true, checkpoint: corrector.info.checkpoint, backend: corrector.info.backend } : { ok: false, reason: 'loading' },
      },
    });
  });

  app.get('/metrics', async (_req, res) => {
    res.type(ctx.metrics.registry.contentType).send(await ctx.metrics.registry.metrics());
  });

  const document = openApiDocument(ctx.config);
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
}
