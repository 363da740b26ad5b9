import { MAX_DOCUMENT_CHARS } from '@unsmudge/jobs';

import type { ApiConfig } from './config.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

/** Error responses every protected route may give. */
const common = {
  '401': errorResponse('Missing or unknown API key (code unauthorized)'),
  '429': errorResponse('Rate limit exceeded (code rate-limited); see the Retry-After header'),
};
const queueCommon = { ...common, '503': errorResponse('Redis is unreachable (code queue-unavailable); retry shortly') };
const bodyCommon = {
  '400': errorResponse('Invalid JSON (invalid-json), invalid UTF-8 (invalid-encoding) or a schema violation (validation-failed)'),
  '413': errorResponse('Body larger than the route accepts (payload-too-large)'),
  '415': errorResponse('Wrong Content-Type, charset or Content-Encoding (unsupported-media-type)'),
};
const idParam = (description: string) => [{ name: 'id', in: 'path', required: true, description, schema: { type: 'string' } }];

/** Hand-written OpenAPI 3.1 description of every route (a test checks none is missing). */
export function openApiDocument(config: Pick<ApiConfig, 'bodyLimits' | 'maxBatchDocuments' | 'correct' | 'authDisabled'>) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'unsmudge API',
      version: '0.1.0',
      description:
        'Repairs OCR errors and typos. /v1/correct answers synchronously; /v1/documents and /v1/batches queue documents ' +
        'for the worker (clean, optionally embed, optionally call back). Every error is `{ error: { code, message } }`.',
    },
    servers: [{ url: '/' }],
    security: config.authDisabled ? [] : [{ bearer: [] }],
    paths: {
      '/v1/correct': {
        post: {
          summary: 'Correct one text or several, synchronously',
          operationId: 'correct',
          requestBody: { required: true, content: json(ref('CorrectRequest')) },
          responses: {
            '200': {
              description: 'Cleaned text(s) with the edits applied and stats. `text` in → `text`/`edits` out; `texts` in → `results` out.',
              content: json(ref('CorrectResponse')),
            },
            ...bodyCommon,
            ...common,
            '503': errorResponse('Model still loading (model-unavailable) or too many corrections in flight (overloaded)'),
          },
        },
      },
      '/v1/documents': {
        post: {
          summary: 'Queue one document for cleaning (and embedding): the knowledge-base ingestion hook',
          description:
            'Idempotent: the job id derives from `id` (or from a hash of text, options and embed). Resubmitting identical content ' +
            'returns the existing job with 200 (a failed one is queued again); reusing an id with new content replaces a finished job and answers 409 while the old one is pending.',
          operationId: 'submitDocument',
          requestBody: { required: true, content: json(ref('DocumentRequest')) },
          responses: {
            '202': { description: 'Queued', content: json(ref('Submission')) },
            '200': { description: 'The same document was already queued or done; nothing new was queued', content: json(ref('Submission')) },
            '409': errorResponse('The id is queued with different content (conflict)'),
            ...bodyCommon,
            ...queueCommon,
          },
        },
      },
      '/v1/batches': {
        post: {
          summary: 'Queue many documents at once',
          description: `A JSON array of documents, \`{ "documents": [...] }\`, or NDJSON (one document per line). At most ${config.maxBatchDocuments} documents; all are validated before any is queued.`,
          operationId: 'submitBatch',
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { oneOf: [{ type: 'array', items: ref('DocumentRequest') }, { type: 'object', required: ['documents'], properties: { documents: { type: 'array', items: ref('DocumentRequest') } } }] } },
              'application/x-ndjson': { schema: { type: 'string', description: 'One DocumentRequest JSON object per line' } },
            },
          },
          responses: {
            '202': { description: 'Queued', content: json(ref('BatchSubmission')) },
            '409': errorResponse('A document id is queued with different content (conflict)'),
            ...bodyCommon,
            ...queueCommon,
          },
        },
      },
      '/v1/batches/{id}': {
        get: {
          summary: 'Counts and progress of a batch',
          operationId: 'getBatch',
          parameters: idParam('batchId from POST /v1/batches'),
          responses: { '200': { description: 'Batch status', content: json(ref('BatchStatus')) }, '404': errorResponse('Unknown or expired batch (not-found)'), ...queueCommon },
        },
      },
      '/v1/batches/{id}/results': {
        get: {
          summary: 'Results of a batch as NDJSON, one line per document in submission order',
          operationId: 'getBatchResults',
          parameters: idParam('batchId from POST /v1/batches'),
          responses: {
            '200': { description: 'One BatchResultLine per line', content: { 'application/x-ndjson': { schema: ref('BatchResultLine') } } },
            '404': errorResponse('Unknown or expired batch (not-found)'),
            ...queueCommon,
          },
        },
      },
      '/v1/jobs/{id}': {
        get: {
          summary: 'State, progress and result (or failure reason) of a document job',
          operationId: 'getJob',
          parameters: idParam('jobId from POST /v1/documents or /v1/batches'),
          responses: { '200': { description: 'The job', content: json(ref('Job')) }, '404': errorResponse('Unknown, expired or cancelled job (not-found)'), ...queueCommon },
        },
        delete: {
          summary: 'Cancel a job that is still waiting',
          operationId: 'cancelJob',
          parameters: idParam('jobId'),
          responses: {
            '200': { description: 'Cancelled', content: json({ type: 'object', properties: { jobId: { type: 'string' }, documentId: { type: 'string' }, state: { const: 'cancelled' } } }) },
            '404': errorResponse('Unknown job (not-found)'),
            '409': errorResponse('The job is active or already finished (conflict)'),
            ...queueCommon,
          },
        },
      },
      '/healthz': {
        get: { summary: 'Liveness: the process answers', operationId: 'healthz', security: [], responses: { '200': { description: 'Alive', content: json({ type: 'object', properties: { status: { const: 'ok' }, uptimeSeconds: { type: 'number' } } }) } } },
      },
      '/readyz': {
        get: {
          summary: 'Readiness: Redis answers PING and the model is loaded',
          operationId: 'readyz',
          security: [],
          responses: { '200': { description: 'Ready', content: json(ref('Readiness')) }, '503': { description: 'Not ready; checks say why', content: json(ref('Readiness')) } },
        },
      },
      '/metrics': {
        get: { summary: 'Prometheus metrics (requests, latency, queue depth)', operationId: 'metrics', security: [], responses: { '200': { description: 'Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } } } },
      },
      '/openapi.json': {
        get: { summary: 'This document', operationId: 'openapi', security: [], responses: { '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) } } },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API key from API_KEYS' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  type: 'string',
                  enum: ['bad-request', 'method-not-allowed', 'invalid-json', 'invalid-encoding', 'validation-failed', 'unauthorized', 'not-found', 'conflict', 'payload-too-large', 'unsupported-media-type', 'rate-limited', 'queue-unavailable', 'model-unavailable', 'overloaded', 'internal'],
                },
                message: { type: 'string' },
                details: { description: 'For validation-failed: [{ path, message }]' },
                requestId: { type: 'string' },
              },
            },
          },
        },
        CleanOptions: {
          type: 'object',
          additionalProperties: false,
          properties: {
            threshold: { type: 'number', minimum: 0, maximum: 1, description: 'Edits below this confidence are not applied' },
            protectedTerms: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, maxItems: 1000, description: 'Passed through untouched' },
          },
        },
        Text: { type: 'string', description: 'No C0 control characters other than tab, LF, VT, FF, CR; no unpaired surrogates' },
        CorrectRequest: {
          type: 'object',
          additionalProperties: false,
          description: `Exactly one of text / texts. At most ${config.correct.maxTexts} texts and ${config.correct.maxChars} characters in all; body at most ${config.bodyLimits.correct} bytes.`,
          properties: { text: ref('Text'), texts: { type: 'array', minItems: 1, items: ref('Text') }, options: ref('CleanOptions') },
        },
        Edit: {
          type: 'object',
          properties: {
            start: { type: 'integer', description: 'Offset into the input text (UTF-16 code units)' },
            end: { type: 'integer', description: 'Exclusive' },
            original: { type: 'string' },
            replacement: { type: 'string' },
            confidence: { type: 'number', minimum: 0, maximum: 1 },
          },
        },
        CleanResult: { type: 'object', properties: { text: { type: 'string' }, edits: { type: 'array', items: ref('Edit') } } },
        CorrectResponse: {
          type: 'object',
          properties: {
            text: { type: 'string' },
            edits: { type: 'array', items: ref('Edit') },
            results: { type: 'array', items: ref('CleanResult') },
            stats: { type: 'object', properties: { texts: { type: 'integer' }, chars: { type: 'integer' }, edits: { type: 'integer' }, ms: { type: 'number' } } },
            model: { type: 'object', properties: { checkpoint: { type: 'string' }, backend: { type: 'string' } } },
          },
        },
        DocumentRequest: {
          type: 'object',
          additionalProperties: false,
          required: ['text'],
          properties: {
            id: { type: 'string', minLength: 1, maxLength: 512, description: 'Your document id (idempotency key); default: sha256 of text+options+embed' },
            text: { allOf: [ref('Text')], minLength: 1, maxLength: MAX_DOCUMENT_CHARS },
            metadata: { type: 'object', description: 'Returned with the result; at most 64 KiB as JSON' },
            embed: { type: 'boolean', default: false },
            callbackUrl: { type: 'string', format: 'uri', description: 'http(s) URL that receives the result (checked again by the worker)' },
            options: ref('CleanOptions'),
          },
        },
        Submission: {
          type: 'object',
          properties: {
            jobId: { type: 'string' },
            documentId: { type: 'string' },
            state: { type: 'string' },
            created: { type: 'boolean' },
            statusUrl: { type: 'string' },
          },
        },
        BatchSubmission: {
          type: 'object',
          properties: {
            batchId: { type: 'string' },
            count: { type: 'integer' },
            created: { type: 'integer' },
            existing: { type: 'integer' },
            statusUrl: { type: 'string' },
            resultsUrl: { type: 'string' },
            documents: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, jobId: { type: 'string' } } } },
          },
        },
        BatchStatus: {
          type: 'object',
          properties: {
            batchId: { type: 'string' },
            count: { type: 'integer' },
            createdAt: { type: 'string', format: 'date-time' },
            counts: {
              type: 'object',
              properties: { waiting: { type: 'integer' }, active: { type: 'integer' }, completed: { type: 'integer' }, failed: { type: 'integer' }, missing: { type: 'integer', description: 'Cancelled or expired' } },
            },
            progress: { type: 'number', minimum: 0, maximum: 1 },
            done: { type: 'boolean' },
            resultsUrl: { type: 'string' },
          },
        },
        BatchResultLine: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            jobId: { type: 'string' },
            state: { type: 'string', enum: ['waiting', 'delayed', 'active', 'completed', 'failed', 'missing'] },
            result: ref('DocumentResult'),
            error: { type: 'object', properties: { reason: { type: 'string' } } },
          },
        },
        DocumentResult: {
          type: 'object',
          description: 'What the worker returns (DocumentResultSchema in @unsmudge/jobs)',
          properties: {
            documentId: { type: 'string' },
            text: { type: 'string' },
            edits: { type: 'array', items: ref('Edit') },
            chunks: {
              type: 'array',
              items: { type: 'object', properties: { index: { type: 'integer' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, embedding: { type: 'array', items: { type: 'number' } } } },
            },
            embedding: { type: 'object', properties: { provider: { type: 'string' }, model: { type: 'string' }, dimensions: { type: 'integer' } } },
            metadata: { type: 'object' },
            stats: { type: 'object', properties: { chars: { type: 'integer' }, edits: { type: 'integer' }, cleanMs: { type: 'number' }, embedMs: { type: 'number' } } },
          },
        },
        Job: {
          type: 'object',
          properties: {
            jobId: { type: 'string' },
            documentId: { type: 'string' },
            batchId: { type: 'string' },
            state: { type: 'string', enum: ['waiting', 'delayed', 'active', 'completed', 'failed'] },
            progress: {
              description: 'As reported by the worker: { phase: "clean" | "embed" | …, done, total, percent (0–100) }; 100 when completed',
              oneOf: [
                { type: 'number', minimum: 0, maximum: 100 },
                {
                  type: 'object',
                  properties: { phase: { type: 'string' }, done: { type: 'number' }, total: { type: 'number' }, percent: { type: 'number', minimum: 0, maximum: 100 } },
                },
              ],
            },
            attempts: { type: 'object', properties: { made: { type: 'integer' }, max: { type: 'integer' } } },
            createdAt: { type: 'string', format: 'date-time' },
            startedAt: { type: 'string', format: 'date-time' },
            finishedAt: { type: 'string', format: 'date-time' },
            chars: { type: 'integer' },
            embed: { type: 'boolean' },
            metadata: { type: 'object' },
            result: ref('DocumentResult'),
            error: { type: 'object', properties: { reason: { type: 'string' } } },
          },
        },
        Readiness: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['ready', 'not-ready'] },
            checks: { type: 'object', properties: { redis: { type: 'object' }, model: { type: 'object' } } },
          },
        },
      },
    },
  };
}
