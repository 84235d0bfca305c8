// Someone with the database's owner or superuser rights (the only ones who can switch the append-only trigger
// off) edits the audit log. audit:verify must name what changed: the row whose content no longer matches its
// hash (every column is hashed now, the actor's name included) and, for rows cut off the tail or a chain
// rewritten consistently, the signed checkpoint that disagrees.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Test } from '@nestjs/testing';
import { Actor, AuditCheckpointWriter, AuditLogRepository, auditRowHash, AuditService, AuditVerifier, GENESIS_HASH } from '@credit/audit';
import { APP_CONFIG, JobRegistry, PLATFORM_SECRETS } from '@credit/common';
import { Database } from '@credit/db';
import { createTestDatabase, TestDatabase } from '@credit/testing';

const ROOT = path.resolve(__dirname, '../..');
const ACTOR: Actor = { type: 'USER', id: '1', name: 'admin' };

interface Fixture {
  database: TestDatabase;
  /** As the platform runs: the application role. */
  app: Database;
  /** The attacker: the superuser, who owns the tables in tests and can disable the trigger. */
  attacker: Database;
  verifier: AuditVerifier;
  writer: AuditCheckpointWriter;
  key: Buffer;
  file: string;
  close(): Promise<void>;
}

async function fixture(before?: (attacker: Database) => Promise<unknown>): Promise<Fixture> {
  const database = await createTestDatabase();
  const app = new Database(database.appUrl, 2);
  const attacker = new Database(database.url, 1);
  await before?.(attacker);
  const key = randomBytes(32);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'credit-audit-')), 'checkpoints.jsonl');
  const moduleRef = await Test.createTestingModule({
    providers: [
      AuditService, AuditVerifier, AuditLogRepository, AuditCheckpointWriter, JobRegistry, { provide: Database, useValue: app },
      { provide: PLATFORM_SECRETS, useValue: { auditCheckpointKey: key } },
      { provide: APP_CONFIG, useValue: { audit: { checkpointIntervalMinutes: 5, checkpointFile: file } } },
    ],
  }).compile();
  const audit = moduleRef.get(AuditService);
  for (let batch = 0; batch < 3; batch++) {
    await app.transaction((sql) => audit.append(sql, ACTOR, [1, 2, 3].map((n) => ({ action: 'TEST_WRITE', targetType: 'THING', targetId: `${batch}-${n}`, details: { batch, n } }))));
  }
  return {
    database, app, attacker, key, file,
    verifier: moduleRef.get(AuditVerifier),
    writer: moduleRef.get(AuditCheckpointWriter),
    close: async () => {
      await app.close();
      await attacker.close();
      await database.drop();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    },
  };
}

/** Runs SQL with the append-only triggers off, as only the owner or a superuser can. */
async function tamper(db: Database, ...statements: [string, unknown[]?][]): Promise<void> {
  await db.transaction(async (sql) => {
    await sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await sql.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER USER');
    for (const [text, params] of statements) await sql.query(text, params ?? []);
    await sql.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await sql.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER USER');
  });
}

const ids = async (f: Fixture) => (await f.app.query<{ id: string }>('SELECT id FROM audit_log ORDER BY id')).map((row) => row.id);

describe('audit:verify against a tampered audit log', () => {
  let f: Fixture;
  afterEach(() => f.close());

  it('names the row whose actor name was edited', async () => {
    f = await fixture();
    const rows = await ids(f);
    await tamper(f.attacker, [`UPDATE audit_log SET actor_name = '张三' WHERE id = $1`, [rows[4]]]);
    const result = await f.verifier.verify();
    expect(result.firstBadRow).toBe(rows[4]);
    expect(result.problems).toEqual([expect.objectContaining({ id: rows[4], problem: 'CONTENT_CHANGED' })]);
  });

  it('names the checkpoint that disagrees when the last rows are deleted (table and file), and the CLI says so', async () => {
    f = await fixture();
    const rows = await ids(f);
    const checkpoint = await f.writer.write();
    expect(checkpoint).toMatchObject({ lastId: rows[8], rowCount: '9' });
    expect(await f.writer.write()).toBeNull(); // nothing new since
    expect((await f.verifier.verify()).problems).toEqual([]);

    // The tail goes, and with it the checkpoints in the table: the chain that is left is perfectly consistent.
    await tamper(f.attacker, ['DELETE FROM audit_log WHERE id >= $1', [rows[7]]]);
    let result = await f.verifier.verify();
    expect(result.rowsChecked).toBe(7);
    expect(result.problems).toEqual([
      expect.objectContaining({ id: rows[8], problem: 'CHECKPOINT_MISMATCH', checkpoint: `table #${checkpoint!.id}` }),
      expect.objectContaining({ id: rows[8], problem: 'CHECKPOINT_MISMATCH', checkpoint: `${f.file}:1` }),
    ]);
    await tamper(f.attacker, ['DELETE FROM audit_checkpoints']);
    result = await f.verifier.verify();
    expect(result.problems).toEqual([expect.objectContaining({ id: rows[8], problem: 'CHECKPOINT_MISMATCH', checkpoint: `${f.file}:1` })]);
    expect(result.problems[0].detail).toContain('rows were deleted');

    const cli = await runCli(['audit:verify'], {
      DATABASE_URL: f.database.appUrl, MIGRATION_DATABASE_URL: f.database.url,
      AUDIT_CHECKPOINT_KEY: f.key.toString('base64'), AUDIT_CHECKPOINT_FILE: f.file,
    });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`first bad row: ${rows[8]}`);
    expect(cli.stdout).toContain(`CHECKPOINT_MISMATCH (checkpoint ${f.file}:1)`);
  });

  it('catches a chain rewritten consistently from the edited row on, through the checkpoint', async () => {
    f = await fixture();
    const rows = await ids(f);
    await f.writer.write();
    // The attacker knows the hash scheme (it is in the source) and re-hashes every row from the edit on.
    const all = await f.attacker.query<any>('SELECT * FROM audit_log ORDER BY id');
    let prev = GENESIS_HASH;
    const updates: [string, unknown[]][] = [];
    for (const row of all) {
      const actorName = row.id === rows[2] ? '另一个人' : row.actor_name;
      const hash = auditRowHash(row.hash_version, prev, {
        id: row.id, occurredAt: row.occurred_at.toISOString(), actorType: row.actor_type, actorId: row.actor_id, actorName, action: row.action,
        targetType: row.target_type, targetId: row.target_id, beforeHash: row.before_hash, afterHash: row.after_hash, details: row.details,
      });
      updates.push(['UPDATE audit_log SET actor_name = $2, prev_hash = $3, row_hash = $4 WHERE id = $1', [row.id, actorName, prev, hash]]);
      prev = hash;
    }
    await tamper(f.attacker, ...updates);
    const result = await f.verifier.verify();
    expect(result.problems).toEqual([expect.objectContaining({ id: rows[8], problem: 'CHECKPOINT_MISMATCH' }), expect.objectContaining({ id: rows[8], problem: 'CHECKPOINT_MISMATCH' })]);
  });

  it('reports a checkpoint not signed with the key as forged; the application role cannot change checkpoints', async () => {
    f = await fixture();
    const rows = await ids(f);
    await f.app.query(`INSERT INTO audit_checkpoints (created_at, last_id, row_count, head_hash, mac) VALUES (now(), $1, 7, $2, $3)`, [rows[6], 'ab'.repeat(32), 'cd'.repeat(32)]);
    await expect(f.app.query(`UPDATE audit_checkpoints SET row_count = 0`)).rejects.toMatchObject({ code: '42501' });
    await expect(f.app.query(`DELETE FROM audit_checkpoints`)).rejects.toMatchObject({ code: '42501' });
    await expect(f.app.query(`UPDATE audit_log SET actor_name = 'x'`)).rejects.toMatchObject({ code: '42501' });
    expect((await f.verifier.verify()).problems).toEqual([expect.objectContaining({ id: rows[6], problem: 'CHECKPOINT_FORGED', checkpoint: expect.stringMatching(/^table #/) })]);
  });

  it('still verifies rows hashed before every column was covered, but a newer row cannot be passed off as one', async () => {
    // A row written before the migration (scheme 1, as the earlier AuditService wrote it), then the fixture's rows.
    const occurredAt = '2026-11-30T08:00:00.000Z';
    const legacyHash = auditRowHash(1, GENESIS_HASH, { id: '', occurredAt, actorType: 'SYSTEM', actorId: null, actorName: 'system', action: 'OLD', targetType: 'THING', targetId: 'old', beforeHash: null, afterHash: null, details: null });
    f = await fixture((db) => db.query(
      `INSERT INTO audit_log (occurred_at, actor_type, actor_id, actor_name, action, target_type, target_id, prev_hash, row_hash, hash_version)
       VALUES ($1, 'SYSTEM', NULL, 'system', 'OLD', 'THING', 'old', $2, $3, 1)`,
      [occurredAt, GENESIS_HASH, legacyHash],
    ));
    const rows = await ids(f);
    expect(await f.verifier.verify()).toMatchObject({ rowsChecked: 10, legacyRows: 1, problems: [] });

    // Marking a newer row as scheme 1 would exempt its actor name: refused.
    await tamper(f.attacker, [`UPDATE audit_log SET hash_version = 1, actor_name = '张三' WHERE id = $1`, [rows[3]]]);
    expect((await f.verifier.verify()).problems).toEqual([expect.objectContaining({ id: rows[3], problem: 'CONTENT_CHANGED' })]);
  });
});

async function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'credit-cli-'));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', './tools/register.js', 'apps/cli/src/main.ts', ...args], {
      cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '' };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
