// 联合惩戒: initiate → respond → feedback. A department checks a subject before it acts (licence, contract,
// subsidy, honour) and gets the measures that bind IT in that scenario; the check is recorded with its answer,
// and the department reports back which measure it applied. Regulators read who checks and who applies.
import { Injectable } from '@nestjs/common';
import { AuditService, contentHash } from '@credit/audit';
import { actorOf, badInput, confineRegion, DepartmentPrincipal, forbidden, notFound, Principal, requireIsoDate, requireUscc } from '@credit/common';
import { Database } from '@credit/db';
import { addDays } from '@credit/domain';
import { SubjectRegistryRepository } from '@credit/subjects';
import { feedbackAlreadyRecorded, measureNotInCheck, requireId } from './blacklist.errors';
import { Scenario } from './dto/blacklist.enums';
import { ApplicableMeasureModel, JointPunishmentCheckModel, JointPunishmentStatsModel, MeasureFeedbackModel } from './dto/joint-punishment.models';
import { ListingClock } from './listing-clock';
import { regionPrefix } from './listing.mapping';
import { JointPunishmentRepository, MeasureHit } from './joint-punishment.repository';
import { ListingRepository } from './listing.repository';

/** Statistics cover at most this many days per query (about ten years). */
export const MAX_STATS_DAYS = 3660;

@Injectable()
export class JointPunishmentService {
  constructor(
    private readonly db: Database,
    private readonly checks: JointPunishmentRepository,
    private readonly listings: ListingRepository,
    private readonly subjects: SubjectRegistryRepository,
    private readonly audit: AuditService,
    private readonly clock: ListingClock,
  ) {}

  async check(department: DepartmentPrincipal, uscc: string, scenario: Scenario): Promise<JointPunishmentCheckModel> {
    const parsed = requireUscc(uscc, 'uscc');
    const today = this.clock.today();
    const result = await this.db.transaction(async (sql) => {
      const listingIds = await this.checks.activeListingIds(sql, parsed.code, today);
      const measures = await this.checks.measuresFor(sql, listingIds, department.departmentCode, scenario);
      const subjectId = await this.subjects.idOfKey(sql, parsed.code);
      const check = await this.checks.insertCheck(sql, {
        departmentId: department.departmentId,
        uscc: parsed.code,
        subjectId,
        scenario,
        listingIds,
        measureCodes: measures.map((m) => m.code),
        checkedOn: today,
      });
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
      const check = await this.checks.lockCheck(sql, checkId);
      if (!check) throw notFound(`Check ${checkId}`);
      if (check.department_id !== department.departmentId) throw forbidden('只有发起核查的部门可以反馈（only the department that made the check may report on it）');
      if (!check.measure_codes.includes(measureCode)) {
        throw measureNotInCheck(measureCode, checkId);
      }
      const measure = await this.checks.measureOfCheck(sql, measureCode, check.listing_ids);
      if (await this.checks.feedbackExists(sql, checkId, measure.measure_id)) throw feedbackAlreadyRecorded();
      const row = await this.checks.insertFeedback(sql, checkId, measure.measure_id, measure.listing_id, applied, text);
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
    const rows = await this.checks.statsByDepartment(from, to, regionPrefix(region));
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
