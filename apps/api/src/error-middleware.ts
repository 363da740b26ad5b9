import type { ErrorRequestHandler, Request, RequestHandler } from 'express';

import {
  AppError,
  ConflictError,
  InvalidEncodingError,
  InvalidJsonError,
  ModelUnavailableError,
  NotFoundError,
  OverloadedError,
  PayloadTooLargeError,
  QueueUnavailableError,
  RateLimitedError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors.js';
import type { Logger } from './logger.js';

type ErrorClass = abstract new (...args: never[]) => AppError;

/** The one place where kinds of failure become HTTP statuses and error codes. */
const MAPPING: [ErrorClass, number, string][] = [
  [InvalidJsonError, 400, 'invalid-json'],
  [InvalidEncodingError, 400, 'invalid-encoding'],
  [ValidationError, 400, 'validation-failed'],
  [UnauthorizedError, 401, 'unauthorized'],
  [NotFoundError, 404, 'not-found'],
  [ConflictError, 409, 'conflict'],
  [PayloadTooLargeError, 413, 'payload-too-large'],
  [UnsupportedMediaTypeError, 415, 'unsupported-media-type'],
  [RateLimitedError, 429, 'rate-limited'],
  [QueueUnavailableError, 503, 'queue-unavailable'],
  [ModelUnavailableError, 503, 'model-unavailable'],
  [OverloadedError, 503, 'overloaded'],
];

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}

export function describeError(err: unknown): { status: number; body: ErrorBody['error']; retryAfter?: number } {
  for (const [type, status, code] of MAPPING) {
    if (err instanceof type) {
      const retryAfter =
        err instanceof RateLimitedError || err instanceof OverloadedError ? err.retryAfterSeconds : err instanceof QueueUnavailableError ? 5 : undefined;
      return { status, body: { code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) }, retryAfter };
    }
  }
  return { status: 500, body: { code: 'internal', message: 'internal server error' } };
}

export function createErrorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const { status, body, retryAfter } = describeError(err);
    if (status >= 500 && !(err instanceof AppError)) {
      logger.error('unhandled error', { route: routeOf(req), error: err instanceof Error ? err.stack : String(err), requestId: req.requestId });
    }
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    res.status(status).json({ error: { ...body, requestId: req.requestId } } satisfies ErrorBody);
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`no route ${req.method} ${req.path}; see /openapi.json`));
};


/** Route template for logs and metric labels (never the raw path: ids would explode cardinality). */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : 'unmatched';
}
