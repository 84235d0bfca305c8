// The statistics of 双随机、一公开 for regulators: one aggregate per question, over the plans of a year in a region
// subtree (the plan's region), all set-based.
import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@credit/db';

export interface StatsRow {
  plans: number;
  draftPlans: number;
  completedPlans: number;
  drawnByTier: { tier: string; candidates: number; drawn: number }[];
  subjectsDrawn: number;
  resultsRecorded: number;
  resultsByCategory: { category: string; count: number }[];
  overdueResults: number;
  overduePublications: number;
}

@Injectable()
export class InspectionStatsRepository {
  async stats(sql: SqlExecutor, prefix: string | null, year: number, today: string): Promise<StatsRow> {
    const [row] = await sql.query<StatsRow>(
      `WITH p AS MATERIALIZED (
         SELECT id, status, planned_end, draw_strata FROM inspection_plans
          WHERE year = $2 AND ($1::text IS NULL OR region_code LIKE $1::text || '%')
       ),
       tiers AS (
         SELECT t.tier, coalesce(sum((s->>'candidates')::int), 0)::int AS candidates, coalesce(sum((s->>'count')::int), 0)::int AS drawn
           FROM unnest(ARRAY['A', 'B', 'C', 'D']) AS t(tier)
           LEFT JOIN (SELECT jsonb_array_elements(draw_strata) AS s FROM p WHERE draw_strata IS NOT NULL) e ON e.s->>'tier' = t.tier
          GROUP BY t.tier
       ),
       r AS (SELECT r.category, r.publication_due, r.id FROM inspection_results r WHERE r.plan_id IN (SELECT id FROM p))
       SELECT (SELECT count(*) FROM p)::int AS plans,
              (SELECT count(*) FROM p WHERE status = 'DRAFT')::int AS "draftPlans",
              (SELECT count(*) FROM p WHERE status = 'COMPLETED')::int AS "completedPlans",
              (SELECT jsonb_agg(jsonb_build_object('tier', tier, 'candidates', candidates, 'drawn', drawn) ORDER BY tier) FROM tiers) AS "drawnByTier",
              (SELECT count(*) FROM inspection_selections x WHERE x.plan_id IN (SELECT id FROM p))::int AS "subjectsDrawn",
              (SELECT count(*) FROM r)::int AS "resultsRecorded",
              coalesce((SELECT jsonb_agg(jsonb_build_object('category', category, 'count', n) ORDER BY category)
                          FROM (SELECT category, count(*)::int AS n FROM r GROUP BY category) c), '[]'::jsonb) AS "resultsByCategory",
              (SELECT count(*) FROM inspection_selections x JOIN p ON p.id = x.plan_id
                WHERE p.planned_end < $3::date
                  AND NOT EXISTS (SELECT 1 FROM inspection_results y WHERE y.plan_id = x.plan_id AND y.subject_id = x.subject_id))::int AS "overdueResults",
              (SELECT count(*) FROM r WHERE r.publication_due < $3::date
                  AND NOT EXISTS (SELECT 1 FROM inspection_published_results z WHERE z.id = r.id))::int AS "overduePublications"`,
      [prefix, year, today],
    );
    return row;
  }
}
