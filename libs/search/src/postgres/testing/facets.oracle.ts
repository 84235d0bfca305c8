// The facets of some documents counted in JavaScript, the way the platform defines them: the tests' oracle for
// the SQL that counts them in the search statement (postgres-search.facets.ts).
import type { DisclosureDocument, DisclosureFacets, FacetBucket } from '../../search-index.port';
import { FACET_LIMIT } from '../postgres-search.facets';

/** Buckets by count descending, then value ascending, at most FACET_LIMIT per facet; a department keeps its smallest name. */
export function facetsOfDocuments(docs: DisclosureDocument[]): DisclosureFacets {
  const departments = new Map<string, { label: string | null; count: number }>();
  const regions = new Map<string, number>();
  const years = new Map<string, number>();
  const categories = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const doc of docs) {
    const bucket = departments.get(doc.departmentCode);
    if (!bucket) departments.set(doc.departmentCode, { label: doc.departmentName, count: 1 });
    else {
      bucket.count++;
      if (bucket.label === null || doc.departmentName < bucket.label) bucket.label = doc.departmentName;
    }
    if (doc.regionCode !== null) add(regions, doc.regionCode);
    add(years, doc.decisionDate.slice(0, 4));
    for (const category of doc.penaltyCategories) add(categories, category);
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
