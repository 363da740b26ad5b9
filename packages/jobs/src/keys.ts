/** Redis keys for batch bookkeeping, under the same prefix as the BullMQ queues. */
export interface BatchKeys {
  /** Hash: owner, count, createdAt. */
  meta: string;
  /** List of `<jobId> <documentId>` entries, in submission order. */
  members: string;
}

export function batchKeys(prefix: string, batchId: string): BatchKeys {
  const base = `${prefix}:batches:${batchId}`;
  return { meta: `${base}:meta`, members: `${base}:members` };
}

/** Splits a batch member entry written as `<jobId> <documentId>`. */
export function parseBatchMember(entry: string): { jobId: string; documentId: string } {
  const space = entry.indexOf(' ');
  if (space < 0) return { jobId: entry, documentId: entry };
  return { jobId: entry.slice(0, space), documentId: entry.slice(space + 1) };
}

export function formatBatchMember(jobId: string, documentId: string): string {
  return `${jobId} ${documentId}`;
}
