// Set-based registration of the subjects named in an ingest batch. Usually ONE statement: insert the new subjects
// and look up the existing ones (ids and names) together; a second lookup only when a concurrent batch inserted
// one of them meanwhile. The names that differ from the registered ones are filed for review by a statement of
// their own, in the transaction that writes what named them. Not the unit of work: this runs for every batch.
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';

export interface SubjectRegistration {
  /** Subject id by key, for every key registered. */
  ids: Map<string, string>;
  /** The (subject, name) pairs whose name is not the registered one, for fileNameChanges. */
  proposals: SubjectUpsert[];
}

export interface SubjectUpsert {
  subjectKey: string;
  uscc: string | null;
  name: string;
  subjectType: string;
  regionCode: string | null;
  category: string | null;
  /** 决定书文号 of the record that named the subject this way, shown to whoever reviews a name change. */
  decisionNumber?: string | null;
}

@Injectable()
export class SubjectRegistryRepository {
  /** The id of the subject registered under this key (USCC or ID-number hash), or null. */
  async idOfKey(sql: SqlExecutor, subjectKey: string): Promise<string | null> {
    const [row] = await sql.query<{ id: string }>('SELECT id FROM credit_subjects WHERE subject_key = $1', [subjectKey]);
    return row?.id ?? null;
  }

  /**
   * Returns subject ids by subject key. A new subject is registered under the name it was first pushed with
   * (the last entry's, when a key appears twice); a known subject keeps its registered name, and every other
   * name pushed for it becomes a PENDING name change for review (one per subject and name), proposed by
   * `proposedByDepartmentId`. No pusher renames a subject for everyone.
   */
  async upsert(sql: SqlExecutor, subjects: SubjectUpsert[], proposedByDepartmentId: string | null = null): Promise<Map<string, string>> {
    const { ids, proposals } = await this.register(sql, subjects);
    await this.fileNameChanges(sql, proposals, proposedByDepartmentId);
    return ids;
  }

  /**
   * upsert without filing the names for review: registers the subjects not registered yet and returns every
   * subject's id, and the (subject, name) pairs to file (fileNameChanges) in the transaction that writes what
   * named them. A push calls this on the pool before its transaction (each statement commits at once): inside
   * it, a subject the push inserted stayed locked until the push committed, and every other push naming that
   * subject waited that long (bench/ingest, 4 clients: on average 0.46 of the 2.3 pushes inside a transaction
   * were waiting so). The registry row outlives a push that then fails (as it already did for an item refused
   * because its record was revoked): a subject with no records, whose tier a full recomputation gives like any
   * other's, registered under the name that push gave it; a later push that names it otherwise (a corrected
   * resend) files that name for review rather than registering it.
   */
  async register(sql: SqlExecutor, subjects: SubjectUpsert[]): Promise<SubjectRegistration> {
    const unique = uniqueByKey(subjects);
    if (unique.length === 0) return { ids: new Map(), proposals: [] };
    const keys = unique.map((s) => s.subjectKey);
    // Existing subjects are found by one index lookup each (LATERAL … OFFSET 0), never by a scan of the table,
    // and only for keys the INSERT did not take. A key a concurrent batch inserted after this statement began is
    // in neither (its row is not in this statement's snapshot): it is looked up by a second statement.
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
    const missing = rows.filter((row) => row.id === null).map((row) => row.subject_key);
    const found = missing.length === 0 ? [] : await sql.query<{ subject_key: string; id: string; name: string }>(
      'SELECT subject_key, id, name FROM credit_subjects WHERE subject_key = ANY($1::text[])',
      [missing],
    );
    const ids = new Map<string, string>();
    // The registered names of the subjects this call did not insert.
    const registered = new Map<string, string>();
    for (const row of [...rows, ...found]) {
      if (row.id !== null) ids.set(row.subject_key, row.id);
      if (row.name !== null) registered.set(row.subject_key, row.name);
    }
    // Every distinct (subject, name) pair of the batch whose name is not the registered one; a subject just
    // inserted has no registered name here, so the names its own batch pushed differently are not proposed.
    const proposals = new Map<string, SubjectUpsert>();
    for (const subject of subjects) {
      const name = registered.get(subject.subjectKey);
      if (name !== undefined && name !== subject.name) proposals.set(`${subject.subjectKey}\u0000${subject.name}`, subject);
    }
    return { ids, proposals: [...proposals.values()] };
  }

  /**
   * Files the name-change proposals of register (in the caller's transaction); a proposal equal to one already
   * pending (committed or in flight) is not filed twice, nor one whose name has become the registered one.
   */
  async fileNameChanges(sql: SqlExecutor, proposals: SubjectUpsert[], proposedBy: string | null): Promise<void> {
    if (proposals.length === 0) return;
    await sql.query(
      `INSERT INTO subject_name_changes (subject_id, previous_name, new_name, status, proposed_by_department_id, decision_number)
       SELECT f.id, f.name, p.name, 'PENDING', $4::bigint, p.decision_number
         FROM unnest($1::text[], $2::text[], $3::text[]) AS p(subject_key, name, decision_number)
         JOIN credit_subjects f USING (subject_key)
        WHERE f.name <> p.name
        ORDER BY f.id, p.name
       ON CONFLICT (subject_id, new_name) WHERE status = 'PENDING' DO NOTHING`,
      [proposals.map((s) => s.subjectKey), proposals.map((s) => s.name), proposals.map((s) => s.decisionNumber ?? null), proposedBy],
    );
  }
}

/**
 * One entry per key, the last one given for it, in key order: concurrent batches insert and lock subjects in the
 * same order, so they wait instead of deadlocking.
 */
function uniqueByKey(subjects: SubjectUpsert[]): SubjectUpsert[] {
  return [...new Map(subjects.map((subject) => [subject.subjectKey, subject])).values()].sort((a, b) => (a.subjectKey < b.subjectKey ? -1 : 1));
}
