import { Injectable, Logger } from '@nestjs/common';
import { Gauge, Registry } from 'prom-client';
import { metricsRegistry } from './metrics';
import { errorMessage } from '../errors/error-message';

export interface ReadinessResult {
  ok: boolean;
  detail: string;
}

/**
 * What capabilities expose about their state: gauges read from the database at scrape time (outbox depth,
 * index lag) and readiness checks (`GET /ready`). Registered in onModuleInit by the capability that owns them.
 */
@Injectable()
export class Observability {
  /**
   * This app's scrape-time gauges, apart from the process-wide metricsRegistry: a process may host more than one
   * app (tests do), and each registers its own gauges by the same names.
   */
  private readonly gauges = new Registry();
  private readonly checks = new Map<string, () => Promise<ReadinessResult>>();
  private readonly logger = new Logger('Readiness');

  /** A gauge read at each scrape; a read that fails reports NaN for that scrape. Registering a name again replaces it. */
  registerGauge(name: string, help: string, read: () => Promise<number>): void {
    this.gauges.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      registers: [this.gauges],
      async collect(this: Gauge) {
        this.set(await read().catch(() => Number.NaN));
      },
    });
  }

  registerReadiness(name: string, check: () => Promise<ReadinessResult>): void {
    this.checks.set(name, check);
  }

  async metricsText(): Promise<string> {
    return [await metricsRegistry.metrics(), await this.gauges.metrics()].join('\n');
  }

  async readiness(): Promise<{ ready: boolean; checks: Record<string, ReadinessResult> }> {
    // All checks at once, each bounded: a database that hangs (not refuses) must still get an answer within 2 s.
    const results = await Promise.all(
      [...this.checks].map(async ([name, check]): Promise<[string, ReadinessResult]> => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_CHECK_TIMEOUT_MS} ms`)), READINESS_CHECK_TIMEOUT_MS);
        });
        try {
          return [name, await Promise.race([check(), timeout])];
        } catch (error) {
          // /ready is public: a thrown error's text (a driver message with host, role or table names) is logged
          // for the operator and the answer only says the check could not run.
          this.logger.warn(`readiness check ${name} failed: ${errorMessage(error)}`);
          return [name, { ok: false, detail: 'check failed' }];
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const checks = Object.fromEntries(results);
    return { ready: Object.values(checks).every((check) => check.ok), checks };
  }
}

/** Each readiness check's bound: /ready answers within 2 s even when the database hangs. */
export const READINESS_CHECK_TIMEOUT_MS = 1_500;

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;
