// Reading tiers: batched by subject ids (DataLoader-friendly, one query per field per request), the
// creditSubjects page (keyset on subject id, served by the subject_tiers indexes) and the distribution.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, confineRegion, ConnectionShape, cursorCodec, Principal, toConnection } from '@credit/common';
import { Database } from '@credit/db';
import { CreditTier, getTierRuleSet, IsoDate, levelForScore, TierRuleSet } from '@credit/domain';
import { CreditSubjectModel, SUBJECT_COLUMNS, SubjectRow, toSubjectModel } from '@credit/subjects';
import { CreditSubjectFilter } from './dto/credit-subject-filter.input';
import { TierAssessmentModel, TierChangeModel, TierCountModel, TierReasonModel } from './dto/tier.models';
import { regionLikePrefix } from './region-prefix.util';

interface TierRow {
  subject_id: string;
  level: CreditTier;
  score: number;
  rule_version: string;
  reasons: TierReasonModel[];
  computed_at: Date;
}

interface HistoryRow extends TierRow {
  id: string;
  cause: string;
  valid_from: Date;
  valid_to: Date | null;
  valid_from_key: string;
}

const LEVELS = [CreditTier.A, CreditTier.B, CreditTier.C, CreditTier.D];
/** creditSubjects.totalCount is exact up to this; one more means "more than this". */
export const TOTAL_COUNT_BOUND = 10_000;
const PREFIXED_SUBJECT_COLUMNS = SUBJECT_COLUMNS.split(',').map((column) => `s.${column.trim()}`).join(', ');

const HISTORY_CURSOR = cursorCodec('timestamp', 'id');
const SUBJECT_CURSOR = cursorCodec('id');

@Injectable()
export class TierQueriesService {
  private readonly ruleSet: TierRuleSet;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ruleSet = getTierRuleSet(config.tierRuleVersion);
  }

  /** Current assessments; a subject never assessed is absent. */
  async current(subjectIds: readonly string[]): Promise<Map<string, TierAssessmentModel>> {
    const rows = await this.db.query<TierRow>(
      'SELECT subject_id, level, score, rule_version, reasons, computed_at FROM subject_tiers WHERE subject_id = ANY($1::bigint[])',
      [subjectIds],
    );
    return new Map(rows.map((row) => [row.subject_id, toAssessment(row)]));
  }

  /**
   * The assessment in force at the end of `date` (China time), from the history: the latest change that started
   * before the next day began. No change before then means the subject had no counted records: A, 100.
   */
  async asOf(subjectIds: readonly string[], date: IsoDate): Promise<Map<string, TierAssessmentModel>> {
    const rows = await this.db.query<TierRow & { valid_from: Date }>(
      `SELECT DISTINCT ON (subject_id) subject_id, level, score, rule_version, reasons, valid_from AS computed_at
         FROM subject_tier_history
        WHERE subject_id = ANY($1::bigint[]) AND valid_from < (($2::date + 1)::timestamp AT TIME ZONE INTERVAL '+08:00')
        ORDER BY subject_id, valid_from DESC, id DESC`,
      [subjectIds, date],
    );
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
    const rows = await this.db.query<HistoryRow & { rn: number }>(
      `SELECT * FROM (
         SELECT h.id, h.subject_id, h.level, h.score, h.rule_version, h.reasons, h.cause, h.valid_from, h.valid_to,
                h.valid_from AS computed_at,
                to_char(h.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS valid_from_key,
                row_number() OVER (PARTITION BY h.subject_id ORDER BY h.valid_from DESC, h.id DESC) AS rn
           FROM subject_tier_history h
          WHERE h.subject_id = ANY($1::bigint[])
            AND ($2::timestamptz IS NULL OR (h.valid_from, h.id) < ($2::timestamptz, $3::bigint))
       ) x WHERE rn <= $4 ORDER BY subject_id, rn`,
      [subjectIds, cursor?.[0] ?? null, cursor?.[1] ?? null, first + 1],
    );
    const counts = await this.db.query<{ subject_id: string; n: number }>(
      'SELECT subject_id, count(*)::int AS n FROM subject_tier_history WHERE subject_id = ANY($1::bigint[]) GROUP BY subject_id',
      [subjectIds],
    );
    const totals = new Map(counts.map((row) => [row.subject_id, row.n]));
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
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (filter?.tier) add((p) => `t.level = ${p}`, filter.tier);
    const prefix = region === null ? null : regionLikePrefix(region);
    if (prefix !== null) add((p) => `t.region_code LIKE ${p}`, `${prefix}%`);
    if (filter?.subjectType) add((p) => `t.subject_type = ${p}`, filter.subjectType);
    if (filter?.changedSince) add((p) => `t.changed_at >= ${p}::timestamptz`, filter.changedSince);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const countParams = [...params];
    if (cursor) add((p) => `t.subject_id > ${p}::bigint`, cursor[0]);
    params.push(first + 1);
    const pageWhere = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.db.query<SubjectRow>(
      `SELECT ${PREFIXED_SUBJECT_COLUMNS}
         FROM (SELECT t.subject_id FROM subject_tiers t ${pageWhere} ORDER BY t.subject_id LIMIT $${params.length}) page
         JOIN credit_subjects s ON s.id = page.subject_id
        ORDER BY s.id`,
      params,
    );
    // Pages are cheap and totals are not (DESIGN §5): count exactly up to a bound, then say "more than".
    const [{ n }] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM subject_tiers t ${where} LIMIT ${TOTAL_COUNT_BOUND + 1}) x`, countParams);
    return toConnection(rows, first, n, (row) => SUBJECT_CURSOR.encode([row.id]), toSubjectModel);
  }

  /** How many subjects are in each level (all four, zeros included), within the caller's region. */
  async distribution(principal: Principal, regionCode: string | null): Promise<TierCountModel[]> {
    const region = confineRegion(principal, regionCode);
    const counts = new Map<string, number>();
    if (region !== undefined) {
      const prefix = region === null ? null : regionLikePrefix(region);
      const rows = await this.db.query<{ level: string; n: number }>(
        `SELECT level, count(*)::int AS n FROM subject_tiers ${prefix === null ? '' : 'WHERE region_code LIKE $1'} GROUP BY level`,
        prefix === null ? [] : [`${prefix}%`],
      );
      for (const row of rows) counts.set(row.level, row.n);
    }
    return LEVELS.map((level) => ({ level, count: counts.get(level) ?? 0 }));
  }
}

function toAssessment(row: TierRow): TierAssessmentModel {
  return { level: row.level, score: row.score, ruleVersion: row.rule_version, computedAt: row.computed_at, reasons: row.reasons };
}
