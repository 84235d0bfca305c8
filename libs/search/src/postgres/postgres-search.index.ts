// The default search backend: a table in the platform's own PostgreSQL (works with the embedded database and
// nothing else installed). See public-disclosure.entity.ts for the layout and README.md for the figures.
import { badInput, cursorCodec } from '@credit/common';
import type { Database } from '@credit/db';
import type { IsoDate } from '@credit/domain';
import type {
  DisclosureDocument,
  DisclosureSearchPage,
  DisclosureSearchRequest,
  IndexBuild,
  IndexOperation,
  SearchIndex,
  StoredDocument,
} from '../search-index.port';
import { noFacets, searchExtras } from '../search-index.port';
import { highlightsOf } from '../search-highlights';
import { parseQuery } from '../search-text';
import { PostgresIndexBuild } from './postgres-index.build';
import { applyToTable } from './postgres-index.writes';
import { HitRow, READ_COLUMNS, Tier, toDocument, toHit } from './postgres-search.rows';
import { buildSearchSql, FacetGroupRow, facetsFromGroups, NO_TOKEN_STATS, sqlDateLiteral, TokenStats } from './postgres-search.sql';
import { PreparedSearchTexts } from './prepared-search-texts';
import { dateRangeShareOf } from './search-plan';

export const LIVE_TABLE = 'public_disclosures';

/**
 * Session settings of the connections that answer public searches. The planner does not cost the test of a
 * ~100-key token array per row, so for a frequent word it prefers scanning rows (20 ms for 1,000 matches
 * here) over the GIN bitmap it should use (1.6 ms); every search predicate has an index, so sequential scans
 * are simply discouraged on these connections. JIT only adds latency to queries this short. The table and its
 * indexes are read from memory, not from disk: random_page_cost 1.1 (as on SSDs) lets a walk scoped to a filter
 * take that filter's own index, where the default 4 can prefer the newest-first index and skip most rows. No
 * parallel workers: a search takes milliseconds, and starting two took longer than that (a walk written as a join,
 * tried before the one buildSearchSql writes, went to a Gather Merge: 9.3 ms where it took 1.5 ms alone).
 *
 * Generic plans, forced: a search text that PreparedSearchTexts names runs as a prepared statement, planned once
 * per connection instead of on every search (the text already fixes the plan's shape and carries today's date as
 * a literal); PostgreSQL's own choice (auto) kept custom plans for most texts. The force applies to every
 * statement with parameters on these connections, unnamed ones included (planned on each run, generically):
 * the other statements write today's date into their text too, since a generic plan that had to guess
 * `published_until >= $date` would AND in a bitmap of the whole table (120 ms for a USCC).
 */
export const SEARCH_SESSION_OPTIONS = '-c enable_seqscan=off -c jit=off -c random_page_cost=1.1 -c plan_cache_mode=force_generic_plan -c max_parallel_workers_per_gather=0';

/**
 * Search connections are replaced after this many uses or this long, whichever comes first, so the statements
 * one prepared (at most MAX_PREPARED_TEXTS a window of 10 minutes, prepared-search-texts.ts) go with it: pg-pool
 * hands out the most recently used idle connection, so on a quiet API one connection takes every search and is
 * never idle long enough to be closed.
 */
export const SEARCH_READER_MAX_USES = 20_000;
export const SEARCH_READER_MAX_LIFETIME_SECONDS = 600;
/** The search readers' application_name in pg_stat_activity (the Database pools' is 'credit-platform'). */
export const SEARCH_READER_APPLICATION_NAME = 'credit-search';

/**
 * The database URL with the search session settings, for a dedicated pool of search readers. The name is set in
 * the URL too: node-postgres lets the URL's parameters override its config object, so an application_name in
 * DATABASE_URL would otherwise hide which connections are the searches'.
 */
export function searchReaderUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', SEARCH_SESSION_OPTIONS);
  parsed.searchParams.set('application_name', SEARCH_READER_APPLICATION_NAME);
  return parsed.toString();
}

/** Most-common-element statistics of `tokens` (ANALYZE keeps them current; autovacuum runs it). */
export async function loadTokenStats(db: Database, table = LIVE_TABLE): Promise<TokenStats> {
  const [row] = await db.query<{ elems: string[] | null; freqs: number[] | null; rows: number }>(
    `SELECT s.most_common_elems::text::bigint[]::text[] AS elems, s.most_common_elem_freqs AS freqs, greatest(c.reltuples, 0)::float8 AS rows
       FROM pg_stats s JOIN pg_class c ON c.oid = to_regclass($1)
      WHERE s.schemaname = current_schema() AND s.tablename = $1 AND s.attname = 'tokens'`,
    [table],
  );
  if (!row?.elems || !row.freqs) return NO_TOKEN_STATS;
  const byKey = new Map<number, number>(row.elems.map((key, i) => [Number(key), (row.freqs as number[])[i]]));
  // After the element frequencies come the minimum, maximum and null frequency; a key outside the list is rarer
  // than the rarest listed one.
  const rare = (row.freqs[row.elems.length] ?? 0) / 2;
  const [dates] = await db.query<{ common: string[] | null; frequencies: number[] | null; nulls: number; histogram: string[] | null }>(
    // ISO dates whatever the session's DateStyle, in the statistics' order (the frequencies pair up by position).
    `SELECT ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(most_common_vals::text::date[]) WITH ORDINALITY u(d, n) ORDER BY n) AS common,
            most_common_freqs AS frequencies, null_frac AS nulls,
            ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(histogram_bounds::text::date[]) WITH ORDINALITY u(d, n) ORDER BY n) AS histogram
       FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1 AND attname = 'decision_date'`,
    [table],
  );
  const dateShare = dateRangeShareOf({ common: dates?.common ?? [], commonFrequencies: dates?.frequencies ?? [], nullFraction: dates?.nulls ?? 0, histogram: dates?.histogram ?? [] });
  return { rows: row.rows, frequency: (key) => byKey.get(key) ?? rare, dateShare };
}

const STATS_TTL_MS = 10 * 60_000;

export class PostgresSearchIndex implements SearchIndex {
  readonly backend = 'postgres' as const;
  private stats: { value: Promise<TokenStats>; loadedAt: number } | null = null;
  private readonly prepared = new PreparedSearchTexts();

  /** `db` takes the writes; `reader` (default: db) answers searches, ideally a pool on searchReaderUrl. */
  constructor(
    private readonly db: Database,
    private readonly reader: Database = db,
    private readonly table = LIVE_TABLE,
  ) {}

  async ensureReady(): Promise<void> {
    // The table comes with the migrations.
  }

  async apply(ops: IndexOperation[]): Promise<void> {
    await applyToTable(this.db, this.table, ops);
  }

  async search(request: DisclosureSearchRequest): Promise<DisclosureSearchPage> {
    const query = request.query === null ? null : parseQuery(request.query);
    if (typeof query === 'string') throw badInput(`The query cannot be searched (${query})`, 'query');
    const cursor = decodeTierCursor(request.after);
    const extras = searchExtras(request);
    const { text, params } = buildSearchSql(
      { table: this.table, query, filter: request.filter, asOf: request.asOf, limit: request.first, countBound: request.countBound, cursor, ...extras },
      await this.tokenStats(),
    );
    const [row] = await this.reader.query<{ hits: HitRow[]; sampled?: number; facets?: FacetGroupRow[] | null }>(text, params, this.prepared.nameFor(text));
    const page = row.hits.slice(0, request.first);
    const hasNextPage = row.hits.length > request.first;
    // Without a count: the page itself is the lower bound.
    const counted = row.facets === undefined ? null : facetsFromGroups(row.facets);
    const total = counted?.sampled ?? row.sampled ?? page.length + (hasNextPage ? 1 : 0);
    return {
      hits: page.map((row) => {
        const { tier, doc } = toHit(row);
        return { doc, highlights: query ? highlightsOf(doc, query) : [], cursor: SEARCH_CURSOR.encode([tier, doc.decisionDate, doc.id]) };
      }),
      hasNextPage,
      totalCount: extras.count ? Math.min(total, request.countBound) : page.length,
      totalCountIsLowerBound: extras.count ? total > request.countBound : hasNextPage,
      facets: counted?.facets ?? noFacets(),
    };
  }

  async getVisible(ids: string[], asOf: IsoDate): Promise<DisclosureDocument[]> {
    if (ids.length === 0) return [];
    const today = sqlDateLiteral(asOf);
    const rows = await this.reader.query(
      `SELECT ${READ_COLUMNS} FROM ${this.table}
        WHERE record_id = ANY($1::bigint[]) AND NOT withdrawn AND published_from <= ${today} AND published_until >= ${today}`,
      [ids],
    );
    return rows.map(toDocument);
  }

  async findExpired(asOf: IsoDate, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT record_id::text AS id FROM ${this.table} WHERE NOT withdrawn AND published_until < $1::date ORDER BY published_until LIMIT $2`,
      [asOf, limit],
    );
    return rows.map((row) => row.id);
  }

  async scan(afterId: string | null, limit: number): Promise<StoredDocument[]> {
    const rows = await this.db.query(
      `SELECT ${READ_COLUMNS} FROM ${this.table} WHERE NOT withdrawn AND record_id > $1::bigint ORDER BY record_id LIMIT $2`,
      [afterId ?? '0', limit],
    );
    return rows.map((row) => ({ version: Number(row.version), doc: toDocument(row) }));
  }

  /**
   * Cached for ten minutes; a failure to read them only costs plan quality (everything counts as rare). One
   * load at a time: the searches arriving meanwhile wait for it instead of each reading the ~10,000-element
   * statistics themselves (50 at once after every start and every expiry, 2% of a benchmark run's CPU).
   */
  private tokenStats(): Promise<TokenStats> {
    if (this.stats === null || Date.now() - this.stats.loadedAt > STATS_TTL_MS) {
      this.stats = { value: loadTokenStats(this.reader, this.table).catch(() => NO_TOKEN_STATS), loadedAt: Date.now() };
    }
    return this.stats.value;
  }

  async beginBuild(): Promise<IndexBuild> {
    return PostgresIndexBuild.start(this.db, this.table);
  }
}

/** Relevance band, decision date, record id: the order of every search page. */
const SEARCH_CURSOR = cursorCodec('band', 'date', 'id');

function decodeTierCursor(after: string | null): { tier: Tier; date: string; id: string } | null {
  const key = SEARCH_CURSOR.decode(after);
  if (key === null) return null;
  const [tier, date, id] = key;
  // A band the ranking never gives (3–99) matches nothing after it: an empty page, not an error.
  return { tier: tier as Tier, date, id };
}
