// Test data written straight into the tables (set-based), for the tier integration tests: subjects, penalty
// records with every field the tier reads, and the facts of a subject as the pure evaluator sees them.
import { buildUscc, TierListingFact, TierRecordFact } from '@credit/domain';
import type { SqlExecutor } from '@credit/db';

export interface TestRecord {
  subjectId: string;
  departmentId: string;
  decisionNumber: string;
  severity: string;
  categories: string[];
  fineAmount: string | null;
  confiscatedAmount: string | null;
  violationType: string;
  decisionDate: string;
  /** Timestamp (ISO with offset) of the revocation, or null. */
  revokedAt: string | null;
  repairedOn: string | null;
}

let subjectSeq = 0;

export async function insertDepartment(sql: SqlExecutor, code: string): Promise<string> {
  const [row] = await sql.query<{ id: string }>(
    `INSERT INTO departments (code, name, uscc, region_code) VALUES ($1, $2, $3, '341100') RETURNING id`,
    [code, `${code} 部门`, buildUscc('11', '341100', String(30_000_000 + (++subjectSeq % 1_000_000)))],
  );
  return row.id;
}

/** Inserts subjects (organisations with a USCC in the given regions); returns their ids in order. */
export async function insertSubjects(sql: SqlExecutor, regions: string[], subjectType = 'LEGAL_ENTITY'): Promise<string[]> {
  const usccs = regions.map((region) => buildUscc('91', region, String(40_000_000 + ++subjectSeq)));
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO credit_subjects (subject_key, uscc, name, subject_type, region_code, category)
     SELECT u, u, '测试主体' || u, $3, r, '91' FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(u, r, n) ORDER BY n
     RETURNING id`,
    [usccs, regions, subjectType],
  );
  return rows.map((row) => row.id);
}

export async function insertRecords(sql: SqlExecutor, records: TestRecord[]): Promise<string[]> {
  if (records.length === 0) return [];
  const col = <K extends keyof TestRecord>(key: K) => records.map((record) => record[key]);
  const rows = await sql.query<{ id: string }>(
    `INSERT INTO penalty_records (department_id, decision_number, subject_id, party_name, party_type, violation_type,
              violation_facts, legal_basis, penalty_categories, penalty_content, fine_amount, confiscated_amount,
              decision_date, authority_name, authority_uscc, severity, content_hash, status, revoked_at, repaired_on)
     SELECT t.dep, t.dn, t.sub, '测试主体', 'LEGAL_ENTITY', t.vt, '事实', '依据', string_to_array(t.cats, ','), '内容',
            t.fine, t.conf, t.dd, '测试机关', '11341100MB0000000X', t.sev, md5(t.dn), CASE WHEN t.rev IS NULL THEN 'ACTIVE' ELSE 'REVOKED' END,
            t.rev, t.rep
       FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::numeric[], $7::numeric[], $8::date[],
                   $9::text[], $10::timestamptz[], $11::date[]) WITH ORDINALITY AS t(dep, dn, sub, vt, cats, fine, conf, dd, sev, rev, rep, n)
      ORDER BY t.n
     RETURNING id`,
    [
      col('departmentId'), col('decisionNumber'), col('subjectId'), col('violationType'), records.map((r) => r.categories.join(',')),
      col('fineAmount'), col('confiscatedAmount'), col('decisionDate'), col('severity'), col('revokedAt'), col('repairedOn'),
    ],
  );
  return rows.map((row) => row.id);
}

/** The facts of each subject as evaluateTier sees them, read back from the tables (amounts as stored). */
export async function loadFacts(sql: SqlExecutor, subjectIds: string[]): Promise<Map<string, { records: TierRecordFact[]; listings: TierListingFact[] }>> {
  const facts = new Map(subjectIds.map((id) => [id, { records: [] as TierRecordFact[], listings: [] as TierListingFact[] }]));
  const records = await sql.query<Record<string, any>>(
    `SELECT id, subject_id, decision_number, severity, penalty_categories, fine_amount::text AS fine, confiscated_amount::text AS conf,
            violation_type, decision_date,
            CASE WHEN status = 'REVOKED' THEN (revoked_at AT TIME ZONE INTERVAL '+08:00')::date END AS revoked_on, repaired_on
       FROM penalty_records WHERE subject_id = ANY($1::bigint[])`,
    [subjectIds],
  );
  for (const r of records) {
    facts.get(r.subject_id)?.records.push({
      id: r.id, decisionNumber: r.decision_number, severity: r.severity, categories: r.penalty_categories, fineAmount: r.fine,
      confiscatedAmount: r.conf, violationType: r.violation_type, decisionDate: r.decision_date, revokedOn: r.revoked_on, repairedOn: r.repaired_on,
    });
  }
  const overrides = await sql.query<Record<string, any>>(
    'SELECT subject_id, source_id, code, description, active_from, active_to FROM subject_tier_overrides WHERE subject_id = ANY($1::bigint[])',
    [subjectIds],
  );
  for (const o of overrides) {
    facts.get(o.subject_id)?.listings.push({ id: o.source_id, listTypeName: o.description, decisionDocumentNumber: o.code, listedOn: o.active_from, removedOn: o.active_to });
  }
  return facts;
}
