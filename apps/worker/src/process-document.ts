import { type DocumentJob, DocumentJobSchema, type DocumentResult } from '@unsmudge/jobs';
import type { Corrector, Edit } from '@unsmudge/model';
import { UnrecoverableError } from 'bullmq';
import { postCallback } from './callbacks/post-callback.js';
import { CallbackAllowlist, type Resolver, checkCallbackUrl } from './callbacks/ssrf-guard.js';
import { type ChunkOptions, chunkText } from './chunking.js';
import type { WorkerConfig } from './config.js';
import { CallbackDeliveryError, CallbackRefusedError } from './errors.js';
import type { Embedder } from './embeddings/types.js';

export type Phase = 'cleaning' | 'embedding' | 'callback' | 'done';

/** What the API reads from job.progress. `percent` is 0–100 over the whole job. */
export interface DocumentProgress {
  phase: Phase;
  done: number;
  total: number;
  percent: number;
}

/** The slice of a BullMQ job (or sandboxed job) that processing needs. */
export interface DocumentJobContext {
  id: string;
  data: unknown;
  updateProgress(progress: DocumentProgress): Promise<void>;
  log(line: string): Promise<void>;
}

export interface DocumentDeps {
  /** Loaded on first use (after the payload was validated, so bad payloads fail without waiting for the model). */
  getCorrector: () => Promise<Corrector>;
  /** Loaded on first use; undefined when EMBEDDING_PROVIDER=none. */
  getEmbedder: () => Promise<Embedder | undefined>;
  embeddingEnabled: boolean;
  chunking: ChunkOptions;
  defaultThreshold?: number;
  callback: WorkerConfig['callback'] & { resolve?: Resolver; sleep?: (ms: number) => Promise<void> };
  /** Chunks per embedding call (progress is reported between calls). */
  embedBatchChunks?: number;
  /** Minimum milliseconds between two progress writes within a phase. */
  progressIntervalMs?: number;
  now?: () => number;
}

/** Validates a job payload; a bad payload can never succeed, so it fails the job at once. */
export function parseDocumentJob(data: unknown): DocumentJob {
  const parsed = DocumentJobSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
    throw new UnrecoverableError(`invalid document payload: ${problems.join('; ')}`);
  }
  return parsed.data;
}

function progressReporter(job: DocumentJobContext, intervalMs: number, now: () => number, embedding: boolean) {
  // Cleaning takes most of the time; embedding and the callback share the rest.
  const span: Record<Phase, [number, number]> = embedding
    ? { cleaning: [0, 85], embedding: [85, 98], callback: [98, 99], done: [100, 100] }
    : { cleaning: [0, 98], embedding: [98, 98], callback: [98, 99], done: [100, 100] };
  let lastPhase: Phase | undefined;
  let lastAt = 0;
  let pending: Promise<void> = Promise.resolve();
  return {
    report(phase: Phase, done: number, total: number, force = false): Promise<void> {
      const t = now();
      if (!force && phase === lastPhase && t - lastAt < intervalMs && done < total) return pending;
      lastPhase = phase;
      lastAt = t;
      const [from, to] = span[phase];
      const percent = Math.round(from + (to - from) * (total > 0 ? Math.min(1, done / total) : 1));
      pending = pending.then(() => job.updateProgress({ phase, done, total, percent })).catch(() => undefined);
      return pending;
    },
    flush: () => pending,
  };
}

/** Cleans (and optionally embeds) one queued document, then delivers the callback. */
export async function processDocument(job: DocumentJobContext, deps: DocumentDeps): Promise<DocumentResult> {
  const doc = parseDocumentJob(job.data);
  const now = deps.now ?? Date.now;
  if (doc.embed && !deps.embeddingEnabled) {
    throw new UnrecoverableError('embedding was requested but this worker runs with EMBEDDING_PROVIDER=none');
  }
  const allowlist = new CallbackAllowlist(deps.callback.allowlist);
  if (doc.callbackUrl) {
    if (!deps.callback.secret) {
      throw new UnrecoverableError('callbackUrl was given but the worker has no CALLBACK_SECRET to sign callbacks with');
    }
    try {
      await checkCallbackUrl(doc.callbackUrl, allowlist, deps.callback.resolve);
    } catch (err) {
      if (err instanceof CallbackRefusedError && err.reason !== 'unresolvable') throw new UnrecoverableError(err.message);
      await job.log(`callback URL check: ${(err as Error).message} (will retry at delivery)`);
    }
  }

  const progress = progressReporter(job, deps.progressIntervalMs ?? 250, now, doc.embed);
  const text = doc.text;
  const chunks = chunkText(text, deps.chunking);
  const corrector = chunks.length > 0 ? await deps.getCorrector() : undefined;
  // Load the embedder before cleaning, so a broken embedding setup fails before any CPU is spent.
  const embedder = doc.embed ? await deps.getEmbedder() : undefined;
  if (doc.embed && !embedder) throw new UnrecoverableError('embedding was requested but no embedding provider is configured');
  const totalChars = chunks.reduce((s, c) => s + c.text.length, 0);

  // 1. Clean
  const cleanStart = now();
  await progress.report('cleaning', 0, totalChars, true);
  const cleaned =
    !corrector
      ? []
      : await corrector.clean(
          chunks.map((c) => c.text),
          {
            threshold: doc.options?.threshold ?? deps.defaultThreshold,
            protectedTerms: doc.options?.protectedTerms,
            onProgress: (done, total) => void progress.report('cleaning', done, total),
          },
        );
  if (cleaned.length !== chunks.length) {
    throw new Error(`corrector returned ${cleaned.length} results for ${chunks.length} chunks`);
  }
  const cleanMs = now() - cleanStart;

  // Rebuild the document: whitespace between chunks is kept as it was.
  let out = '';
  let at = 0;
  const edits: Edit[] = [];
  const resultChunks: DocumentResult['chunks'] = [];
  chunks.forEach((c, index) => {
    out += text.slice(at, c.start);
    const r = cleaned[index]!;
    const start = out.length;
    out += r.text;
    resultChunks.push({ index, start, end: out.length, text: r.text });
    for (const e of r.edits) edits.push({ ...e, start: e.start + c.start, end: e.end + c.start });
    at = c.end;
  });
  out += text.slice(at);
  await progress.report('cleaning', totalChars, totalChars, true);

  // 2. Embed
  let embedding: DocumentResult['embedding'];
  const embedStart = now();
  if (embedder) {
    embedding = { ...embedder.info };
    const batch = Math.max(1, deps.embedBatchChunks ?? 32);
    for (let i = 0; i < resultChunks.length; i += batch) {
      await progress.report('embedding', i, resultChunks.length, i === 0);
      const part = resultChunks.slice(i, i + batch);
      const vectors = await embedder.embed(part.map((c) => c.text));
      if (vectors.length !== part.length) throw new Error(`embedder returned ${vectors.length} vectors for ${part.length} chunks`);
      vectors.forEach((v, k) => (part[k]!.embedding = v));
    }
    await progress.report('embedding', resultChunks.length, resultChunks.length, true);
  }
  const embedMs = embedder ? now() - embedStart : 0;

  const result: DocumentResult = {
    documentId: doc.documentId,
    text: out,
    edits,
    chunks: resultChunks,
    ...(embedding ? { embedding } : {}),
    ...(doc.metadata ? { metadata: doc.metadata } : {}),
    stats: { chars: text.length, edits: edits.length, cleanMs, embedMs },
  };

  // 3. Callback (at least once: if the worker dies after this, the job is retried and calls again).
  if (doc.callbackUrl && deps.callback.secret) {
    await progress.report('callback', 0, 1, true);
    try {
      const delivery = await postCallback(
        doc.callbackUrl,
        { event: 'document.completed', jobId: job.id, documentId: doc.documentId, batchId: doc.batchId, result },
        {
          secret: deps.callback.secret,
          allowlist,
          attempts: deps.callback.attempts,
          backoffMs: deps.callback.backoffMs,
          timeoutMs: deps.callback.timeoutMs,
          resolve: deps.callback.resolve,
          sleep: deps.callback.sleep,
          headers: { 'X-Unsmudge-Delivery': job.id, 'X-Unsmudge-Event': 'document.completed' },
          onAttemptFailed: (attempt, reason, next) =>
            void job.log(`callback attempt ${attempt} failed: ${reason}${next !== undefined ? `; retrying in ${next} ms` : ''}`),
        },
      );
      await job.log(`callback delivered (HTTP ${delivery.status}, ${delivery.attempts} attempt(s))`);
    } catch (err) {
      // The result is kept in Redis either way; a lost callback must not throw away the cleaning work.
      if (err instanceof CallbackDeliveryError || err instanceof CallbackRefusedError) {
        await job.log(`callback not delivered: ${err.message}`);
      } else {
        throw err;
      }
    }
  }
  await progress.report('done', 1, 1, true);
  await progress.flush();
  return result;
}
