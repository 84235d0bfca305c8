// Set-based upsert of the subjects named in an ingest batch: one INSERT … ON CONFLICT for the batch, one
// SELECT for the ids, one UPDATE for renamed subjects. Not the unit of work: this runs for every pushed batch.
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
    // Sorted keys: concurrent batches lock subjects in the same order, so they wait instead of deadlocking.
    const unique = [...byKey.values()].sort((a, b) => (a.subjectKey < b.subjectKey ? -1 : 1));
    if (unique.length === 0) return new Map();
    const columns = [
      unique.map((s) => s.subjectKey),
      unique.map((s) => s.uscc),
      unique.map((s) => s.name),
      unique.map((s) => s.subjectType),
      unique.map((s) => s.regionCode),
      unique.map((s) => s.category),
    ];
    await sql.query(
      `INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
       ON CONFLICT (subject_key) DO NOTHING`,
      columns,
    );
    // A new statement sees rows that a concurrent batch committed while this one waited on the conflict.
    await sql.query(
      `WITH input AS (SELECT * FROM unnest($1::text[], $2::text[]) AS t(subject_key, name)),
            changed AS (
              SELECT s.id, s.subject_key, s.name AS old_name, i.name AS new_name
                FROM credit_subjects s JOIN input i USING (subject_key)
               WHERE s.name <> i.name
               ORDER BY s.subject_key
                 FOR UPDATE OF s),
            updated AS (
              UPDATE credit_subjects s SET name = c.new_name, updated_at = now()
                FROM changed c WHERE s.id = c.id RETURNING s.id)
       INSERT INTO subject_name_changes (subject_id, previous_name, new_name)
       SELECT id, old_name, new_name FROM changed`,
      [columns[0], columns[2]],
    );
    const rows = await sql.query<{ id: string; subject_key: string }>(
      'SELECT id, subject_key FROM credit_subjects WHERE subject_key = ANY($1::text[])',
      [columns[0]],
    );
    return new Map(rows.map((row) => [row.subject_key, row.id]));
  }
}
