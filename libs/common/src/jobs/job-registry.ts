// Background work (outbox delivery, expiry sweeps, tier decay) is declared by each capability as a job and run
// by whichever process hosts the runner: the worker app in production, the API itself with `npm start`.
import { Injectable, Logger, OnApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { BackoffPolicy, backoffDelay } from '../retry/backoff';
import { errorMessage } from '../errors/error-message';

export interface PeriodicJob {
  /** Stable name for logs and metrics, e.g. `disclosure.outbox`. */
  name: string;
  /** Pause between two runs that found nothing to do. */
  intervalMs: number;
  /**
   * Does one unit of work. Returns true when it did something and more may be waiting (the runner then runs
   * it again at once), false when idle. A throw is retried with exponential backoff.
   */
  run(): Promise<boolean>;
}

@Injectable()
export class JobRegistry {
  private readonly jobs: PeriodicJob[] = [];

  register(job: PeriodicJob): void {
    this.jobs.push(job);
  }

  list(): readonly PeriodicJob[] {
    return this.jobs;
  }
}

export const RUN_JOBS = Symbol('RUN_JOBS');

const MAX_BACKOFF_MS = 60_000;

/**
 * After a failed run a job waits twice its interval, then four times … at most 60 s, and at most 1024 intervals
 * (for jobs that run more often than every 60 ms).
 */
export function jobBackoffPolicy(intervalMs: number): BackoffPolicy {
  return { baseMs: intervalMs * 2, maxMs: Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** 10) };
}

/** Runs every registered job in its own loop; stops cleanly on shutdown. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly registry: JobRegistry) {}

  onApplicationBootstrap(): void {
    for (const job of this.registry.list()) this.schedule(job, 0, 0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.allSettled([...this.running]);
  }

  private schedule(job: PeriodicJob, delayMs: number, failures: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = this.runOnce(job, failures);
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
  }

  private async runOnce(job: PeriodicJob, failures: number): Promise<void> {
    try {
      const busy = await job.run();
      this.schedule(job, busy ? 0 : job.intervalMs, 0);
    } catch (error) {
      const backoff = backoffDelay(failures + 1, jobBackoffPolicy(job.intervalMs));
      this.logger.warn(`job ${job.name} failed (attempt ${failures + 1}), retrying in ${backoff} ms: ${errorMessage(error)}`);
      this.schedule(job, backoff, failures + 1);
    }
  }
}
