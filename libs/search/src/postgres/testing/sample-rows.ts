// For the PostgreSQL search's tests: the facets of a set of documents counted plainly, in JavaScript, one sampled
// document at a time. The statement counts them itself (FACET_GROUPS in postgres-search.sql.ts); the tests hold
// what it returns against this, so a test's expected facets come from the documents themselves.
import type { DisclosureDocument, DisclosureFacets, FacetBucket } from '../../search-index.port';

/** What the facets count of one sampled match: department code and name, region, decision year, categories. */
export type SampleRow = [string | null, string | null, string | null, number | null, string[] | null];

export function sampleRowsOf(docs: readonly DisclosureDocument[]): SampleRow[] {
  return docs.map((doc) => [doc.departmentCode, doc.departmentName, doc.regionCode, Number(doc.decisionDate.slice(0, 4)), doc.penaltyCategories]);
}

const FACET_LIMIT = 20;

/** Facet buckets of the sample: count descending, then value ascending, at most FACET_LIMIT per facet. */
export function facetsOf(sample: SampleRow[]): DisclosureFacets {
  const departments = new Map<string, { label: string | null; count: number }>();
  const regions = new Map<string, number>();
  const years = new Map<string, number>();
  const categories = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const [department, departmentName, region, year, categoryList] of sample) {
    if (department !== null) {
      const bucket = departments.get(department);
      if (bucket) {
        bucket.count++;
        // the smallest name, should one department code carry two names
        if (departmentName !== null && (bucket.label === null || departmentName < bucket.label)) bucket.label = departmentName;
      } else {
        departments.set(department, { label: departmentName, count: 1 });
      }
    }
    if (region !== null) add(regions, region);
    if (year !== null) add(years, String(year));
    for (const category of categoryList ?? []) if (category !== null) add(categories, category);
  }
  const top = (buckets: FacetBucket[]) =>
    buckets.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, FACET_LIMIT);
  const plain = (map: Map<string, number>) => top([...map].map(([value, count]) => ({ value, label: null, count })));
  return {
    departments: top([...departments].map(([value, { label, count }]) => ({ value, label, count }))),
    regions: plain(regions),
    years: plain(years),
    categories: plain(categories),
  };
}
