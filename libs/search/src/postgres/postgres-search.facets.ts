// The facets of a PostgreSQL search, counted in the statement from its bounded sample. The API used to receive the
// sample itself (one JSON array per sampled match, ~17.5 KB for a full page of the bench's mix) and count it in
// JavaScript; decoding and parsing that JSON was a tenth of the API's CPU per search. Now it receives the buckets.
import type { DisclosureFacets, FacetBucket } from '../search-index.port';

/** At most this many buckets per facet, the most frequent ones. */
export const FACET_LIMIT = 20;

/**
 * The facet columns each sampled match carries. `decision_date` is also the newest-first order of a walked sample,
 * and `record_id` what the union with the exact matches removes duplicates by.
 */
export const SAMPLE_COLUMNS = 'record_id, decision_date, department_code, department_name, region_code, penalty_categories';

/**
 * One facet's buckets as a JSON array of [value, label, count]: count descending, then value ascending by code
 * point (COLLATE "C", whatever the database's collation), nulls not counted. A department's label is the smallest
 * of its names, should one code carry two.
 */
function bucketsSql(sample: string, value: string, label: string | null, from = sample): string {
  return `(SELECT coalesce(json_agg(json_build_array(b.v, b.l, b.n) ORDER BY b.n DESC, b.v), '[]')
             FROM (SELECT ${value} COLLATE "C" AS v, ${label ? `min(${label} COLLATE "C")` : 'NULL::text'} AS l, count(*)::int AS n
                     FROM ${from} WHERE ${value} IS NOT NULL GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ${FACET_LIMIT}) b)`;
}

/**
 * The select-list item that returns the sample's size and its four facets as one JSON array:
 * [size, departments, regions, years, categories], read back by facetsFrom.
 */
export function facetsSql(sample: string): string {
  return `json_build_array(
             (SELECT count(*)::int FROM ${sample}),
             ${bucketsSql(sample, 'department_code', 'department_name')},
             ${bucketsSql(sample, 'region_code', null)},
             ${bucketsSql(sample, `date_part('year', decision_date)::int::text`, null)},
             ${bucketsSql(sample, 'category', null, `${sample}, unnest(penalty_categories) AS category`)}) AS facets`;
}

type Bucket = [string, string | null, number];

/** The statement's facets column: the sample's size and the buckets. */
export type FacetsColumn = [number, Bucket[], Bucket[], Bucket[], Bucket[]];

export function facetsFrom([sampled, departments, regions, years, categories]: FacetsColumn): { sampled: number; facets: DisclosureFacets } {
  const buckets = (rows: Bucket[]): FacetBucket[] => rows.map(([value, label, count]) => ({ value, label, count }));
  return { sampled, facets: { departments: buckets(departments), regions: buckets(regions), years: buckets(years), categories: buckets(categories) } };
}
