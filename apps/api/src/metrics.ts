import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route' | 'status'>;
  correctedChars: Counter;
  edits: Counter;
  queueJobs: Gauge<'state'>;
  redisUp: Gauge;
  modelLoaded: Gauge;
}

export interface MetricProbes {
  modelLoaded: () => boolean;
  redisUp: () => boolean;
  /** Job counts by state, or undefined while Redis is down. */
  queueCounts: () => Promise<Record<string, number> | undefined>;
}

/** A registry per server (tests create many); gauges read their probe at scrape time. */
export function createMetrics(options: { defaultMetrics?: boolean; probes: MetricProbes }): ApiMetrics {
  const { probes } = options;
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry });
  const metrics = {} as ApiMetrics;
  metrics.registry = registry;
  metrics.requests = new Counter({
    name: 'unsmudge_api_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  metrics.duration = new Histogram({
    name: 'unsmudge_api_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  metrics.correctedChars = new Counter({
    name: 'unsmudge_api_corrected_chars_total',
    help: 'Characters passed through /v1/correct',
    registers: [registry],
  });
  metrics.edits = new Counter({ name: 'unsmudge_api_edits_total', help: 'Edits applied by /v1/correct', registers: [registry] });
  metrics.redisUp = new Gauge({
    name: 'unsmudge_api_redis_up',
    help: '1 when the queue connection is ready',
    registers: [registry],
    collect() {
      this.set(probes.redisUp() ? 1 : 0);
    },
  });
  metrics.modelLoaded = new Gauge({
    name: 'unsmudge_api_model_loaded',
    help: '1 when the corrector is loaded',
    registers: [registry],
    collect() {
      this.set(probes.modelLoaded() ? 1 : 0);
    },
  });
  metrics.queueJobs = new Gauge({
    name: 'unsmudge_queue_jobs',
    help: 'Jobs on the documents queue by state (read at scrape time; absent while Redis is down)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await probes.queueCounts();
      for (const [state, n] of Object.entries(counts ?? {})) this.set({ state }, n);
    },
  });
  return metrics;
}
