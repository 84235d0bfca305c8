// The query mix of the benchmark: two-character words, party names (whole and partial), USCCs (as the query
// and as a filter), and filters alone or with a word. Names and USCCs are sampled from the loaded data.
import type { Database } from '@credit/db';
import { addMonths, todayInChina } from '@credit/domain';

/** What a public search page asks for: a page of 20 with highlights, the count and the facets. */
export const QUERY = `query($query: String, $filter: DisclosureFilter, $first: Int) {
  searchDisclosures(query: $query, filter: $filter, first: $first) {
    totalCount totalCountIsLowerBound
    edges { node { id partyName uscc decisionNumber violationType penaltyCategories fineAmount decisionDate publishedUntil authorityName departmentName regionCode highlights } }
    pageInfo { hasNextPage endCursor }
    facets { departments { value label count } regions { value label count } years { value count } categories { value label count } }
  } }`;

/** A results list that needs neither the count nor the facets (a next page, an embedded list). */
export const PAGE_QUERY = `query($query: String, $filter: DisclosureFilter, $first: Int) {
  searchDisclosures(query: $query, filter: $filter, first: $first) {
    edges { node { id partyName uscc decisionNumber violationType penaltyCategories fineAmount decisionDate publishedUntil authorityName departmentName regionCode highlights } }
    pageInfo { hasNextPage endCursor }
  } }`;

export interface Variant {
  label: string;
  kind: 'word' | 'name' | 'uscc' | 'filter';
  variables: Record<string, unknown>;
}

const WORDS = ['食品', '假冒', '餐饮', '过期', '商标', '广告', '许可', '超市', '药品', '排放', '家电', '茶叶', '消防', '儿童', '野生', '纳税'];

export async function buildVariants(db: Database): Promise<Variant[]> {
  const sample = await db.query<{ party_name: string; uscc: string }>(
    `SELECT party_name, uscc FROM public_disclosures
      WHERE record_id IN (SELECT 1 + (g::bigint * 7919) % (SELECT max(record_id) FROM public_disclosures) FROM generate_series(1, 40) g) AND NOT withdrawn
      ORDER BY record_id LIMIT 26`,
  );
  const today = todayInChina();
  const variants: Variant[] = WORDS.map((word) => ({ label: word, kind: 'word', variables: { query: word } }));
  for (const row of sample.slice(0, 10)) variants.push({ label: row.party_name, kind: 'name', variables: { query: row.party_name } });
  for (const partial of ['华星电器', '永盛食品', '琅琊区鑫达', '明光市金源', '宏发建材', '天长市']) variants.push({ label: partial, kind: 'name', variables: { query: partial } });
  for (const row of sample.slice(10, 18)) variants.push({ label: row.uscc, kind: 'uscc', variables: { query: row.uscc } });
  for (const row of sample.slice(18, 26)) variants.push({ label: `uscc=${row.uscc}`, kind: 'uscc', variables: { filter: { uscc: row.uscc } } });
  const filters: [string, Record<string, unknown>, string | null][] = [
    ['department', { departmentCode: 'CZ-HBJ' }, null],
    ['region', { regionCode: '341181' }, null],
    ['city', { regionCode: '341100' }, null],
    ['serious', { severity: 'SERIOUS' }, null],
    ['category', { penaltyCategory: 'REVOKE_LICENSE' }, null],
    ['last month', { decisionDateFrom: addMonths(today, -1), decisionDateTo: today }, null],
    ['newest', {}, null],
    ['食品+department', { departmentCode: 'CZ-SCJGJ' }, '食品'],
    ['假冒+region', { regionCode: '341102' }, '假冒'],
    ['过期+serious', { severity: 'SERIOUS' }, '过期'],
    ['广告+date', { decisionDateFrom: addMonths(today, -3), decisionDateTo: addMonths(today, -2) }, '广告'],
    ['餐饮+category', { penaltyCategory: 'SUSPEND_LICENSE' }, '餐饮'],
    ['region+serious', { regionCode: '341126', severity: 'SERIOUS' }, null],
    ['department+date', { departmentCode: 'CZ-SWJ', decisionDateFrom: addMonths(today, -6) }, null],
    ['药品+city', { regionCode: '341100' }, '药品'],
    ['许可+department', { departmentCode: 'CZ-WLJ' }, '许可'],
  ];
  for (const [label, filter, query] of filters) variants.push({ label, kind: 'filter', variables: query ? { query, filter } : { filter } });
  return variants;
}
