import type { RequestHandler } from 'express';

import type { Corrector } from '@unsmudge/model';

import type { ConcurrencyGate } from './concurrency.js';
import type { ApiConfig } from './config.js';
import type { DocumentService } from './document-service.js';
import type { JobQueue } from './job-queue.js';
import type { Logger } from './logger.js';
import type { ApiMetrics } from './metrics.js';

/** What route modules get from createServer. */
export interface RouteContext {
  config: ApiConfig;
  logger: Logger;
  metrics: ApiMetrics;
  /** The corrector, or undefined while it is still loading. */
  corrector: () => Corrector | undefined;
  queue: JobQueue;
  documents: DocumentService;
  gate: ConcurrencyGate;
  /** Authentication then rate limiting: put in front of every /v1 handler. */
  protect: RequestHandler[];
}
