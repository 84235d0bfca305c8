import type { DisclosureDocument } from './search-index.port';
import { highlight, ParsedQuery } from './search-text';

/** Snippets for the fields a reader scans: name, codes, violation type, facts. */
export function highlightsOf(doc: DisclosureDocument, query: ParsedQuery): string[] {
  const fields = [doc.partyName, doc.uscc, doc.decisionNumber, doc.violationType, doc.violationFacts];
  return fields.map((field) => highlight(field, query.terms)).filter((snippet): snippet is string => snippet !== null);
}
