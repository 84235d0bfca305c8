// Index settings and the strict mapping of the Elasticsearch backend. Text is analysed the same way as the
// PostgreSQL tokens: standard tokenizer, cjk_width (full-width folding), lowercase, cjk_bigram.
import type { estypes } from '@elastic/elasticsearch';
import type { DisclosureDocument } from '../search-index.port';
import { regionPrefixes } from '../search-text';

export const DEFAULT_ALIAS = 'credit-disclosures';

export const INDEX_SETTINGS: estypes.IndicesIndexSettings = {
  number_of_shards: 1,
  // A delete leaves a versioned tombstone for gc_deletes; a day is far beyond any outbox lease, so a stalled
  // worker's stale write cannot resurrect a withdrawn document after its tombstone is collected.
  gc_deletes: '1d',
  analysis: {
    analyzer: {
      cjk_bigram_text: { type: 'custom', tokenizer: 'standard', filter: ['cjk_width', 'lowercase', 'cjk_bigram'] },
    },
    normalizer: {
      exact: { type: 'custom', filter: ['cjk_width', 'lowercase', 'trim'] },
      upper: { type: 'custom', filter: ['uppercase', 'trim'] },
    },
  },
};

const text = { type: 'text', analyzer: 'cjk_bigram_text' } as const;
const keyword = { type: 'keyword' } as const;
const stored = { type: 'keyword', index: false, doc_values: false } as const;

/**
 * Fields added to the mapping after indices were first created in production: ensureReady adds them to an
 * older live index in place (ES accepts new fields; changing an existing one needs the reindex).
 * withdrawnOn / withdrawalReason: the withdrawal notice of a revoked decision (行政处罚法 art. 48).
 */
export const ADDED_PROPERTIES: Record<string, estypes.MappingProperty> = {
  withdrawnOn: { type: 'date', format: 'strict_date' },
  withdrawalReason: { type: 'text', index: false },
};

export const MAPPINGS: estypes.MappingTypeMapping = {
  dynamic: 'strict',
  properties: {
    id: { type: 'long' },
    partyType: keyword,
    partyName: { ...text, fields: { exact: { type: 'keyword', normalizer: 'exact', ignore_above: 256 } } },
    uscc: { type: 'keyword', normalizer: 'upper' },
    legalRepresentative: stored,
    decisionNumber: { type: 'keyword', normalizer: 'exact' },
    violationType: text,
    violationFacts: text,
    legalBasis: { type: 'text', index: false },
    penaltyCategories: keyword,
    penaltyContent: { type: 'text', index: false },
    fineAmount: stored,
    confiscatedAmount: stored,
    decisionDate: { type: 'date', format: 'strict_date' },
    decisionYear: keyword,
    publishedFrom: { type: 'date', format: 'strict_date' },
    publishedUntil: { type: 'date', format: 'strict_date' },
    authorityName: stored,
    departmentCode: keyword,
    departmentName: keyword,
    regionCode: keyword,
    regionPrefixes: keyword,
    severity: keyword,
    ...ADDED_PROPERTIES,
  },
};

/** The stored source: the document plus the derived filter fields. */
export function toSource(doc: DisclosureDocument): Record<string, unknown> {
  return { ...doc, id: Number(doc.id), decisionYear: doc.decisionDate.slice(0, 4), regionPrefixes: regionPrefixes(doc.regionCode) };
}

export function fromSource(source: Record<string, any>): DisclosureDocument {
  const { decisionYear: _year, regionPrefixes: _prefixes, ...doc } = source;
  return { ...(doc as DisclosureDocument), id: String(source.id), withdrawnOn: doc.withdrawnOn ?? null, withdrawalReason: doc.withdrawalReason ?? null };
}
