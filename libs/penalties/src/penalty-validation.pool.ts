// Validation threads for pushed batches (INGEST_VALIDATION_THREADS). Validating and preparing 1,000 records takes
// ~17 ms of CPU (the domain rules, the content hashes, the encryption of ID numbers); on the event loop that was a
// third of the API thread's work during a push, while every other request and every open transaction of this
// process waited behind it. A thread receives the drafts (a structured clone) and posts back the items' issues, a key
// of each valid item's row and the rows' COPY data (penalty-columns.ts).
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PLATFORM_SECRETS, PlatformSecrets } from '@credit/common';
import { BatchValidation, BatchValidationInput, PreparationSecrets } from './penalty-batch.validation';
import type { ValidationRequest } from './penalty-validation.worker';

type Reply = { id: number; outcome: BatchValidation } | { id: number; fault: string };

/** No thread could take the batch (none could start, one stopped or hung): the caller validates it itself. */
export class ValidationThreadUnavailable extends Error {}

interface Pending {
  resolve(outcome: BatchValidation): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  replied: boolean;
}

// Compiled, the worker is a .js file beside this one. Run from the TypeScript sources (npm start, the tests, the
// benchmarks), the thread first loads the same transpiler the process was started with (tools/register.js).
const WORKER_FILE = path.join(__dirname, `penalty-validation.worker${path.extname(__filename)}`);
const REGISTER_FILE = path.resolve(__dirname, '..', '..', '..', 'tools', 'register.js');
// A batch is at most 1,000 records in a 16 MB body; its clone, rows and hashes stay far below this.
const WORKER_HEAP_MB = 512;
/** A thread that has not answered a batch in this long is taken for hung (a batch takes ~20 ms). */
const BATCH_TIMEOUT_MS = 30_000;
/** Threads that stop before ever answering, one after another: the path is broken, batches stay on the event loop. */
const MAX_FAILED_STARTS = 3;
const CLOSE_WAIT_MS = 5_000;

/**
 * The keys preparing a row needs, each in memory of its own: a key read from base64 is a slice of Node's shared 8 KB
 * pool, and handing the slice to a thread would copy the whole pool, other secrets with it. Only the active
 * personal-data key: a thread encrypts, it never decrypts.
 */
export function threadSecrets(secrets: PreparationSecrets): PreparationSecrets {
  const own = (key: Buffer) => {
    const copy = Buffer.alloc(key.length); // never from the pool, unlike Buffer.from
    key.copy(copy);
    return copy;
  };
  return { piiKeys: { [secrets.activePiiKeyId]: own(secrets.piiKeys[secrets.activePiiKeyId]) }, activePiiKeyId: secrets.activePiiKeyId, piiHashKey: own(secrets.piiHashKey) };
}

@Injectable()
export class PenaltyValidationPool implements OnModuleDestroy {
  private readonly logger = new Logger('PenaltyValidation');
  private readonly threads: Thread[] = [];
  private readonly secrets: PreparationSecrets;
  private nextId = 1;
  private failedStarts = 0;
  private closed = false;
  /** Set while a close waits for the batches in hand: called when the last of them settles. */
  private whenIdle: (() => void) | null = null;
  /** How long a thread may take to answer a batch before it is taken for hung (a subclass in the spec shortens it). */
  protected readonly batchTimeoutMs: number = BATCH_TIMEOUT_MS;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'ingestValidationThreads'>,
    @Inject(PLATFORM_SECRETS) secrets: PlatformSecrets,
  ) {
    this.secrets = threadSecrets(secrets);
  }

  /** Whether batches go to the threads (false: INGEST_VALIDATION_THREADS=0, closed, or threads that cannot start). */
  get enabled(): boolean {
    return this.config.ingestValidationThreads > 0 && !this.closed && this.failedStarts < MAX_FAILED_STARTS;
  }

  /**
   * Starts every thread now rather than with the batches that need them (the API does, in production: ~40 ms each,
   * compiled, which its first push would otherwise wait for). Other processes start them only when a batch needs one.
   */
  startThreads(): void {
    while (this.enabled && this.threads.length < this.config.ingestValidationThreads) this.start();
  }

  /**
   * The batch validated and prepared on the thread with the fewest batches in hand. Rejects with
   * ValidationThreadUnavailable when no thread could take it, with a plain Error when the validation itself failed.
   */
  validate(input: BatchValidationInput): Promise<BatchValidation> {
    if (!this.enabled) return Promise.reject(new ValidationThreadUnavailable(this.unavailable()));
    const thread = this.threadWithLeastWork();
    const id = this.nextId++;
    return new Promise<BatchValidation>((resolve, reject) => {
      try {
        thread.worker.postMessage({ id, ...input } satisfies ValidationRequest);
      } catch (error) {
        // A draft that cannot be cloned (nothing the GraphQL layer or the file import produces): never pending.
        reject(new ValidationThreadUnavailable(`the batch could not be handed to a thread: ${(error as Error).message}`));
        return;
      }
      const timer = setTimeout(() => this.stop(thread, `it did not answer a batch in ${this.batchTimeoutMs / 1000} s`), this.batchTimeoutMs).unref();
      thread.pending.set(id, { resolve, reject, timer });
      // Held only while it has work: an idle thread never keeps a process (a CLI, a test) from exiting.
      thread.worker.ref();
    });
  }

  /** Lets the batches in hand finish (a few seconds at most), then ends the threads. */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    if (this.batchesInHand() > 0) {
      await new Promise<void>((resolve) => {
        const deadline = setTimeout(resolve, CLOSE_WAIT_MS);
        this.whenIdle = () => {
          clearTimeout(deadline);
          resolve();
        };
      });
    }
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private batchesInHand(): number {
    return this.threads.reduce((sum, thread) => sum + thread.pending.size, 0);
  }

  /** After a batch settled or a thread was lost: a close waiting for the batches in hand goes on once there are none. */
  private settledOne(): void {
    if (this.whenIdle && this.batchesInHand() === 0) {
      this.whenIdle();
      this.whenIdle = null;
    }
  }

  private unavailable(): string {
    if (this.closed) return 'the validation threads are closed';
    if (this.config.ingestValidationThreads <= 0) return 'no validation threads are configured (INGEST_VALIDATION_THREADS=0)';
    return `the validation threads were disabled after ${MAX_FAILED_STARTS} stopped before answering`;
  }

  private threadWithLeastWork(): Thread {
    const idle = this.threads.find((thread) => thread.pending.size === 0);
    if (idle) return idle;
    if (this.threads.length < this.config.ingestValidationThreads) return this.start();
    return this.threads.reduce((least, thread) => (thread.pending.size < least.pending.size ? thread : least));
  }

  private start(): Thread {
    const typescript = WORKER_FILE.endsWith('.ts');
    // Not this process's environment (database URLs, JWT and admin secrets): only what loading TypeScript needs.
    const env = typescript && process.env.SWC_NODE_PROJECT ? { SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT } : {};
    const options = { workerData: { secrets: this.secrets }, env, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
    const worker = typescript
      ? new Worker(`require(${JSON.stringify(REGISTER_FILE)}); require(${JSON.stringify(WORKER_FILE)});`, { ...options, eval: true })
      : new Worker(WORKER_FILE, options);
    const thread: Thread = { worker, pending: new Map(), replied: false };
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(thread, reply));
    worker.on('messageerror', (error) => this.stop(thread, `a reply could not be read (${error.message})`));
    worker.on('error', (error) => this.lost(thread, error.message));
    worker.on('exit', (code) => this.lost(thread, `it stopped (exit code ${code})`));
    this.threads.push(thread);
    return thread;
  }

  private settle(thread: Thread, reply: Reply): void {
    const pending = thread.pending.get(reply.id);
    if (!pending) return;
    thread.replied = true;
    this.failedStarts = 0;
    clearTimeout(pending.timer);
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) thread.worker.unref();
    if ('outcome' in reply) pending.resolve(reply.outcome);
    else pending.reject(new Error(`validating the batch failed: ${reply.fault}`));
    this.settledOne();
  }

  private stop(thread: Thread, reason: string): void {
    this.lost(thread, reason);
    void thread.worker.terminate();
  }

  /** A thread gone (stopped, failed, hung): its batches are failed, for their callers to validate themselves. */
  private lost(thread: Thread, reason: string): void {
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    for (const pending of thread.pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new ValidationThreadUnavailable(`a validation thread was lost: ${reason}`));
    }
    thread.pending.clear();
    this.settledOne();
    if (this.closed) return;
    if (!thread.replied) this.failedStarts++;
    if (this.failedStarts >= MAX_FAILED_STARTS) this.logger.error(`validation threads disabled after ${MAX_FAILED_STARTS} that stopped before answering (the last: ${reason}); batches are validated on the event loop`);
    else this.logger.warn(`a validation thread was lost (${reason}); the next batch that needs one starts another`);
  }
}
