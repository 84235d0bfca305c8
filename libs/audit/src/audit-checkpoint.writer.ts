// Writes a signed checkpoint of the chain head every AUDIT_CHECKPOINT_INTERVAL_MINUTES (when the head moved)
// and when the process that runs the jobs shuts down, to audit_checkpoints (INSERT-only for the application)
// and, when AUDIT_CHECKPOINT_FILE is set, to that file as well (out of reach of anyone who only has the database).
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, errorMessage, JobRegistry, PeriodicJob, PLATFORM_SECRETS, PlatformSecrets } from '@credit/common';
import { appendCheckpointFile, checkpointMac, checkpointSignatureValid, SignedCheckpoint } from './audit-checkpoint';
import { AuditLogRepository } from './audit-log.repository';

@Injectable()
export class AuditCheckpointWriter implements PeriodicJob, OnModuleInit, BeforeApplicationShutdown {
  readonly name = 'audit.checkpoint';
  readonly intervalMs: number;
  /** The job runner starts every job at boot: a process where this ran is the one that checkpoints at shutdown. */
  private runsAsJob = false;
  private readonly logger = new Logger('AuditCheckpoint');

  constructor(
    private readonly repository: AuditLogRepository,
    private readonly registry: JobRegistry,
    @Inject(PLATFORM_SECRETS) private readonly secrets: PlatformSecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.intervalMs = config.audit.checkpointIntervalMinutes * 60_000;
  }

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(): Promise<boolean> {
    this.runsAsJob = true;
    await this.write();
    return false;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.runsAsJob) return;
    await this.write().catch((error) => this.logger.warn(`no audit checkpoint at shutdown: ${errorMessage(error)}`));
  }

  /** Signs and stores the current head; null when the log is empty or the head is the last checkpoint's. */
  async write(): Promise<(SignedCheckpoint & { id: string }) | null> {
    const key = this.secrets.auditCheckpointKey;
    const last = await this.repository.lastCheckpoint();
    // Counting on from the last checkpoint keeps this cheap on a long log, but only from one this key signed.
    const base = last && checkpointSignatureValid(key, { createdAt: last.created_at.toISOString(), lastId: last.last_id, rowCount: last.row_count, headHash: last.head_hash, mac: last.mac }) ? last : null;
    const head = await this.repository.head(base?.last_id ?? '0');
    if (head === null || (base && base.last_id === head.lastId && base.head_hash === head.headHash)) return null;
    const statement = { createdAt: new Date().toISOString(), lastId: head.lastId, rowCount: String(BigInt(base?.row_count ?? '0') + BigInt(head.added)), headHash: head.headHash };
    const checkpoint = { ...statement, mac: checkpointMac(key, statement) };
    const id = await this.repository.insertCheckpoint(checkpoint);
    if (this.config.audit.checkpointFile) await appendCheckpointFile(this.config.audit.checkpointFile, { id, ...checkpoint });
    return { id, ...checkpoint };
  }
}
