import type { ErrorRequestHandler, Request, RequestHandler } from 'express';

import {
  AppError,
  ConflictError,
  InvalidEncodingError,
  InvalidJsonError,
  MalformedRequestError,
  MethodNotAllowedError,
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
  [MalformedRequestError, 400, 'bad-request'],
  [InvalidJsonError, 400, 'invalid-json'],
  [InvalidEncodingError, 400, 'invalid-encoding'],
  [ValidationError, 400, 'validation-failed'],
  [UnauthorizedError, 401, 'unauthorized'],
  [NotFoundError, 404, 'not-found'],
  [MethodNotAllowedError, 405, 'method-not-allowed'],
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
  err = fromHttpError(err);
  for (const [type, status, code] of MAPPING) {
    if (err instanceof type) {
      const retryAfter =
        err instanceof RateLimitedError || err instanceof OverloadedError ? err.retryAfterSeconds : err instanceof QueueUnavailableError ? 5 : undefined;
      return { status, body: { code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) }, retryAfter };
    }
  }
  return { status: 500, body: { code: 'internal', message: 'internal server error' } };
}

/** Express's own 4xx errors (e.g. an undecodable path parameter, status 400) become MalformedRequestError. */
function fromHttpError(err: unknown): unknown {
  if (err instanceof AppError || typeof err !== 'object' || err === null) return err;
  const { status, expose, message } = err as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const safe = (expose === true || err instanceof URIError) && typeof message === 'string';
    return new MalformedRequestError(safe ? message : 'malformed request');
  }
  return err;
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
    if (err instanceof MethodNotAllowedError) res.setHeader('Allow', err.allow.join(', '));
    res.status(status).json({ error: { ...body, requestId: req.requestId } } satisfies ErrorBody);
  };
}

/** 405 (with Allow) when the path exists under other methods, else 404. `routes` as registered on the app. */
export function createNotFoundHandler(routes: { method: string; path: string }[]): RequestHandler {
  const matchers = routes.map((r) => ({ method: r.method, regexp: new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}/?$`) }));
  return (req, _res, next) => {
    const allow = [...new Set(matchers.filter((m) => m.regexp.test(req.path)).map((m) => m.method))];
    if (allow.length > 0) {
      next(new MethodNotAllowedError(`${req.method} is not allowed on ${req.path}; use ${allow.join(' or ')}`, allow));
      return;
    }
    next(new NotFoundError(`no route ${req.method} ${req.path}; see /openapi.json`));
  };
}

/** Every (method, path template) registered directly on the app. */
export function registeredRoutes(app: { router: unknown }): { method: string; path: string }[] {
  const stack = (app.router as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack;
  return stack
    .filter((layer) => layer.route)
    .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => ({ method: m.toUpperCase(), path: layer.route!.path })));
}


/** Route template for logs and metric labels (never the raw path: ids would explode cardinality). */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : 'unmatched';
}
