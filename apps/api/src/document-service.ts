import { randomUUID } from 'node:crypto';

import { DocumentJobSchema, contentHashFor, jobIdFor } from '@unsmudge/jobs';
import type { DocumentJob } from '@unsmudge/jobs';

import { ConflictError, NotFoundError, ValidationError } from './errors.js';
import type { BatchRecord, JobQueue, JobState } from './job-queue.js';
import type { DocumentRequest } from './schemas.js';

export interface Submission {
  documentId: string;
  jobId: string;
  /** false when an identical document was already queued (or finished): nothing new was enqueued. */
  created: boolean;
  state: JobState;
}

const FINISHED: JobState[] = ['completed', 'failed'];

/**
 * Idempotent enqueueing. A document's job id is derived from (caller, document id), the document id being the
 * caller's `id` or the content hash. Resubmitting the same content returns the existing job (unless that job
 * failed: then it is queued again); an id reused with new content replaces a finished job and is refused (409)
 * while the old one is still pending.
 */
export class DocumentService {
  constructor(
    private readonly queue: JobQueue,
    private readonly batchTtlSeconds: number,
  ) {}

  async submit(owner: string, requests: DocumentRequest[], batchId?: string): Promise<Submission[]> {
    const prepared = requests.map((r) => prepare(owner, r, batchId));

    // Duplicates inside one request: same content is fine (one job), different content is a mistake.
    const firstByJob = new Map<string, number>();
    prepared.forEach((p, i) => {
      const seen = firstByJob.get(p.jobId);
      if (seen === undefined) firstByJob.set(p.jobId, i);
      else if (prepared[seen].data.contentHash !== p.data.contentHash) {
        throw new ValidationError(`documents ${seen} and ${i} share the id "${p.data.documentId}" but differ in content`);
      }
    });
    const unique = [...firstByJob.values()].map((i) => prepared[i]);

    const existing = await this.queue.peek(unique.map((p) => p.jobId));
    const toAdd: typeof unique = [];
    const toReplace: typeof unique = [];
    const states = new Map<string, { created: boolean; state: JobState }>();
    const conflicts: string[] = [];
    unique.forEach((p, i) => {
      const found = existing[i];
      if (!found) {
        toAdd.push(p);
        states.set(p.jobId, { created: true, state: 'waiting' });
      } else if (found.contentHash === p.data.contentHash && found.state !== 'failed') {
        states.set(p.jobId, { created: false, state: found.state });
      } else if (FINISHED.includes(found.state)) {
        // New content for a finished job, or the same content after a failure: queue it afresh.
        toReplace.push(p);
        states.set(p.jobId, { created: true, state: 'waiting' });
      } else {
        conflicts.push(`"${p.data.documentId}" (${found.state})`);
      }
    });
    if (conflicts.length > 0) {
      throw new ConflictError(
        `document ${conflicts.slice(0, 5).join(', ')}${conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : ''} ` +
          'is already queued with different content; resubmit once it has finished, or use a new id',
      );
    }
    for (const p of toReplace) {
      if (!(await this.queue.remove(p.jobId))) {
        throw new ConflictError(`document "${p.data.documentId}" was picked up by a worker meanwhile; resubmit once it has finished`);
      }
    }
    await this.queue.add([...toReplace, ...toAdd]);

    return prepared.map((p) => ({ documentId: p.data.documentId, jobId: p.jobId, ...states.get(p.jobId)! }));
  }

  async submitBatch(owner: string, requests: DocumentRequest[]): Promise<{ batchId: string; submissions: Submission[] }> {
    const batchId = `b_${randomUUID().replaceAll('-', '')}`;
    const submissions = await this.submit(owner, requests, batchId);
    const record: BatchRecord = {
      batchId,
      owner,
      createdAt: Date.now(),
      members: submissions.map((s) => ({ jobId: s.jobId, documentId: s.documentId })),
    };
    await this.queue.saveBatch(record, this.batchTtlSeconds);
    return { batchId, submissions };
  }

  /** The batch, if it exists and belongs to `owner` (others get the same 404 as a missing batch). */
  async batch(owner: string, batchId: string): Promise<BatchRecord> {
    const batch = /^b_[0-9a-f]{32}$/.test(batchId) ? await this.queue.loadBatch(batchId) : undefined;
    if (!batch || batch.owner !== owner) throw new NotFoundError(`batch ${batchId} not found (unknown, expired, or not yours)`);
    return batch;
  }
}

function prepare(owner: string, request: DocumentRequest, batchId?: string): { jobId: string; data: DocumentJob } {
  const contentHash = contentHashFor({ text: request.text, options: request.options, embed: request.embed });
  const documentId = request.id ?? contentHash;
  const data = DocumentJobSchema.parse({
    documentId,
    text: request.text,
    metadata: request.metadata,
    embed: request.embed ?? false,
    callbackUrl: request.callbackUrl,
    options: request.options,
    batchId,
    submittedBy: owner,
    contentHash,
  });
  return { jobId: jobIdFor(documentId, owner), data };
}
