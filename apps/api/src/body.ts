import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { InvalidEncodingError, InvalidJsonError, PayloadTooLargeError, UnsupportedMediaTypeError } from './errors.js';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'];
const JSON_TYPES = ['application/json', 'application/*+json'];

export type BodyFormat = 'json' | 'ndjson';


const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the whole body (up to `limit` bytes, gzip/deflate allowed), checks its type and UTF-8, and parses it:
 * JSON into `req.body`, or NDJSON into an array of values (one per non-blank line).
 */
export function readBody(options: { limit: number; ndjson?: boolean }): RequestHandler {
  const accepted = options.ndjson ? [...JSON_TYPES, ...NDJSON_TYPES] : JSON_TYPES;
  const raw = express.raw({ type: () => true, limit: options.limit, inflate: true });
  return (req: Request, res: Response, next: NextFunction) => {
    const format = formatOf(req, options.ndjson === true);
    if (!format) {
      const got = req.headers['content-type'] ?? 'none';
      next(new UnsupportedMediaTypeError(`Content-Type must be ${accepted.slice(0, options.ndjson ? 3 : 1).join(' or ')} (got ${got})`));
      return;
    }
    const charset = /;\s*charset=("?)([^";]+)\1/i.exec(req.headers['content-type'] ?? '')?.[2]?.toLowerCase();
    if (charset && charset !== 'utf-8' && charset !== 'utf8') {
      next(new UnsupportedMediaTypeError(`charset ${charset} is not supported; send UTF-8`));
      return;
    }
    raw(req, res, (err?: unknown) => {
      if (err) {
        next(translate(err, options.limit));
        return;
      }
      const buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      req.bodyBytes = buffer.length;
      req.bodyFormat = format;
      let text: string;
      try {
        text = utf8.decode(buffer);
      } catch {
        next(new InvalidEncodingError('request body is not valid UTF-8'));
        return;
      }
      try {
        req.body = format === 'json' ? parseJson(text) : parseNdjson(text);
      } catch (parseErr) {
        next(parseErr);
        return;
      }
      next();
    });
  };
}

function formatOf(req: Request, ndjson: boolean): BodyFormat | undefined {
  if (!req.headers['content-type']) return undefined;
  if (req.is(JSON_TYPES)) return 'json';
  if (ndjson && req.is(NDJSON_TYPES)) return 'ndjson';
  return undefined;
}

function parseJson(text: string): unknown {
  if (text.trim().length === 0) throw new InvalidJsonError('request body is empty; expected a JSON object');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InvalidJsonError(`request body is not valid JSON: ${(err as Error).message}`);
  }
}

function parseNdjson(text: string): unknown[] {
  const values: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.length === 0) continue;
    try {
      values.push(JSON.parse(line));
    } catch (err) {
      throw new InvalidJsonError(`NDJSON line ${i + 1} is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (values.length === 0) throw new InvalidJsonError('NDJSON body holds no lines');
  return values;
}

interface BodyParserError {
  type?: string;
  length?: number;
  limit?: number;
  message?: string;
}

function translate(err: unknown, limit: number): unknown {
  const e = err as BodyParserError;
  switch (e.type) {
    case 'entity.too.large':
      return new PayloadTooLargeError(
        `request body${e.length ? ` (${e.length} bytes)` : ''} is larger than the ${limit} bytes this route accepts`,
        { limitBytes: limit },
      );
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeError(`Content-Encoding is not supported (use gzip, deflate or none): ${e.message ?? ''}`);
    case 'request.aborted':
    case 'request.size.invalid':
      return new InvalidJsonError('request body was cut short (aborted or shorter than Content-Length)');
    default:
      if (e.message && /incorrect header check|unexpected end of file|invalid (block|distance|stored)/i.test(e.message)) {
        return new InvalidEncodingError(`compressed request body is corrupt: ${e.message}`);
      }
      return err;
  }
}
