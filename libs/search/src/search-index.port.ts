// The SearchIndex port: what the disclosure capability needs from a search engine. Two adapters implement it
// (PostgreSQL by default, Elasticsearch at scale) and one contract suite holds them to the same behaviour.
import type { IsoDate } from '@credit/domain';

/** The public projection of one published penalty decision, as indexed. Never an ID number. */
export interface DisclosureDocument {
  /** The penalty record id. */
  id: string;
  partyType: string;
  partyName: string;
  uscc: string | null;
  legalRepresentative: string | null;
  decisionNumber: string;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  penaltyCategories: string[];
  penaltyContent: string;
  fineAmount: string | null;
  confiscatedAmount: string | null;
  decisionDate: IsoDate;
  publishedFrom: IsoDate;
  /** Last visible day (inclusive). */
  publishedUntil: IsoDate;
  authorityName: string;
  departmentCode: string;
  departmentName: string;
  /** GB/T 2260 code of the party's registration (organisations) or of the deciding department. */
  regionCode: string | null;
  severity: string;
  /**
   * Set when the decision was revoked after publication: the document is then a withdrawal notice (行政处罚法
   * art. 48: 撤回…并公开说明理由) carrying the decision number, authority, date and this reason, with the facts,
   * basis, content and amounts emptied; publishedFrom..publishedUntil is the notice's own period.
   */
  withdrawnOn: IsoDate | null;
  withdrawalReason: string | null;
}

/**
 * Every write carries an external version (the outbox sequence value): a write with a version not greater
 * than the one the index holds for that id, a delete included, changes nothing. Replays are therefore no-ops and
 * reordering never resurrects a withdrawn or older document.
 */
export type IndexOperation =
  | { op: 'upsert'; version: number; doc: DisclosureDocument }
  | { op: 'delete'; id: string; version: number };

export interface DisclosureSearchFilter {
  regionCode?: string | null;
  departmentCode?: string | null;
  penaltyCategory?: string | null;
  severity?: string | null;
  decisionDateFrom?: IsoDate | null;
  decisionDateTo?: IsoDate | null;
  uscc?: string | null;
}

export interface DisclosureSearchRequest {
  /** Free text (already checked by parseQuery); null lists newest first. */
  query: string | null;
  filter: DisclosureSearchFilter;
  first: number;
  /** Opaque cursor issued by the same adapter. */
  after: string | null;
  /** Only documents with publishedFrom ≤ asOf ≤ publishedUntil are returned. */
  asOf: IsoDate;
  /** Count exactly up to this many matches; beyond it totalCount is this bound and flagged as a lower bound. */
  countBound: number;
  /**
   * Whether to count the matches (up to countBound); default true. Without it the adapter only reads the page:
   * totalCount is then the number of hits on the page, flagged as a lower bound when there is a next page.
   */
  count?: boolean;
  /** Whether to count the facets (implies counting); default true. Without it every facet is empty. */
  facets?: boolean;
}

/** What a search request asks beyond the page, with the defaults (both true) filled in. */
export function searchExtras(request: Pick<DisclosureSearchRequest, 'count' | 'facets'>): { count: boolean; facets: boolean } {
  const facets = request.facets !== false;
  return { facets, count: facets || request.count !== false };
}

/** The facets of a search that did not ask for them. */
export function noFacets(): DisclosureFacets {
  return { departments: [], regions: [], years: [], categories: [] };
}

export interface FacetBucket {
  value: string;
  label: string | null;
  count: number;
}

export interface DisclosureFacets {
  departments: FacetBucket[];
  regions: FacetBucket[];
  years: FacetBucket[];
  categories: FacetBucket[];
}

export interface DisclosureHit {
  doc: DisclosureDocument;
  /** Snippets with the matched text wrapped in <em>…</em> (HTML-escaped around it); empty without a query. */
  highlights: string[];
  cursor: string;
}

export interface DisclosureSearchPage {
  hits: DisclosureHit[];
  hasNextPage: boolean;
  totalCount: number;
  totalCountIsLowerBound: boolean;
  /** Counted over the same matches as totalCount: exact when it is, a sample of the first countBound otherwise. */
  facets: DisclosureFacets;
}

/** A document as stored, for verification: the version it was written with. */
export interface StoredDocument {
  version: number;
  doc: DisclosureDocument;
}

/** A new index version being built beside the live one; commit swaps it in atomically and drops the old. */
export interface IndexBuild {
  readonly name: string;
  apply(ops: IndexOperation[]): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface SearchIndex {
  readonly backend: 'postgres' | 'elasticsearch';
  /** Creates the live index (and alias) when missing. Idempotent. */
  ensureReady(): Promise<void>;
  /** Applies upserts and deletes, each guarded by its version. Throws when the backend cannot take them. */
  apply(ops: IndexOperation[]): Promise<void>;
  search(request: DisclosureSearchRequest): Promise<DisclosureSearchPage>;
  /** Live documents by id that are visible on asOf; missing, withdrawn or out-of-window ids are left out. */
  getVisible(ids: string[], asOf: IsoDate): Promise<DisclosureDocument[]>;
  /** Ids of live documents whose publishedUntil is before asOf (expired, awaiting withdrawal). */
  findExpired(asOf: IsoDate, limit: number): Promise<string[]>;
  /** Live documents in ascending numeric id order after `afterId`, for verification. */
  scan(afterId: string | null, limit: number): Promise<StoredDocument[]>;
  beginBuild(): Promise<IndexBuild>;
}

export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

/**
 * The default bound for exact counting (DESIGN.md §5: pages are cheap, totals are not). Counting, and the facets
 * with it, reads one row per counted match; at 1,000,000 documents a bound of 1,000 cost 13–90 ms per frequent
 * query here, 200 costs 2–7 ms. Beyond it a page says "200+" (totalCountIsLowerBound).
 */
export const DEFAULT_COUNT_BOUND = 200;
