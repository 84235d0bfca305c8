// Loads penalty records for indexing: one query per batch (departments, subjects and the outbox version
// joined), never the ID number. Raw SQL because delivery, reindex and verify run it over whole sets.
import { Injectable } from '@nestjs/common';
import type { SqlExecutor } from '@credit/db';
import { WITHDRAWAL_NOTICE_RULE } from '@credit/domain';
import type { DisclosureSourceRow } from './disclosure-document';

const SOURCE_COLUMNS = `r.id::text AS id, r.status, r.repaired_on,
  (r.revoked_at AT TIME ZONE 'Asia/Shanghai')::date AS revoked_on, r.revoke_reason, r.party_type, r.party_name, r.uscc, r.legal_representative,
  r.decision_number, r.violation_type, r.violation_facts, r.legal_basis, r.penalty_categories, r.penalty_content,
  r.fine_amount::text AS fine_amount, r.confiscated_amount::text AS confiscated_amount, r.license_info, r.decision_date,
  r.public_until, r.party_birth_date, r.act_date, r.party_adult_confirmed, r.publish_minor, r.severity, r.authority_name, r.authority_uscc, r.remarks,
  d.code AS department_code, d.name AS department_name, d.region_code AS department_region,
  s.region_code AS subject_region, o.version::text AS version`;

const SOURCE_FROM = `penalty_records r
  JOIN departments d ON d.id = r.department_id
  JOIN credit_subjects s ON s.id = r.subject_id
  LEFT JOIN search_outbox o ON o.record_id = r.id`;

const NOTICE_MONTHS = WITHDRAWAL_NOTICE_RULE.months;
if (!Number.isInteger(NOTICE_MONTHS) || NOTICE_MONTHS < 0) throw new RangeError('bad withdrawal notice period');
const CANDIDATE = `((r.status = 'ACTIVE' AND r.repaired_on IS NULL)
  OR (r.status = 'REVOKED' AND r.revoked_at >= now() - interval '${NOTICE_MONTHS} months 1 day'))`;

@Injectable()
export class DisclosureSourceRepository {
  /** The records with these ids (missing ids are simply absent). */
  async load(sql: SqlExecutor, ids: string[]): Promise<DisclosureSourceRow[]> {
    if (ids.length === 0) return [];
    return sql.query<DisclosureSourceRow>(`SELECT ${SOURCE_COLUMNS} FROM ${SOURCE_FROM} WHERE r.id = ANY($1::bigint[])`, [ids]);
  }

  /**
   * Records that may be published (active, not repaired) or carry a withdrawal notice (revoked within the
   * notice's months, plus a day of time-zone slack), in id order after `afterId`: the candidates of a rebuild
   * or a verification. The policy then decides each one.
   */
  async candidates(sql: SqlExecutor, afterId: string, limit: number): Promise<DisclosureSourceRow[]> {
    return sql.query<DisclosureSourceRow>(
      `SELECT ${SOURCE_COLUMNS} FROM ${SOURCE_FROM}
        WHERE r.id > $1::bigint AND ${CANDIDATE} ORDER BY r.id LIMIT $2`,
      [afterId, limit],
    );
  }

  async countCandidates(sql: SqlExecutor): Promise<number> {
    const [row] = await sql.query<{ count: number }>(`SELECT count(*)::int AS count FROM penalty_records r WHERE ${CANDIDATE}`);
    return row.count;
  }
}
