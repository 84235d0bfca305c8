// For the PostgreSQL search's integration tests: the sample rows the statement returns for these documents, so the
// facets a test expects are computed from the documents themselves (facetsOf).
import type { DisclosureDocument } from '../../search-index.port';
import type { SampleRow } from '../postgres-search.sql';

export function sampleRowsOf(docs: readonly DisclosureDocument[]): SampleRow[] {
  return docs.map((doc) => [doc.departmentCode, doc.departmentName, doc.regionCode, Number(doc.decisionDate.slice(0, 4)), doc.penaltyCategories]);
}
