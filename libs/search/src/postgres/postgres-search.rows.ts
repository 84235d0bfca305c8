// The search table's rows: the columns a document is written to and read from, the version-guarded writes, and
// the page rows of the search statement read back into documents.
import type { DisclosureDocument } from '../search-index.port';
import { documentTokens, tokenKey } from './postgres-search.tokens';

/** [document key, column, SQL type] — the order shared by every write and read. */
const CONTENT: [keyof DisclosureDocument, string, string][] = [
  ['partyType', 'party_type', 'text'],
  ['partyName', 'party_name', 'text'],
  ['uscc', 'uscc', 'text'],
  ['legalRepresentative', 'legal_representative', 'text'],
  ['decisionNumber', 'decision_number', 'text'],
  ['violationType', 'violation_type', 'text'],
  ['violationFacts', 'violation_facts', 'text'],
  ['legalBasis', 'legal_basis', 'text'],
  ['penaltyCategories', 'penalty_categories', 'text[]'],
  ['penaltyContent', 'penalty_content', 'text'],
  ['fineAmount', 'fine_amount', 'numeric'],
  ['confiscatedAmount', 'confiscated_amount', 'numeric'],
  ['decisionDate', 'decision_date', 'date'],
  ['publishedFrom', 'published_from', 'date'],
  ['publishedUntil', 'published_until', 'date'],
  ['authorityName', 'authority_name', 'text'],
  ['departmentCode', 'department_code', 'text'],
  ['departmentName', 'department_name', 'text'],
  ['regionCode', 'region_code', 'text'],
  ['severity', 'severity', 'text'],
  ['withdrawnOn', 'withdrawn_on', 'date'],
  ['withdrawalReason', 'withdrawal_reason', 'text'],
];

const CONTENT_COLUMNS = CONTENT.map(([, column]) => column);

/** Columns read back into a DisclosureDocument (amounts as text: numeric must stay exact). */
export const READ_COLUMNS = [
  'record_id::text AS id',
  'version::text AS version',
  ...CONTENT.map(([, column, type]) => (type === 'numeric' ? `${column}::text AS ${column}` : column)),
].join(', ');

export function upsertSql(table: string): string {
  const recordset = ['record_id bigint', 'version bigint', ...CONTENT.map(([, column, type]) => `${column} ${type}`), 'tokens bigint[]'].join(', ');
  const set = [...CONTENT_COLUMNS, 'tokens'].map((column) => `${column} = EXCLUDED.${column}`).join(', ');
  return `INSERT INTO ${table} AS p (record_id, version, withdrawn, ${CONTENT_COLUMNS.join(', ')}, tokens, indexed_at)
          SELECT d.record_id, d.version, false, ${CONTENT_COLUMNS.map((c) => `d.${c}`).join(', ')}, d.tokens, now()
            FROM jsonb_to_recordset($1::jsonb) AS d(${recordset})
           ORDER BY d.record_id
          ON CONFLICT (record_id) DO UPDATE SET version = EXCLUDED.version, withdrawn = false, ${set}, indexed_at = now()
           WHERE p.version < EXCLUDED.version`;
}

/** A delete writes a tombstone that keeps the version and drops the content and the keys. */
export function tombstoneSql(table: string): string {
  const clear = CONTENT_COLUMNS.map((column) => `${column} = NULL`).join(', ');
  return `INSERT INTO ${table} AS p (record_id, version, withdrawn, tokens, indexed_at)
          SELECT t.id, t.version, true, '{}', now() FROM unnest($1::bigint[], $2::bigint[]) AS t(id, version) ORDER BY t.id
          ON CONFLICT (record_id) DO UPDATE SET version = EXCLUDED.version, withdrawn = true, ${clear}, tokens = '{}', indexed_at = now()
           WHERE p.version < EXCLUDED.version`;
}

/** One JSON row for jsonb_to_recordset. */
export function toWriteRow(doc: DisclosureDocument, version: number): Record<string, unknown> {
  const row: Record<string, unknown> = { record_id: doc.id, version, tokens: documentTokens(doc).map(tokenKey) };
  for (const [key, column] of CONTENT) row[column] = doc[key];
  return row;
}

/** Relevance tiers: 2 exact name / USCC / decision number, 1 every term found elsewhere; 0 without a query. */
export type Tier = 0 | 1 | 2;

/** numeric(18,6) reads back as "0.500000": the canonical "0.5" the department sent. */
export function canonicalAmount(value: string | null): string | null {
  if (value === null) return null;
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

/**
 * The page's rows as JSON arrays in this order, not objects: the column names were half of the page's JSON,
 * which the API receives, decodes and parses on every search (JSON.parse of a page: 65 → 34 µs here).
 */
export const HIT_FIELDS = ['tier', 'id', ...CONTENT.map(([, column]) => column)];

/** One page row as the statement returns it (see HIT_FIELDS). */
export type HitRow = unknown[];

/** Position of each content column in a page row. */
const HIT_INDEX = new Map(CONTENT.map(([key], i) => [key, i + 2]));

/** A page row back to its relevance band and document (by position: no intermediate object per row). */
export function toHit(row: HitRow): { tier: Tier; doc: DisclosureDocument } {
  return { tier: row[0] as Tier, doc: documentFrom(row[1], (key) => row[HIT_INDEX.get(key) as number]) };
}

/** Column of each content key (see CONTENT). */
const COLUMN_OF = new Map(CONTENT.map(([key, column]) => [key, column]));

/** A row (snake_case, as READ_COLUMNS names it) back to a document. */
export function toDocument(row: Record<string, any>): DisclosureDocument {
  return documentFrom(row.id, (key) => row[COLUMN_OF.get(key) as string]);
}

/** A document from its id and its content read key by key: the one mapping for rows by name and by position. */
function documentFrom(id: unknown, at: (key: keyof DisclosureDocument) => any): DisclosureDocument {
  return {
    id: String(id),
    partyType: at('partyType'),
    partyName: at('partyName'),
    uscc: at('uscc'),
    legalRepresentative: at('legalRepresentative'),
    decisionNumber: at('decisionNumber'),
    violationType: at('violationType'),
    violationFacts: at('violationFacts'),
    legalBasis: at('legalBasis'),
    penaltyCategories: at('penaltyCategories') ?? [],
    penaltyContent: at('penaltyContent'),
    fineAmount: canonicalAmount(at('fineAmount')),
    confiscatedAmount: canonicalAmount(at('confiscatedAmount')),
    decisionDate: at('decisionDate'),
    publishedFrom: at('publishedFrom'),
    publishedUntil: at('publishedUntil'),
    authorityName: at('authorityName'),
    departmentCode: at('departmentCode'),
    departmentName: at('departmentName'),
    regionCode: at('regionCode'),
    severity: at('severity'),
    withdrawnOn: at('withdrawnOn') ?? null,
    withdrawalReason: at('withdrawalReason') ?? null,
  };
}
