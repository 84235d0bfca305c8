// subject_tiers and subject_tier_history name their subject without a foreign key: statement-level triggers check
// and lock the subjects of each insert as one set (Migration20261205020000). These tests hold them to what the
// foreign keys guaranteed: no row for a missing subject, no orphan after a concurrent delete, cascades kept.
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '@credit/testing';

const TIER_COLUMNS = `(subject_id, level, score, rule_version, reasons, computed_at, changed_at, subject_type)`;
const tierRow = (id: number | string) => `(${id}, 'C', 60, 'v2', '[]', now(), now(), 'LEGAL_PERSON')`;
const HISTORY_COLUMNS = `(subject_id, level, score, rule_version, cause, valid_from)`;
const historyRow = (id: number | string) => `(${id}, 'C', 60, 'v2', 'RECOMPUTE_ALL', now())`;

describe('tier rows and their credit subjects (set-based checks in place of foreign keys)', () => {
  let database: TestDatabase;
  let sql: Client;
  let other: Client;
  let next = 0;

  const newSubject = async (): Promise<string> => {
    next += 1;
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO credit_subjects (subject_key, name, subject_type) VALUES ($1, $2, 'LEGAL_PERSON') RETURNING id`,
      [`TEST-${next}`, `测试主体${next}`],
    );
    return rows[0].id;
  };
  const count = async (table: string, id: string) =>
    Number((await sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE subject_id = $1`, [id])).rows[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    sql = new Client({ connectionString: database.url });
    other = new Client({ connectionString: database.url });
    await sql.connect();
    await other.connect();
  });
  afterAll(async () => {
    await sql.end();
    await other.end();
    await database.drop();
  });

  it('refuses a tier row or a history row for a subject that does not exist (23503), and writes none of the statement', async () => {
    const existing = await newSubject();
    const missing = String(Number(existing) + 1000);
    await expect(sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${tierRow(existing)}, ${tierRow(missing)}`)).rejects.toMatchObject({
      code: '23503',
      detail: `Key (subject_id)=(${missing}) is not present in table "credit_subjects".`,
    });
    await expect(sql.query(`INSERT INTO subject_tier_history ${HISTORY_COLUMNS} VALUES ${historyRow(existing)}, ${historyRow(missing)}`)).rejects.toMatchObject({ code: '23503' });
    expect(await count('subject_tiers', existing)).toBe(0);
    expect(await count('subject_tier_history', existing)).toBe(0);

    await sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${tierRow(existing)}`);
    await sql.query(`INSERT INTO subject_tier_history ${HISTORY_COLUMNS} VALUES ${historyRow(existing)}, ${historyRow(existing)}`);
    expect([await count('subject_tiers', existing), await count('subject_tier_history', existing)]).toEqual([1, 2]);
  });

  it('refuses moving a tier row to a subject that does not exist', async () => {
    const id = await newSubject();
    await sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${tierRow(id)}`);
    await expect(sql.query(`UPDATE subject_tiers SET subject_id = subject_id + 100000 WHERE subject_id = $1`, [id])).rejects.toMatchObject({ code: '23503' });
    await sql.query(`UPDATE subject_tiers SET score = 55 WHERE subject_id = $1`, [id]);
    expect(await count('subject_tiers', id)).toBe(1);
  });

  it('deletes a subject\'s tier and history rows with it, and carries a changed subject id over', async () => {
    const gone = await newSubject();
    const moved = await newSubject();
    for (const id of [gone, moved]) {
      await sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${tierRow(id)}`);
      await sql.query(`INSERT INTO subject_tier_history ${HISTORY_COLUMNS} VALUES ${historyRow(id)}`);
    }
    await sql.query('DELETE FROM credit_subjects WHERE id = $1', [gone]);
    expect([await count('subject_tiers', gone), await count('subject_tier_history', gone)]).toEqual([0, 0]);

    const newId = String(Number(moved) + 5000);
    await sql.query('UPDATE credit_subjects SET id = $2 WHERE id = $1', [moved, newId]);
    expect([await count('subject_tiers', moved), await count('subject_tier_history', moved)]).toEqual([0, 0]);
    expect([await count('subject_tiers', newId), await count('subject_tier_history', newId)]).toEqual([1, 1]);
  });

  it('refuses deleting or renumbering a subject outside READ COMMITTED, where the cascade could miss a row committed meanwhile', async () => {
    const id = await newSubject();
    await sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${tierRow(id)}`);
    for (const statement of ['DELETE FROM credit_subjects WHERE id = $1', 'UPDATE credit_subjects SET id = id + 7000 WHERE id = $1']) {
      await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await expect(other.query(statement, [id])).rejects.toMatchObject({ code: '0A000' });
      await other.query('ROLLBACK');
    }
    expect(await count('subject_tiers', id)).toBe(1);
  });

  it('holds the subject until the inserting transaction ends: a concurrent delete waits, then takes the new rows with it', async () => {
    const id = await newSubject();
    await sql.query('BEGIN');
    await sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${tierRow(id)}`);
    await sql.query(`INSERT INTO subject_tier_history ${HISTORY_COLUMNS} VALUES ${historyRow(id)}`);
    // While the insert is open, a delete of the subject cannot go through …
    await other.query(`SET lock_timeout = '300ms'`);
    await expect(other.query('DELETE FROM credit_subjects WHERE id = $1', [id])).rejects.toMatchObject({ code: '55P03' });
    // … and one that waits completes after the commit, deleting the rows it could not see when it started.
    await other.query(`SET lock_timeout = 0`);
    const deleting = other.query('DELETE FROM credit_subjects WHERE id = $1', [id]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await sql.query('COMMIT');
    await deleting;
    expect([await count('subject_tiers', id), await count('subject_tier_history', id)]).toEqual([0, 0]);
  });

  it('checks an insert\'s subjects by primary key, never by scanning credit_subjects (the work grows with the rows inserted, not the table)', async () => {
    const ids = [await newSubject(), await newSubject(), await newSubject()];
    const scans = async () => {
      const { rows } = await sql.query<{ seq: string; idx: string }>(
        `SELECT seq_scan AS seq, idx_scan AS idx FROM pg_stat_xact_user_tables WHERE relname = 'credit_subjects'`,
      );
      return { seq: Number(rows[0].seq), idx: Number(rows[0].idx) };
    };
    // This connection's counts (the transaction's, plus an earlier one's until they are flushed): only the
    // difference across the two inserts is theirs.
    await sql.query('BEGIN');
    try {
      const before = await scans();
      await sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${ids.map(tierRow).join(', ')}`);
      await sql.query(`INSERT INTO subject_tier_history ${HISTORY_COLUMNS} VALUES ${ids.map(historyRow).join(', ')}, ${historyRow(ids[0])}`);
      const after = await scans();
      expect(after.seq - before.seq).toBe(0);
      expect(after.idx - before.idx).toBeGreaterThanOrEqual(2);
    } finally {
      await sql.query('ROLLBACK');
    }
  });

  it('empties both tables when credit_subjects is truncated (last: it empties everything)', async () => {
    const id = await newSubject();
    await sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${tierRow(id)}`);
    await sql.query(`INSERT INTO subject_tier_history ${HISTORY_COLUMNS} VALUES ${historyRow(id)}`);
    // named together with the tier tables, as a bulk reload does, it works too
    await sql.query('TRUNCATE credit_subjects, subject_tiers, subject_tier_history CASCADE');
    await newSubject().then((again) => sql.query(`INSERT INTO subject_tiers ${TIER_COLUMNS} VALUES ${tierRow(again)}`));
    await sql.query('TRUNCATE credit_subjects CASCADE');
    const left = await sql.query<{ n: string }>('SELECT (SELECT count(*) FROM subject_tiers) + (SELECT count(*) FROM subject_tier_history) AS n');
    expect(Number(left.rows[0].n)).toBe(0);
  });
});
