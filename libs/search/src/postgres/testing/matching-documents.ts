// For the PostgreSQL search's integration tests: the documents a search should find, computed from the documents
// themselves (every word of the query in name, violation type or facts; the filters), newest first and the higher
// id first within a day, the order of the matches after the exact ones.
import type { DisclosureDocument, DisclosureSearchFilter } from '../../search-index.port';

export function matchingDocuments(docs: readonly DisclosureDocument[], query: string | null, filter: DisclosureSearchFilter): DisclosureDocument[] {
  const words = query ? query.split(' ') : [];
  return docs
    .filter((doc) => words.every((word) => `${doc.partyName}\n${doc.violationType}\n${doc.violationFacts}`.includes(word)))
    .filter((doc) => (!filter.departmentCode || doc.departmentCode === filter.departmentCode) && (!filter.severity || doc.severity === filter.severity))
    .filter((doc) => !filter.regionCode || (doc.regionCode ?? '').startsWith(filter.regionCode.replace(/(00)+$/, '')))
    .filter((doc) => (!filter.decisionDateFrom || doc.decisionDate >= filter.decisionDateFrom) && (!filter.decisionDateTo || doc.decisionDate <= filter.decisionDateTo))
    .sort((a, b) => (a.decisionDate === b.decisionDate ? Number(b.id) - Number(a.id) : a.decisionDate < b.decisionDate ? 1 : -1));
}
