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

  it('pages by the stored size of the details as well as by rows, so large batch entries come a few at a time', async () => {
    const repository = new AuditLogRepository(db);
    const [{ last }] = await db.query<{ last: string }>('SELECT max(id)::text AS last FROM audit_log');
    // Random hex does not compress: each entry's details are stored at ~60 kB.
    const large = [1, 2, 3].map((n) => ({ action: 'TEST_BATCH', targetType: 'THING', targetId: `large-${n}`, details: { blob: randomBytes(30_000).toString('hex') } }));
    await db.transaction((sql) => audit.append(sql, { type: 'SYSTEM', id: null, name: 'system' }, large));
    const ids = async (limit: number, maxDetailBytes: number) => (await repository.page(last, limit, maxDetailBytes)).map((row) => row.target_id);
    expect(await ids(5000, 10 * 1024 * 1024)).toEqual(['large-1', 'large-2', 'large-3']);
    expect(await ids(2, 10 * 1024 * 1024)).toEqual(['large-1', 'large-2']);
    // Past the bound after the second entry's details; the first row comes even when it alone is over the bound.
    expect(await ids(5000, 70_000)).toEqual(['large-1', 'large-2']);
    expect(await ids(5000, 1)).toEqual(['large-1']);
  });
});

describe('audit log under concurrent appends', () => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new Database(database.url, 6);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('gives each transaction one block of ids in chain order, and a rolled-back append leaves no overlap', async () => {
    const audit = new AuditService();
    const verifier = new AuditVerifier(new AuditLogRepository(db), { auditCheckpointKey: randomBytes(32) } as never, { audit: { checkpointFile: null } } as never);
    const actor = { type: 'DEPARTMENT' as const, id: '7', name: '市场监督管理局' };
    const entries = (writer: string, n: number) => Array.from({ length: n }, (_, i) => ({ action: 'TEST_WRITE', targetType: 'THING', targetId: `${writer}-${i}`, afterHash: 'cd'.repeat(32) }));
    const rolledBack = db.transaction(async (sql) => {
      await audit.append(sql, actor, entries('rolled-back', 40));
      throw new Error('the caller failed after appending');
    }, 1);
    await Promise.all([
      ...['a', 'b', 'c', 'd'].map((writer) => db.transaction((sql) => audit.append(sql, actor, entries(writer, 50)))),
      expect(rolledBack).rejects.toThrow('the caller failed'),
    ]);
    await db.transaction((sql) => audit.append(sql, actor, entries('after', 1)));

    const rows = await db.query<{ id: string; target_id: string }>('SELECT id::text AS id, target_id FROM audit_log ORDER BY audit_log.id');
    expect(rows).toHaveLength(201);
    // Each writer's rows sit together, in its own order, and no id repeats (the primary key would refuse it).
    for (const writer of ['a', 'b', 'c', 'd']) {
      const positions = rows.flatMap((row, i) => (new RegExp(`^${writer}-\\d+$`).test(row.target_id) ? [i] : []));
      expect(positions).toEqual(Array.from({ length: 50 }, (_, i) => positions[0] + i));
      expect(positions.map((i) => rows[i].target_id)).toEqual(entries(writer, 50).map((entry) => entry.targetId));
    }
    expect(await verifier.verify()).toMatchObject({ rowsChecked: 201, problems: [] });
  });
});
