/** Fields our middleware adds to Express requests. */
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by observe(): from X-Request-Id or generated. */
      requestId?: string;
      /** Set by auth: the API key's principal, or "anonymous" when auth is disabled. */
      principal?: string;
      /** Set by readBody: which format the body came in. */
      bodyFormat?: 'json' | 'ndjson';
      /** Set by readBody: body size in bytes, for logs. */
      bodyBytes?: number;
    }
  }
}

export {};
