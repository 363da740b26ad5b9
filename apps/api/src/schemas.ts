import { z } from 'zod';

import { CleanOptionsSchema, MAX_DOCUMENT_CHARS } from '@unsmudge/jobs';

import { ValidationError } from './errors.js';
import { describeForbiddenChar, findForbiddenChar } from './text-checks.js';

/** A text to correct: any string without forbidden control characters or unpaired surrogates. */
export const TextSchema = z.string().superRefine((value, ctx) => {
  const found = findForbiddenChar(value);
  if (found) ctx.addIssue({ code: 'custom', message: `text ${describeForbiddenChar(found)}` });
});

export const CorrectRequestSchema = z
  .object({
    text: TextSchema.optional(),
    texts: z.array(TextSchema).min(1, 'texts must hold at least one text').optional(),
    options: CleanOptionsSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.text === undefined) === (body.texts === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of "text" (a string) or "texts" (an array of strings)' });
    }
  });
export type CorrectRequest = z.infer<typeof CorrectRequestSchema>;

const HttpUrlSchema = z
  .string()
  .max(2048, 'callbackUrl is longer than 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'callbackUrl must be an absolute http:// or https:// URL');

const MAX_METADATA_BYTES = 64 * 1024;

export const DocumentRequestSchema = z
  .object({
    id: z
      .string()
      .min(1, 'id must not be empty')
      .max(512, 'id is longer than 512 characters')
      .refine((v) => findForbiddenChar(v) === undefined, 'id contains control characters')
      .optional(),
    text: TextSchema.refine((v) => v.trim().length > 0, 'text must not be empty or only whitespace').refine(
      (v) => v.length <= MAX_DOCUMENT_CHARS,
      `text is longer than ${MAX_DOCUMENT_CHARS} characters`,
    ),
    metadata: z
      .record(z.string(), z.unknown())
      .refine((v) => Buffer.byteLength(JSON.stringify(v)) <= MAX_METADATA_BYTES, `metadata is larger than ${MAX_METADATA_BYTES} bytes as JSON`)
      .optional(),
    embed: z.boolean().optional(),
    callbackUrl: HttpUrlSchema.optional(),
    options: CleanOptionsSchema.optional(),
  })
  .strict();
export type DocumentRequest = z.infer<typeof DocumentRequestSchema>;

export const BatchObjectSchema = z.object({ documents: z.array(z.unknown()) }).strict();

/** Parses or throws a ValidationError naming every problem (path and message). */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, where = 'body'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = details[0];
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  throw new ValidationError(`${first.path}: ${first.message}${more}`, details);
}
