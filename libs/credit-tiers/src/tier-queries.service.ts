// Reading tiers: batched by subject ids (DataLoader-friendly, one query per field per request), the
// creditSubjects page (keyset on subject id, served by the subject_tiers indexes) and the distribution.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, confineRegion, ConnectionShape, cursorCodec, Principal, toConnection } from '@credit/common';
import { CreditTier, getTierRuleSet, IsoDate, levelForScore, TierRuleSet } from '@credit/domain';
import { CreditSubjectModel, toSubjectModel } from '@credit/subjects';
import { CreditSubjectFilter } from './dto/credit-subject-filter.input';
import { TierAssessmentModel, TierChangeModel, TierCountModel } from './dto/tier.models';
import { regionLikePrefix } from './region-prefix.util';
import { HistoryRow, TierQueriesRepository, TierRow } from './tier-queries.repository';

const LEVELS = [CreditTier.A, CreditTier.B, CreditTier.C, CreditTier.D];
export { TOTAL_COUNT_BOUND } from './tier-queries.repository';

const HISTORY_CURSOR = cursorCodec('timestamp', 'id');
const SUBJECT_CURSOR = cursorCodec('id');

@Injectable()
export class TierQueriesService {
  private readonly ruleSet: TierRuleSet;

  constructor(
    private readonly tiers: TierQueriesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ruleSet = getTierRuleSet(config.tierRuleVersion);
  }

  /** Current assessments; a subject never assessed is absent. */
  async current(subjectIds: readonly string[]): Promise<Map<string, TierAssessmentModel>> {
    const rows = await this.tiers.current(subjectIds);
    return new Map(rows.map((row) => [row.subject_id, toAssessment(row)]));
  }

  /**
   * The assessment in force at the end of `date` (China time), from the history: the latest change that started
   * before the next day began. No change before then means the subject had no counted records: A, 100.
   */
  async asOf(subjectIds: readonly string[], date: IsoDate): Promise<Map<string, TierAssessmentModel>> {
    const rows = await this.tiers.asOf(subjectIds, date);
    const found = new Map(rows.map((row) => [row.subject_id, toAssessment(row)]));
    const now = new Date();
    for (const id of subjectIds) {
      if (!found.has(id)) {
        const score = this.ruleSet.startScore;
        found.set(id, { level: levelForScore(score, this.ruleSet), score, ruleVersion: this.ruleSet.version, computedAt: now, reasons: [] });
      }
    }
    return found;
  }

  /** A page of each subject's history, newest first, in one query for all subjects (plus one count). */
  async history(subjectIds: readonly string[], first: number, after?: string | null): Promise<Map<string, ConnectionShape<TierChangeModel>>> {
    const cursor = HISTORY_CURSOR.decode(after);
    const { rows, totals } = await this.tiers.history(subjectIds, cursor ? [cursor[0], cursor[1]] : null, first + 1);
    const bySubject = new Map<string, HistoryRow[]>();
    for (const row of rows) bySubject.set(row.subject_id, [...(bySubject.get(row.subject_id) ?? []), row]);
    return new Map(
      subjectIds.map((id) => [
        id,
        toConnection(bySubject.get(id) ?? [], first, totals.get(id) ?? 0, (row) => HISTORY_CURSOR.encode([row.valid_from_key, row.id]), (row) => ({
          level: row.level,
          score: row.score,
          ruleVersion: row.rule_version,
          reasons: row.reasons,
          cause: row.cause,
          validFrom: row.valid_from,
          validTo: row.valid_to,
        })),
      ]),
    );
  }

  /**
   * Subjects by tier, region (prefix: 341100 includes 341102), type and change time, by id. A regulator bound to
   * a region sees only subjects within it, whatever the filter asks for.
   */
  async listSubjects(principal: Principal, filter: CreditSubjectFilter | null | undefined, first: number, after?: string | null): Promise<ConnectionShape<CreditSubjectModel>> {
    const region = confineRegion(principal, filter?.regionCode);
    if (region === undefined) return toConnection([], first, 0, () => '', toSubjectModel);
    const cursor = SUBJECT_CURSOR.decode(after);
    const prefix = region === null ? null : regionLikePrefix(region);
    const filterParams = {
      tier: filter?.tier ?? null,
      regionLike: prefix === null ? null : `${prefix}%`,
      subjectType: filter?.subjectType ?? null,
      changedSince: filter?.changedSince ?? null,
    };
    const { rows, total } = await this.tiers.subjects(filterParams, cursor?.[0] ?? null, first + 1);
    return toConnection(rows, first, total, (row) => SUBJECT_CURSOR.encode([row.id]), toSubjectModel);
  }

  /** How many subjects are in each level (all four, zeros included), within the caller's region. */
  async distribution(principal: Principal, regionCode: string | null): Promise<TierCountModel[]> {
    const region = confineRegion(principal, regionCode);
    const prefix = region === undefined || region === null ? null : regionLikePrefix(region);
    const counts = region === undefined ? new Map<string, number>() : await this.tiers.levelCounts(prefix === null ? null : `${prefix}%`);
    return LEVELS.map((level) => ({ level, count: counts.get(level) ?? 0 }));
  }
}

function toAssessment(row: TierRow): TierAssessmentModel {
  return { level: row.level, score: row.score, ruleVersion: row.rule_version, computedAt: row.computed_at, reasons: row.reasons };
}
