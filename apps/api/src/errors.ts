/**
 * One error type per kind of failure. They carry no HTTP status: `error-middleware.ts` maps them,
 * in one place, to a status and a JSON body `{ error: { code, message, details? } }`.
 */
export abstract class AppError extends Error {
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The body is not valid JSON / NDJSON. */
export class InvalidJsonError extends AppError {}
/** The body is not valid UTF-8. */
export class InvalidEncodingError extends AppError {}
/** The JSON is well-formed but does not match the schema (or the text holds forbidden characters). */
export class ValidationError extends AppError {}
/** The body (or the text in it) is larger than this route accepts. */
export class PayloadTooLargeError extends AppError {}
/** Content-Type (or Content-Encoding, charset) this route does not accept. */
export class UnsupportedMediaTypeError extends AppError {}
/** No or unknown API key. */
export class UnauthorizedError extends AppError {}
/** The key's token bucket is empty. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
/** The request line itself is malformed (e.g. a path parameter that is not valid percent-encoding). */
export class MalformedRequestError extends AppError {}
/** The path exists but not with this method. */
export class MethodNotAllowedError extends AppError {
  constructor(
    message: string,
    readonly allow: string[],
  ) {
    super(message);
  }
}
/** Unknown route, job or batch. */
export class NotFoundError extends AppError {}
/** The request clashes with the current state (job active, id reused with other content). */
export class ConflictError extends AppError {}
/** Redis (the queue) cannot be reached right now. */
export class QueueUnavailableError extends AppError {}
/** The corrector is not loaded (yet). */
export class ModelUnavailableError extends AppError {}
/** Too many corrections in flight; try again shortly. */
export class OverloadedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
