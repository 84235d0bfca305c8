// The set-based SQL of the draw. Not the unit of work: a draw freezes up to millions of candidates, so each step
// is one statement in the caller's transaction (freeze, per-stratum top-N, selections; the list hash is
// candidate-list-hash.repository.ts). The byte formats are those of
// libs/domain/src/inspections/inspection-draw.ts: the SQL and the pure draw must agree, and
// `inspections:verify-draw` checks that they do.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';
import { CreditTier, DRAW_TIERS, DrawCandidate, StratumDraw, USCC_SENTINEL } from '@credit/domain';

export interface CandidateScope {
  planId: string;
  /** LIKE prefix of the plan's region subtree. */
  regionPrefix: string;
  subjectTypes: string[];
  drawDay: string;
  exclusionMonths: number;
}

export interface AssignedInspector {
  id: string;
  name: string;
  certificateNumber: string;
}

export interface SelectionRow {
  subjectId: string;
  uscc: string;
  name: string;
  regionCode: string | null;
  tier: CreditTier;
  rank: number;
  digest: string;
}

@Injectable()
export class InspectionDrawRepository {
  /** The seed of a published plan: read by the draw only. */
  async secretSeed(sql: SqlExecutor, planId: string): Promise<string | null> {
    const [row] = await sql.query<{ seed: string }>(`SELECT seed FROM inspection_plan_seeds WHERE plan_id = $1::bigint`, [planId]);
    return row?.seed ?? null;
  }

  /**
   * Freezes the candidates (INSERT … SELECT, one statement): subjects with a real USCC in the region subtree and of
   * the plan's types, with their current tier (no tier row = A), less those drawn by another plan within the
   * exclusion window unless D (isExcludedByRecentInspection; `recent` is one hashed set, not a probe each).
   * Returns the size of each tier stratum, counted from the rows inserted (no second scan).
   */
  async freezeCandidates(sql: SqlExecutor, scope: CandidateScope): Promise<Map<CreditTier, number>> {
    const rows = await sql.query<{ tier: CreditTier; n: number }>(
      `WITH recent AS MATERIALIZED (
         SELECT DISTINCT x.subject_id FROM inspection_selections x
          WHERE $5::int > 0 AND x.plan_id <> $1::bigint
            AND x.draw_day >= ($4::date - make_interval(months => $5::int))::date AND x.draw_day <= $4::date
       ),
       frozen AS (
         INSERT INTO inspection_candidates (plan_id, subject_id, uscc, tier)
         SELECT $1::bigint, s.id, s.uscc, coalesce(t.level, 'A')
           FROM credit_subjects s
           LEFT JOIN subject_tiers t ON t.subject_id = s.id
           LEFT JOIN recent r ON r.subject_id = s.id
          WHERE s.uscc IS NOT NULL AND s.uscc <> $6 AND s.region_code LIKE $2::text || '%' AND s.subject_type = ANY($3::text[])
            AND (r.subject_id IS NULL OR coalesce(t.level, 'A') = 'D')
         RETURNING tier
       )
       SELECT tier, count(*)::int AS n FROM frozen GROUP BY tier`,
      [scope.planId, scope.regionPrefix, scope.subjectTypes, scope.drawDay, scope.exclusionMonths, USCC_SENTINEL],
    );
    return new Map(rows.map((r) => [r.tier, r.n]));
  }

  /**
   * The first `count` candidates of a tier stratum by digest = SHA-256(seed ‖ USCC) (PostgreSQL's sha256(bytea);
   * bytea compares as unsigned bytes, the order of the hex digests the pure draw sorts by), ties to the smaller
   * USCC in byte order. Read-only on purpose: PostgreSQL runs no parallel workers for a statement that writes, and
   * this one (a bounded top-N over the hashed list) is the bench's baseline query, parallel like it.
   */
  async stratumTop(sql: SqlExecutor, planId: string, seedHex: string, tier: CreditTier, count: number): Promise<{ subjectId: string; uscc: string; digest: string }[]> {
    if (count <= 0) return [];
    return sql.query(
      `SELECT subject_id::text AS "subjectId", uscc, encode(digest, 'hex') AS digest
         FROM (SELECT subject_id, uscc, sha256(decode($2::text, 'hex') || convert_to(uscc, 'UTF8')) AS digest
                 FROM inspection_candidates WHERE plan_id = $1::bigint AND tier = $3) c
        ORDER BY digest, uscc COLLATE "C" LIMIT $4`,
      [planId, seedHex, tier, count],
    );
  }

  /**
   * All strata's first `count` candidates in ONE read-only, parallel-capable pass (each digest computed once, like
   * the bench's baseline): digests are uniform, so a stratum's first n of `size` lie below the byte prefix of the
   * fraction (n + 8√n + 16) / size with overwhelming probability; the pass keeps only those (a few percent more
   * than drawn) and sorts them. Exact, not approximate: everything below a threshold is a prefix of the order,
   * so its first n are the stratum's first n — provided it holds at least n, which the caller checks (and then
   * takes that stratum through stratumTop). A tier drawing none gets the empty threshold, one drawing all gets
   * one above every digest. Rows come by tier, digest, USCC (byte order).
   */
  async strataTop(sql: SqlExecutor, planId: string, seedHex: string, strata: readonly { tier: CreditTier; candidates: number; count: number }[]): Promise<{ tier: CreditTier; subjectId: string; uscc: string; digest: string }[]> {
    const threshold = (tier: CreditTier): string => {
      const stratum = strata.find((s) => s.tier === tier);
      if (!stratum || stratum.count === 0) return '';
      const fraction = (stratum.count + 8 * Math.sqrt(stratum.count) + 16) / Math.max(1, stratum.candidates);
      if (fraction >= 1) return 'ff'.repeat(33);
      return Math.floor(fraction * 2 ** 32).toString(16).padStart(8, '0');
    };
    return sql.query(
      `SELECT tier, subject_id::text AS "subjectId", uscc, encode(digest, 'hex') AS digest
         FROM (SELECT tier, subject_id, uscc, sha256(decode($2::text, 'hex') || convert_to(uscc, 'UTF8')) AS digest
                 FROM inspection_candidates WHERE plan_id = $1::bigint) c
        WHERE digest < decode(CASE tier WHEN 'A' THEN $3 WHEN 'B' THEN $4 WHEN 'C' THEN $5 WHEN 'D' THEN $6 ELSE '' END, 'hex')
        ORDER BY tier, digest, uscc COLLATE "C"`,
      [planId, seedHex, ...DRAW_TIERS.map(threshold)],
    );
  }

  /** Writes the selected subjects (ranked within their stratum) in one statement over arrays, in subject order (the foreign-key probes and index inserts then walk their indexes in order). */
  async insertSelections(sql: SqlExecutor, planId: string, drawDay: string, rows: { subjectId: string; uscc: string; tier: CreditTier; rank: number; digest: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await sql.query(
      `INSERT INTO inspection_selections (plan_id, subject_id, uscc, tier, rank, digest, draw_day)
       SELECT $1::bigint, x.subject_id, x.uscc, x.tier, x.rank, x.digest, $2::date
         FROM unnest($3::bigint[], $4::text[], $5::text[], $6::int[], $7::text[]) AS x(subject_id, uscc, tier, rank, digest)
        ORDER BY x.subject_id`,
      [planId, drawDay, rows.map((r) => r.subjectId), rows.map((r) => r.uscc), rows.map((r) => r.tier), rows.map((r) => r.rank), rows.map((r) => r.digest)],
    );
  }

  /** A draw sorts the whole candidate list once (its hash): enough memory for that, for this transaction only. */
  async reserveSortMemory(sql: SqlExecutor): Promise<void> {
    await sql.query(`SET LOCAL work_mem = '256MB'`);
  }

  /** Reveals the seed and records the outcome on the plan. */
  async recordDraw(sql: SqlExecutor, planId: string, seed: string, drawDay: string, hash: string, count: number, strata: StratumDraw[]): Promise<void> {
    await sql.query(
      `UPDATE inspection_plans SET status = 'DRAWN', seed = $2, drawn_at = now(), draw_day = $3::date, candidate_list_hash = $4,
              candidate_count = $5, draw_strata = $6::jsonb, updated_at = now()
        WHERE id = $1::bigint`,
      [planId, seed, drawDay, hash, count, JSON.stringify(strata)],
    );
  }

  /**
   * The frozen candidates in USCC byte order, `chunk` rows at a time, through a server-side cursor: one sort of the
   * plan's list however long it is (keyset pages would sort it once per page). Call inside a transaction.
   */
  async forEachCandidateChunk(sql: SqlExecutor, planId: string, chunk: number, fn: (rows: DrawCandidate[]) => Promise<void>): Promise<void> {
    await sql.query(
      `DECLARE inspection_candidate_list NO SCROLL CURSOR FOR
         SELECT uscc, tier FROM inspection_candidates WHERE plan_id = $1::bigint ORDER BY uscc COLLATE "C"`,
      [planId],
    );
    for (;;) {
      const rows = await sql.query<DrawCandidate>(`FETCH ${Math.trunc(chunk)} FROM inspection_candidate_list`);
      if (rows.length > 0) await fn(rows);
      if (rows.length < chunk) break;
    }
    await sql.query('CLOSE inspection_candidate_list');
  }

  /** Selected subjects after (tier, rank), in tier then rank order, with their name, region and assigned inspectors. */
  async selectionsPage(
    sql: SqlExecutor,
    planId: string,
    after: { tier: string; rank: number } | null,
    limit: number,
  ): Promise<(SelectionRow & { inspectors: AssignedInspector[] })[]> {
    return sql.query<SelectionRow & { inspectors: AssignedInspector[] }>(
      `SELECT x.subject_id::text AS "subjectId", x.uscc, s.name, s.region_code AS "regionCode", x.tier, x.rank, x.digest,
              coalesce((SELECT json_agg(json_build_object('id', i.id::text, 'name', i.name, 'certificateNumber', i.certificate_number) ORDER BY i.certificate_number)
                          FROM inspection_assignments a JOIN inspectors i ON i.id = a.inspector_id
                         WHERE a.plan_id = x.plan_id AND a.subject_id = x.subject_id), '[]'::json) AS inspectors
         FROM inspection_selections x JOIN credit_subjects s ON s.id = x.subject_id
        WHERE x.plan_id = $1::bigint AND ($2::text IS NULL OR (x.tier, x.rank) > ($2::text, $3::int))
        ORDER BY x.tier, x.rank LIMIT $4`,
      [planId, after?.tier ?? null, after?.rank ?? 0, limit],
    );
  }

  async selectionCount(sql: SqlExecutor, planId: string): Promise<number> {
    const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM inspection_selections WHERE plan_id = $1::bigint`, [planId]);
    return row.n;
  }

  /** Every selection of a plan (the verifier and the assignment): at most the plan's drawn count. */
  async allSelections(sql: SqlExecutor, planId: string): Promise<SelectionRow[]> {
    return sql.query<SelectionRow>(
      `SELECT x.subject_id::text AS "subjectId", x.uscc, s.name, s.region_code AS "regionCode", x.tier, x.rank, x.digest
         FROM inspection_selections x JOIN credit_subjects s ON s.id = x.subject_id
        WHERE x.plan_id = $1::bigint ORDER BY x.tier, x.rank`,
      [planId],
    );
  }

  async findSelection(sql: SqlExecutor, planId: string, uscc: string): Promise<SelectionRow | null> {
    const [row] = await sql.query<SelectionRow>(
      `SELECT x.subject_id::text AS "subjectId", x.uscc, s.name, s.region_code AS "regionCode", x.tier, x.rank, x.digest
         FROM inspection_selections x JOIN credit_subjects s ON s.id = x.subject_id
        WHERE x.plan_id = $1::bigint AND x.uscc = $2`,
      [planId, uscc],
    );
    return row ?? null;
  }
}
