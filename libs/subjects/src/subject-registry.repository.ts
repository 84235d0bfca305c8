// Set-based upsert of the subjects named in an ingest batch. Usually ONE statement: insert the new subjects and
// look up the existing ones (ids and names) together. Only when a name changed, or a concurrent batch inserted
// one of the subjects meanwhile, a second statement follows. Not the unit of work: this runs for every batch.
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';

export interface SubjectUpsert {
  subjectKey: string;
  uscc: string | null;
  name: string;
  subjectType: string;
  regionCode: string | null;
  category: string | null;
}

@Injectable()
export class SubjectRegistryRepository {
  /** Returns subject ids by subject key. When a key appears twice, the last entry's name wins. */
  async upsert(sql: SqlExecutor, subjects: SubjectUpsert[]): Promise<Map<string, string>> {
    const byKey = new Map(subjects.map((subject) => [subject.subjectKey, subject]));
    // Sorted keys: concurrent batches insert and lock subjects in the same order, so they wait instead of deadlocking.
    const unique = [...byKey.values()].sort((a, b) => (a.subjectKey < b.subjectKey ? -1 : 1));
    if (unique.length === 0) return new Map();
    const keys = unique.map((s) => s.subjectKey);
    // Existing subjects are found by one index lookup each (LATERAL … OFFSET 0), never by a scan of the table,
    // and only for keys the INSERT did not take. A key a concurrent batch inserted after this statement began is
    // in neither (its row is not in this statement's snapshot): it comes back without an id.
    const rows = await sql.query<{ subject_key: string; id: string | null; name: string | null }>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
                         WITH ORDINALITY AS t(subject_key, uscc, name, subject_type, region_code, category, ord)
       ),
       inserted AS (
         INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category)
         SELECT subject_key, uscc, name, subject_type, region_code, category FROM input ORDER BY ord
         ON CONFLICT (subject_key) DO NOTHING
         RETURNING id, subject_key
       )
       SELECT i.subject_key, coalesce(n.id, s.id) AS id, s.name
         FROM input i
         LEFT JOIN inserted n ON n.subject_key = i.subject_key
         LEFT JOIN LATERAL (SELECT s.id, s.name FROM credit_subjects s WHERE n.id IS NULL AND s.subject_key = i.subject_key OFFSET 0) s ON true`,
      [keys, unique.map((s) => s.uscc), unique.map((s) => s.name), unique.map((s) => s.subjectType), unique.map((s) => s.regionCode), unique.map((s) => s.category)],
    );
    const ids = new Map<string, string>();
    const recheck: SubjectUpsert[] = [];
    for (const row of rows) {
      const subject = byKey.get(row.subject_key) as SubjectUpsert;
      if (row.id !== null) ids.set(row.subject_key, row.id);
      if (row.id === null || (row.name !== null && row.name !== subject.name)) recheck.push(subject);
    }
    if (recheck.length > 0) for (const [key, id] of await this.renameAndFind(sql, recheck)) ids.set(key, id);
    return ids;
  }

  /**
   * Renames the subjects whose stored name differs (keeping the old name in subject_name_changes) and returns
   * their ids. A new statement: it sees rows a concurrent batch committed while this one waited on the conflict,
   * and the row lock re-reads a name renamed meanwhile before comparing.
   */
  private async renameAndFind(sql: SqlExecutor, subjects: SubjectUpsert[]): Promise<Map<string, string>> {
    const rows = await sql.query<{ id: string; subject_key: string }>(
      `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t(subject_key, name)),
            changed AS (
              SELECT s.id, s.subject_key, s.name AS old_name, i.name AS new_name
                FROM credit_subjects s JOIN input i USING (subject_key)
               WHERE s.name <> i.name
               ORDER BY s.subject_key
                 FOR UPDATE OF s),
            updated AS (
              UPDATE credit_subjects s SET name = c.new_name, updated_at = now()
                FROM changed c WHERE s.id = c.id RETURNING s.id),
            logged AS (
              INSERT INTO subject_name_changes (subject_id, previous_name, new_name)
              SELECT id, old_name, new_name FROM changed)
       SELECT s.id, s.subject_key FROM credit_subjects s JOIN input i USING (subject_key)`,
      [subjects.map((s) => s.subjectKey), subjects.map((s) => s.name)],
    );
    return new Map(rows.map((row) => [row.subject_key, row.id]));
  }
}
