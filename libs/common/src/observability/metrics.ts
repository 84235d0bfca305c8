// Prometheus metrics. Counters are process-wide (one registry per process, as Prometheus scrapes processes);
// gauges that need the database are read at scrape time through Observability.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'credit_' });

export const graphqlRequests = new Counter({
  name: 'credit_graphql_requests_total',
  help: 'GraphQL operations by operation name and result code (OK or the error code)',
  labelNames: ['operation', 'code'] as const,
  registers: [metricsRegistry],
});

export const graphqlDuration = new Histogram({
  name: 'credit_graphql_request_duration_seconds',
  help: 'GraphQL operation duration by operation name',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/**
 * Requests the API's fast path took (apps/api/src/fast-path: anonymous searchDisclosures, departments'
 * submitPenaltyRecords), by root field: `served` answered by it; `replayed` executed by it, then answered by Apollo
 * from the same resolver outcome because the result had errors; `passed` handed to Apollo before anything ran
 * (variables or cost refused: Apollo says why).
 */
export const graphqlFastPath = new Counter({
  name: 'credit_graphql_fast_path_total',
  help: 'GraphQL requests of a precompiled document, by root field and outcome (served, replayed, passed)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export type FastPathOutcome = 'served' | 'replayed' | 'passed';

/** graphqlFastPath's counts so far for one root field, by outcome (for the tests and bench/ingest). */
export async function fastPathCounts(operation: string): Promise<Record<FastPathOutcome, number>> {
  const { values } = await graphqlFastPath.get();
  const of = (outcome: FastPathOutcome) => values.find((v) => v.labels.operation === operation && v.labels.outcome === outcome)?.value ?? 0;
  return { served: of('served'), replayed: of('replayed'), passed: of('passed') };
}

export const ingestRows = new Counter({
  name: 'credit_ingest_rows_total',
  help: 'Penalty records received by submitPenaltyRecords, by result status',
  labelNames: ['status'] as const,
  registers: [metricsRegistry],
});

/**
 * Pushed batches validated and prepared (dry runs too), by where: `thread` on a validation thread
 * (INGEST_VALIDATION_THREADS), `event_loop` on the API's own thread (a small batch, or no threads configured),
 * `thread_lost` on the event loop after the thread that had it stopped or hung.
 */
export const ingestValidationBatches = new Counter({
  name: 'credit_ingest_validation_batches_total',
  help: 'Pushed batches validated, by where: on a validation thread (thread), on the event loop (event_loop), on the event loop after a thread was lost (thread_lost)',
  labelNames: ['where'] as const,
  registers: [metricsRegistry],
});

export const tierRecomputations = new Counter({
  name: 'credit_tier_recomputations_total',
  help: 'Subjects whose credit tier was recomputed, by cause',
  labelNames: ['cause'] as const,
  registers: [metricsRegistry],
});
