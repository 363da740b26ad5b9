import { createHash, timingSafeEqual } from 'node:crypto';

import type { NextFunction, Request, RequestHandler, Response } from 'express';

import type { ApiKey } from './config.js';
import { UnauthorizedError } from './errors.js';


export const ANONYMOUS = 'anonymous';

const digest = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/**
 * `Authorization: Bearer <key>` against the configured keys; with `disabled`, everyone is "anonymous".
 * `onFailure` may turn a failed attempt into another error (e.g. rate limiting of failures per IP).
 */
export function createAuth(options: { keys: ApiKey[]; disabled: boolean; onFailure?: (req: Request) => Error | undefined }): RequestHandler {
  const known = options.keys.map((k) => ({ principal: k.principal, digest: digest(k.secret) }));
  return (req: Request, _res: Response, nextFn: NextFunction) => {
    const next = (err?: Error) => (err ? nextFn(options.onFailure?.(req) ?? err) : nextFn());
    if (options.disabled) {
      req.principal = ANONYMOUS;
      next();
      return;
    }
    const header = req.headers.authorization;
    if (!header) {
      next(new UnauthorizedError('missing Authorization header; send "Authorization: Bearer <API key>"'));
      return;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      next(new UnauthorizedError('Authorization header must be "Bearer <API key>"'));
      return;
    }
    const given = digest(match[1]);
    // Compare against every key so timing does not tell which (or whether an early) key matched.
    let principal: string | undefined;
    for (const key of known) {
      if (timingSafeEqual(given, key.digest) && principal === undefined) principal = key.principal;
    }
    if (!principal) {
      next(new UnauthorizedError('API key is not valid'));
      return;
    }
    req.principal = principal;
    next();
  };
}
