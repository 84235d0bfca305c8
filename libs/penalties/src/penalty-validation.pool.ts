// Validation threads for pushed batches (INGEST_VALIDATION_THREADS). Validating and preparing 1,000 records takes
// ~25 ms of CPU (the content hashes, the domain rules); on the event loop that was a third of the API thread's
// work during a push, while every other request and every open transaction of this process waited behind it.
// A thread receives the drafts (a structured clone) and posts back the items' issues and prepared rows.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, PLATFORM_SECRETS, PlatformSecrets } from '@credit/common';
import { BatchValidation, BatchValidationInput, PreparationSecrets } from './penalty-batch.validation';
import type { ValidationRequest } from './penalty-validation.worker';

type Reply = { id: number; outcome: BatchValidation } | { id: number; fault: string };

interface Pending {
  resolve(outcome: BatchValidation): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

// Compiled, the worker is a .js file beside this one. Run from the TypeScript sources (npm start, the tests, the
// benchmarks), the thread first loads the same transpiler the process was started with (tools/register.js).
const WORKER_FILE = path.join(__dirname, `penalty-validation.worker${path.extname(__filename)}`);
const REGISTER_FILE = path.resolve(__dirname, '..', '..', '..', 'tools', 'register.js');
// A batch is at most 1,000 records in a 16 MB body; its clone, rows and hashes stay far below this.
const WORKER_HEAP_MB = 512;

@Injectable()
export class PenaltyValidationPool implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly threads: Thread[] = [];
  private readonly secrets: PreparationSecrets;
  private nextId = 1;
  private closed = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'ingestValidationThreads' | 'nodeEnv'>,
    @Inject(PLATFORM_SECRETS) secrets: PlatformSecrets,
  ) {
    this.secrets = { piiKeys: secrets.piiKeys, activePiiKeyId: secrets.activePiiKeyId, piiHashKey: secrets.piiHashKey };
  }

  /** Whether batches go to the threads (false: INGEST_VALIDATION_THREADS=0, or the pool was closed). */
  get enabled(): boolean {
    return this.config.ingestValidationThreads > 0 && !this.closed;
  }

  /** The batch validated and prepared on a thread: the one with the fewest batches in hand, started when first needed. */
  validate(input: BatchValidationInput): Promise<BatchValidation> {
    if (!this.enabled) return Promise.reject(new Error('the validation threads are closed'));
    const thread = this.threadWithLeastWork();
    const id = this.nextId++;
    return new Promise<BatchValidation>((resolve, reject) => {
      // Throws when a draft cannot be cloned (nothing the GraphQL layer or the file import produces): not pending then.
      thread.worker.postMessage({ id, ...input } satisfies ValidationRequest);
      thread.pending.set(id, { resolve, reject });
      // Held only while it has work: an idle thread never keeps a process (a CLI, a test) from exiting.
      thread.worker.ref();
    });
  }

  /**
   * A production server starts its threads with itself (~40 ms each, compiled), so its first batch does not wait for
   * one. Elsewhere a thread starts with the first batch that needs it: from the TypeScript sources it transpiles
   * what it loads (~0.25 s), which every test application would pay.
   */
  onApplicationBootstrap(): void {
    if (this.config.nodeEnv !== 'production') return;
    while (this.enabled && this.threads.length < this.config.ingestValidationThreads) this.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.splice(0).map((thread) => thread.worker.terminate()));
  }

  private threadWithLeastWork(): Thread {
    const idle = this.threads.find((thread) => thread.pending.size === 0);
    if (idle) return idle;
    if (this.threads.length < this.config.ingestValidationThreads) return this.start();
    return this.threads.reduce((least, thread) => (thread.pending.size < least.pending.size ? thread : least));
  }

  private start(): Thread {
    const workerData = { secrets: this.secrets };
    const options = { workerData, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
    const worker = WORKER_FILE.endsWith('.ts')
      ? new Worker(`require(${JSON.stringify(REGISTER_FILE)}); require(${JSON.stringify(WORKER_FILE)});`, { ...options, eval: true })
      : new Worker(WORKER_FILE, options);
    const thread: Thread = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const pending = thread.pending.get(reply.id);
      if (!pending) return;
      thread.pending.delete(reply.id);
      if (thread.pending.size === 0) worker.unref();
      if ('outcome' in reply) pending.resolve(reply.outcome);
      else pending.reject(new Error(`validating the batch failed: ${reply.fault}`));
    });
    // A thread that dies (its heap limit, a fault at start) fails the batches it held; the next batch starts another.
    const fail = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index >= 0) this.threads.splice(index, 1);
      for (const pending of thread.pending.values()) pending.reject(error);
      thread.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`a validation thread stopped (exit code ${code})`)));
    this.threads.push(thread);
    return thread;
  }
}
