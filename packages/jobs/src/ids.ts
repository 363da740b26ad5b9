import { createHash } from 'node:crypto';

import type { CleanOptionsSchema } from './payloads.js';
import type { z } from 'zod';

/** Name given to every job on QUEUES.documents. */
export const DOCUMENT_JOB_NAME = 'document';

export interface ContentKey {
  text: string;
  options?: z.infer<typeof CleanOptionsSchema>;
  embed?: boolean;
}

/**
 * Stable hash of what decides a document's result: its text, clean options and whether it is embedded.
 * Order of protectedTerms does not matter. Returned as `sha256-<hex>`.
 */
export function contentHashFor(content: ContentKey): string {
  const canonical = JSON.stringify([
    content.text,
    content.options?.threshold ?? null,
    [...(content.options?.protectedTerms ?? [])].sort(),
    content.embed ?? false,
  ]);
  return `sha256-${createHash('sha256').update(canonical, 'utf8').digest('hex')}`;
}

/**
 * Deterministic BullMQ job id for a document, so the same document is never queued twice.
 * `namespace` separates callers (e.g. API key principals) that may reuse the same document ids.
 * The result is safe as a BullMQ custom id (no ':', never an integer).
 */
export function jobIdFor(documentId: string, namespace = ''): string {
  const digest = createHash('sha256').update(`${namespace}\u0000${documentId}`, 'utf8').digest('hex');
  return `doc_${digest.slice(0, 40)}`;
}
