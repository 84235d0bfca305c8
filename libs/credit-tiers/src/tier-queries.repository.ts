// SQL of tier reads: batched by subject ids (one query per field per request), the creditSubjects page (keyset
// on subject id, served by the subject_tiers indexes) and the distribution.
import { Injectable } from '@nestjs/common';
import { Database } from '@credit/db';
import { CreditTier, IsoDate } from '@credit/domain';
import { SUBJECT_COLUMNS, SubjectRow } from '@credit/subjects';
import { TierReasonModel } from './dto/tier.models';

export interface TierRow {
  subject_id: string;
  level: CreditTier;
  score: number;
  rule_version: string;
  reasons: TierReasonModel[];
  computed_at: Date;
}

export interface HistoryRow extends TierRow {
  id: string;
  cause: string;
  valid_from: Date;
  valid_to: Date | null;
  valid_from_key: string;
}

/** What the creditSubjects page is filtered by; null: no filter. `regionLike` is a LIKE pattern. */
export interface TierSubjectFilter {
  tier: string | null;
  regionLike: string | null;
  subjectType: string | null;
  changedSince: Date | string | null;
}

/** creditSubjects.totalCount is exact up to this; one more means "more than this". */
export const TOTAL_COUNT_BOUND = 10_000;
/**
 * A history row's reasons: an open row (the assessment in force) stores none, they are its subject_tiers row's
 * (written by the same statement); closing the row copies them in (tier-sql.builder historyTail).
 */
const HISTORY_REASONS = (alias: string) =>
  `coalesce(${alias}.reasons, (SELECT t.reasons FROM subject_tiers t WHERE t.subject_id = ${alias}.subject_id)) AS reasons`;
const PREFIXED_SUBJECT_COLUMNS = SUBJECT_COLUMNS.split(',').map((column) => `s.${column.trim()}`).join(', ');

@Injectable()
export class TierQueriesRepository {
  constructor(private readonly db: Database) {}

  current(subjectIds: readonly string[]): Promise<TierRow[]> {
    return this.db.query<TierRow>(
      'SELECT subject_id, level, score, rule_version, reasons, computed_at FROM subject_tiers WHERE subject_id = ANY($1::bigint[])',
      [subjectIds],
    );
  }

  /** The latest history entry of each subject that started before the day after `date` began (China time). */
  asOf(subjectIds: readonly string[], date: IsoDate): Promise<TierRow[]> {
    return this.db.query<TierRow & { valid_from: Date }>(
      `SELECT x.subject_id, x.level, x.score, x.rule_version, ${HISTORY_REASONS('x')}, x.computed_at
         FROM (SELECT DISTINCT ON (subject_id) id, subject_id, level, score, rule_version, reasons, valid_from AS computed_at
                 FROM subject_tier_history
                WHERE subject_id = ANY($1::bigint[]) AND valid_from < (($2::date + 1)::timestamp AT TIME ZONE INTERVAL '+08:00')
                ORDER BY subject_id, valid_from DESC, id DESC) x`,
      [subjectIds, date],
    );
  }

  /** Up to `limit` history entries of each subject, newest first, before the (validFrom, id) cursor; with totals. */
  async history(subjectIds: readonly string[], before: readonly [string, string] | null, limit: number): Promise<{ rows: HistoryRow[]; totals: Map<string, number> }> {
    const rows = await this.db.query<HistoryRow & { rn: number }>(
      `SELECT * FROM (
         SELECT h.id, h.subject_id, h.level, h.score, h.rule_version, ${HISTORY_REASONS('h')}, h.cause, h.valid_from, h.valid_to,
                h.valid_from AS computed_at,
                to_char(h.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS valid_from_key,
                row_number() OVER (PARTITION BY h.subject_id ORDER BY h.valid_from DESC, h.id DESC) AS rn
           FROM subject_tier_history h
          WHERE h.subject_id = ANY($1::bigint[])
            AND ($2::timestamptz IS NULL OR (h.valid_from, h.id) < ($2::timestamptz, $3::bigint))
       ) x WHERE rn <= $4 ORDER BY subject_id, rn`,
      [subjectIds, before?.[0] ?? null, before?.[1] ?? null, limit],
    );
    const counts = await this.db.query<{ subject_id: string; n: number }>(
      'SELECT subject_id, count(*)::int AS n FROM subject_tier_history WHERE subject_id = ANY($1::bigint[]) GROUP BY subject_id',
      [subjectIds],
    );
    return { rows, totals: new Map(counts.map((row) => [row.subject_id, row.n])) };
  }

  /** A page of assessed subjects by id after `afterId`, and the total counted up to TOTAL_COUNT_BOUND + 1. */
  async subjects(filter: TierSubjectFilter, afterId: string | null, limit: number): Promise<{ rows: SubjectRow[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (condition: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    if (filter.tier) add((p) => `t.level = ${p}`, filter.tier);
    if (filter.regionLike !== null) add((p) => `t.region_code LIKE ${p}`, filter.regionLike);
    if (filter.subjectType) add((p) => `t.subject_type = ${p}`, filter.subjectType);
    if (filter.changedSince) add((p) => `t.changed_at >= ${p}::timestamptz`, filter.changedSince);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const countParams = [...params];
    if (afterId) add((p) => `t.subject_id > ${p}::bigint`, afterId);
    params.push(limit);
    const pageWhere = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = await this.db.query<SubjectRow>(
      `SELECT ${PREFIXED_SUBJECT_COLUMNS}
         FROM (SELECT t.subject_id FROM subject_tiers t ${pageWhere} ORDER BY t.subject_id LIMIT $${params.length}) page
         JOIN credit_subjects s ON s.id = page.subject_id
        ORDER BY s.id`,
      params,
    );
    // Pages are cheap and totals are not: count exactly up to a bound, then say "more than".
    const [{ n }] = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM subject_tiers t ${where} LIMIT ${TOTAL_COUNT_BOUND + 1}) x`, countParams);
    return { rows, total: n };
  }

  /** Subjects per level, those whose region matches `regionLike` (null: all). */
  async levelCounts(regionLike: string | null): Promise<Map<string, number>> {
    const rows = await this.db.query<{ level: string; n: number }>(
      `SELECT level, count(*)::int AS n FROM subject_tiers ${regionLike === null ? '' : 'WHERE region_code LIKE $1'} GROUP BY level`,
      regionLike === null ? [] : [regionLike],
    );
    return new Map(rows.map((row) => [row.level, row.n]));
  }
}
