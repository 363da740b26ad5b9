import { z } from 'zod';

/** Longest document text accepted, in characters. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

export const CleanOptionsSchema = z
  .object({
    threshold: z.number().min(0).max(1).optional(),
    protectedTerms: z.array(z.string().min(1).max(200)).max(1000).optional(),
  })
  .strict();

/** Payload of a job on QUEUES.documents. */
export const DocumentJobSchema = z
  .object({
    /** Caller's document id (or a content hash when none was given). */
    documentId: z.string().min(1).max(512),
    text: z.string().max(MAX_DOCUMENT_CHARS),
    metadata: z.record(z.string(), z.unknown()).optional(),
    embed: z.boolean().default(false),
    callbackUrl: z.string().url().optional(),
    options: CleanOptionsSchema.optional(),
    /** Set when the document belongs to a batch. */
    batchId: z.string().optional(),
    /** Key who submitted it (for auditing; never the key itself, its id). */
    submittedBy: z.string().optional(),
    /** contentHashFor({text, options, embed}): lets the producer tell a resubmission from a changed document. */
    contentHash: z.string().optional(),
  })
  .strict();
export type DocumentJob = z.infer<typeof DocumentJobSchema>;

export const EditSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  original: z.string(),
  replacement: z.string(),
  confidence: z.number(),
});

export const ChunkSchema = z.object({
  index: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  embedding: z.array(z.number()).optional(),
});

/** What a finished document job returns (kept in Redis with a TTL, POSTed to callbackUrl). */
export const DocumentResultSchema = z.object({
  documentId: z.string(),
  text: z.string(),
  edits: z.array(EditSchema),
  chunks: z.array(ChunkSchema),
  embedding: z
    .object({ provider: z.string(), model: z.string(), dimensions: z.number().int() })
    .optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  stats: z.object({ chars: z.number().int(), edits: z.number().int(), cleanMs: z.number(), embedMs: z.number() }),
});
export type DocumentResult = z.infer<typeof DocumentResultSchema>;
