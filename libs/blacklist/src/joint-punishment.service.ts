// 联合惩戒: initiate → respond → feedback. A department checks a subject before it acts (licence, contract,
// subsidy, honour) and gets the measures that bind IT in that scenario; the check is recorded with its answer,
// and the department reports back which measure it applied. Regulators read who checks and who applies.
import { Injectable } from '@nestjs/common';
import { AuditService, contentHash } from '@credit/audit';
import { actorOf, badInput, confineRegion, DepartmentPrincipal, DomainError, forbidden, notFound, Principal, requireIsoDate, requireUscc } from '@credit/common';
import { Database } from '@credit/db';
import { addDays } from '@credit/domain';
import { requireId } from './blacklist.errors';
import { Scenario } from './dto/blacklist.enums';
import { ApplicableMeasureModel, JointPunishmentCheckModel, JointPunishmentStatsModel, MeasureFeedbackModel } from './dto/joint-punishment.models';
import { ListingClock } from './listing-clock';
import { regionPrefix } from './listing.mapping';
import { ListingRepository } from './listing.repository';

/** Statistics cover at most this many days per query (about ten years). */
export const MAX_STATS_DAYS = 3660;

interface MeasureHit {
  code: string;
  description: string;
  legal_basis: string;
  list_type_code: string;
  scenarios: string[];
  listing_id: string;
}

@Injectable()
export class JointPunishmentService {
  constructor(
    private readonly db: Database,
    private readonly listings: ListingRepository,
    private readonly audit: AuditService,
    private readonly clock: ListingClock,
  ) {}

  async check(department: DepartmentPrincipal, uscc: string, scenario: Scenario): Promise<JointPunishmentCheckModel> {
    const parsed = requireUscc(uscc, 'uscc');
    const today = this.clock.today();
    const result = await this.db.transaction(async (sql) => {
      // Active on `today` exactly as isActiveListing defines it: LISTED and listedOn ≤ today < expiresOn.
      const active = await sql.query<{ id: string; subject_id: string }>(
        `SELECT l.id, l.subject_id FROM credit_subjects s JOIN listings l ON l.subject_id = s.id
          WHERE s.subject_key = $1 AND l.status = 'LISTED' AND l.listed_on <= $2::date AND l.expires_on > $2::date
          ORDER BY l.id`,
        [parsed.code, today],
      );
      const listingIds = active.map((row) => row.id);
      const measures = listingIds.length === 0 ? [] : await sql.query<MeasureHit>(
        `SELECT m.code, m.description, m.legal_basis, lt.code AS list_type_code, m.scenarios, l.id AS listing_id
           FROM listings l JOIN list_types lt ON lt.id = l.list_type_id JOIN punishment_measures m ON m.list_type_id = l.list_type_id
          WHERE l.id = ANY($1::bigint[]) AND $2 = ANY (m.executing_department_codes) AND $3 = ANY (m.scenarios)
          ORDER BY m.code`,
        [listingIds, department.departmentCode, scenario],
      );
      const [subject] = await sql.query<{ id: string }>('SELECT id FROM credit_subjects WHERE subject_key = $1', [parsed.code]);
      const [check] = await sql.query<{ id: string; checked_at: Date }>(
        `INSERT INTO joint_punishment_checks (department_id, uscc, subject_id, scenario, listed, listing_ids, measure_codes, checked_on)
         VALUES ($1, $2, $3, $4, $5, $6::bigint[], $7::text[], $8) RETURNING id, checked_at`,
        [department.departmentId, parsed.code, subject?.id ?? null, scenario, listingIds.length > 0, listingIds, measures.map((m) => m.code), today],
      );
      await this.audit.append(sql, actorOf(department), [
        {
          action: 'JOINT_PUNISHMENT_CHECKED',
          targetType: 'JOINT_PUNISHMENT_CHECK',
          targetId: check.id,
          afterHash: contentHash({ uscc: parsed.code, scenario, listingIds, measures: measures.map((m) => m.code) }),
          details: { uscc: parsed.code, scenario, listed: listingIds.length > 0, measureCodes: measures.map((m) => m.code) },
        },
      ]);
      return { check, listingIds, measures };
    });
    const listings = await this.listings.findByIds(result.listingIds);
    return {
      checkId: result.check.id,
      uscc: parsed.code,
      scenario,
      checkedAt: result.check.checked_at,
      listed: result.listingIds.length > 0,
      listings: result.listingIds.map((id) => listings.get(id)).filter((l) => l !== undefined),
      measures: result.measures.map(toApplicableMeasure),
    };
  }

  /** Only the department that made the check, and only for a measure that check returned; once per measure. */
  async recordFeedback(department: DepartmentPrincipal, checkId: string, measureCode: string, applied: boolean, note?: string | null): Promise<MeasureFeedbackModel> {
    requireId(checkId, 'checkId');
    const text = note?.trim() || null;
    if (text && [...text].length > 1000) throw badInput('note must be at most 1000 characters（说明不能超过 1000 字）', 'note');
    return this.db.transaction(async (sql) => {
      const [check] = await sql.query<{ department_id: string; measure_codes: string[]; listing_ids: string[] }>(
        'SELECT department_id, measure_codes, listing_ids::text[] AS listing_ids FROM joint_punishment_checks WHERE id = $1 FOR UPDATE',
        [checkId],
      );
      if (!check) throw notFound(`Check ${checkId}`);
      if (check.department_id !== department.departmentId) throw forbidden('只有发起核查的部门可以反馈（only the department that made the check may report on it）');
      if (!check.measure_codes.includes(measureCode)) {
        throw new DomainError('MEASURE_NOT_IN_CHECK', `措施 ${measureCode} 不在该次核查结果中（measure ${measureCode} was not returned by check ${checkId}）`, { field: 'measureCode' });
      }
      const [measure] = await sql.query<{ measure_id: string; listing_id: string }>(
        `SELECT m.id AS measure_id, l.id AS listing_id FROM punishment_measures m JOIN listings l ON l.list_type_id = m.list_type_id
          WHERE m.code = $1 AND l.id = ANY($2::bigint[]) ORDER BY l.id LIMIT 1`,
        [measureCode, check.listing_ids],
      );
      const [existing] = await sql.query('SELECT 1 FROM measure_feedback WHERE check_id = $1 AND measure_id = $2', [checkId, measure.measure_id]);
      if (existing) throw new DomainError('FEEDBACK_ALREADY_RECORDED', '该措施的反馈已记录（feedback for this measure is already recorded）', { field: 'measureCode' });
      const [row] = await sql.query<{ id: string; recorded_at: Date }>(
        `INSERT INTO measure_feedback (check_id, measure_id, listing_id, applied, note) VALUES ($1, $2, $3, $4, $5) RETURNING id, recorded_at`,
        [checkId, measure.measure_id, measure.listing_id, applied, text],
      );
      await this.audit.append(sql, actorOf(department), [
        {
          action: 'MEASURE_FEEDBACK_RECORDED',
          targetType: 'JOINT_PUNISHMENT_CHECK',
          targetId: checkId,
          afterHash: contentHash({ measureCode, applied, note: text }),
          details: { measureCode, listingId: measure.listing_id, applied },
        },
      ]);
      return { id: row.id, checkId, measureCode, listingId: measure.listing_id, applied, note: text, recordedAt: row.recorded_at };
    });
  }

  /**
   * Checks and feedback per checking department over [from, to]; the region filters the departments, within the
   * caller's own region (confineRegion): a region outside it answers with no departments.
   */
  async stats(principal: Principal, regionCode: string | null | undefined, from: string, to: string): Promise<JointPunishmentStatsModel> {
    requireIsoDate(from, 'from');
    requireIsoDate(to, 'to');
    if (to < from) throw badInput('to must not be before from（截止日期不能早于起始日期）', 'to');
    if (addDays(from, MAX_STATS_DAYS) < to) throw badInput(`the period may span at most ${MAX_STATS_DAYS} days`, 'to');
    const region = confineRegion(principal, regionCode);
    if (region === undefined) return { regionCode: regionCode ?? null, from, to, totalChecks: 0, departments: [] };
    const rows = await this.db.query<{ code: string; name: string; checks: string; listed_checks: string; measures_returned: string; applied: string; not_applied: string }>(
      `SELECT d.code, d.name, count(*) AS checks, count(*) FILTER (WHERE c.listed) AS listed_checks,
              coalesce(sum(cardinality(c.measure_codes)), 0) AS measures_returned,
              coalesce(sum(f.applied), 0) AS applied, coalesce(sum(f.not_applied), 0) AS not_applied
         FROM joint_punishment_checks c
         JOIN departments d ON d.id = c.department_id
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE mf.applied) AS applied, count(*) FILTER (WHERE NOT mf.applied) AS not_applied
             FROM measure_feedback mf WHERE mf.check_id = c.id) f ON true
        WHERE c.checked_on BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR d.region_code LIKE $3 || '%')
        GROUP BY d.code, d.name ORDER BY d.code`,
      [from, to, regionPrefix(region)],
    );
    const departments = rows.map((row) => {
      const [checks, listedChecks, measuresReturned, applied, notApplied] = [row.checks, row.listed_checks, row.measures_returned, row.applied, row.not_applied].map(Number);
      return {
        department: { code: row.code, name: row.name },
        checks,
        listedChecks,
        measuresReturned,
        feedbackApplied: applied,
        feedbackNotApplied: notApplied,
        feedbackPending: measuresReturned - applied - notApplied,
      };
    });
    return { regionCode: region, from, to, totalChecks: departments.reduce((sum, d) => sum + d.checks, 0), departments };
  }
}

function toApplicableMeasure(row: MeasureHit): ApplicableMeasureModel {
  return {
    code: row.code,
    description: row.description,
    legalBasis: row.legal_basis,
    listTypeCode: row.list_type_code,
    scenarios: row.scenarios as Scenario[],
    listingId: row.listing_id,
  };
}
