import type { Express } from 'express';

import type { CleanResult } from '@unsmudge/model';

import { readBody } from '../body.js';
import type { RouteContext } from '../context.js';
import { ModelUnavailableError, PayloadTooLargeError, ValidationError } from '../errors.js';
import { CorrectRequestSchema, parseOrThrow } from '../schemas.js';

export function registerCorrectRoutes(app: Express, ctx: RouteContext): void {
  const { config, metrics } = ctx;

  app.post('/v1/correct', ...ctx.protect, readBody({ limit: config.bodyLimits.correct }), async (req, res) => {
    const body = parseOrThrow(CorrectRequestSchema, req.body);
    const texts = body.texts ?? [body.text as string];
    if (texts.length > config.correct.maxTexts) {
      throw new ValidationError(`body.texts holds ${texts.length} texts; /v1/correct accepts at most ${config.correct.maxTexts} per request`);
    }
    const chars = texts.reduce((sum, t) => sum + t.length, 0);
    if (chars > config.correct.maxChars) {
      throw new PayloadTooLargeError(
        `${chars} characters to correct; /v1/correct accepts at most ${config.correct.maxChars} per request — send long documents to /v1/documents`,
        { chars, maxChars: config.correct.maxChars },
      );
    }
    const corrector = ctx.corrector();
    if (!corrector) throw new ModelUnavailableError('the correction model is still loading; retry shortly');

    const started = performance.now();
    // Blank texts come back as they are without a trip through the model.
    const work = texts.map((t, i) => ({ t, i })).filter(({ t }) => t.trim().length > 0);
    const cleaned = work.length
      ? await ctx.gate.run(() =>
          corrector
            .clean(
              work.map((w) => w.t),
              { threshold: body.options?.threshold, protectedTerms: body.options?.protectedTerms },
            )
            .catch((err: unknown) => {
              // The model package's InputError: input it cannot take, i.e. the caller's mistake.
              if (err instanceof Error && err.name === 'InputError') throw new ValidationError(`the corrector refused the input: ${err.message}`);
              // every correction thread is being replaced after a crash: a passing condition
              if (err instanceof Error && err.name === 'CorrectorUnavailableError') throw new ModelUnavailableError(err.message);
              throw err;
            }),
        )
      : [];
    if (cleaned.length !== work.length) {
      throw new Error(`corrector returned ${cleaned.length} results for ${work.length} texts`);
    }
    const results: CleanResult[] = texts.map((t) => ({ text: t, edits: [] }));
    work.forEach((w, k) => {
      results[w.i] = { text: cleaned[k].text, edits: cleaned[k].edits };
    });
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const edits = results.reduce((sum, r) => sum + r.edits.length, 0);
    metrics.correctedChars.inc(chars);
    metrics.edits.inc(edits);
    res.locals.logFields = { texts: texts.length, chars, edits, correctMs: ms };

    const stats = { texts: texts.length, chars, edits, ms };
    const model = { checkpoint: corrector.info.checkpoint, backend: corrector.info.backend };
    if (body.texts) res.json({ results, stats, model });
    else res.json({ text: results[0].text, edits: results[0].edits, stats, model });
  });
}
