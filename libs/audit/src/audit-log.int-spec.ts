import { randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, PLATFORM_SECRETS } from '@credit/common';
import { Database } from '@credit/db';
import { createTestDatabase, TestDatabase } from '@credit/testing';
import { AuditLogRepository } from './audit-log.repository';
import { AuditVerifier } from './audit-verifier.service';
import { AuditService } from './audit.service';

describe('audit log (append-only, hash-chained)', () => {
  let database: TestDatabase;
  let db: Database;
  let audit: AuditService;
  let verifier: AuditVerifier;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Database(database.url, 3);
    const moduleRef = await Test.createTestingModule({
      providers: [
        AuditService, AuditVerifier, AuditLogRepository, { provide: Database, useValue: db },
        { provide: PLATFORM_SECRETS, useValue: { auditCheckpointKey: randomBytes(32) } },
        { provide: APP_CONFIG, useValue: { audit: { checkpointIntervalMinutes: 5, checkpointFile: null } } },
      ],
    }).compile();
    audit = moduleRef.get(AuditService);
    verifier = moduleRef.get(AuditVerifier);
    const actor = { type: 'USER' as const, id: '1', name: 'admin' };
    for (let batch = 0; batch < 3; batch++) {
      await db.transaction((sql) => audit.append(sql, actor, [1, 2, 3].map((n) => ({ action: 'TEST_WRITE', targetType: 'THING', targetId: `${batch}-${n}`, afterHash: 'ab'.repeat(32), details: { batch, n, nested: { z: 1, a: [2, 3] } } }))));
    }
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('verifies an untouched log', async () => {
    expect(await verifier.verify()).toEqual({ rowsChecked: 9, legacyRows: 0, checkpointsChecked: 0, firstBadRow: null, problems: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE even to the superuser while the trigger is on', async () => {
    await expect(db.query(`UPDATE audit_log SET action = 'X' WHERE id = 1`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('names a changed row and the row after a deleted one, even when someone bypasses the trigger', async () => {
    const [{ id: changed }] = await db.query<{ id: string }>(`SELECT id FROM audit_log ORDER BY id OFFSET 2 LIMIT 1`);
    const [{ id: deleted }] = await db.query<{ id: string }>(`SELECT id FROM audit_log ORDER BY id OFFSET 5 LIMIT 1`);
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await db.query(`UPDATE audit_log SET target_id = 'forged' WHERE id = $1`, [changed]);
    await db.query('DELETE FROM audit_log WHERE id = $1', [deleted]);
    await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    const result = await verifier.verify();
    expect(result.rowsChecked).toBe(8);
    expect(result.problems).toEqual([
      expect.objectContaining({ id: changed, problem: 'CONTENT_CHANGED' }),
      expect.objectContaining({ id: String(BigInt(deleted) + 1n), problem: 'CHAIN_BROKEN' }),
    ]);
  });
});
