// A short-lived cache of search pages shared by every caller of one process (公示查询结果缓存): public
// searches are anonymous and the same for everyone, and the popular ones (the newest list, common words, a
// department's page) repeat many times a second. Identical requests arriving together share one backend query
// (single flight); an answer is reused for at most `ttlMs`.
//
// Withdrawals must disappear within 5 s (DESIGN.md §3). Every write through this process (the outbox worker
// with `npm start`, the reindex swap) drops the whole cache at once, and a search that was already running
// when the write happened is not stored. A worker in another process cannot reach this cache, so there the
// bound is the worker's delay plus `ttlMs`: keep ttlMs well below 5 s minus the outbox delivery interval.
//
// A popular page is refreshed ahead of its expiry: a hit in the last 15 % of its lifetime, on a page asked at
// least POPULAR_HITS times, starts one search in the background while the cached page keeps answering, and the
// fresh page replaces it; should the page expire before that search is back, callers wait for it rather than
// start another. So a search asked many times a second does not wait for the database each time its page expires
// (on the bench's head mix those waits made the 99th percentile: 161-202 ms with expiry, 99-118 ms without). A
// refreshed page lives `ttlMs` from when its search began, like any other, so nothing is served older than before.
import { Counter } from 'prom-client';
import { metricsRegistry } from '@credit/common';
import type { IsoDate } from '@credit/domain';
import type { DisclosureDocument, DisclosureSearchPage, DisclosureSearchRequest, IndexBuild, IndexOperation, SearchIndex, StoredDocument } from './search-index.port';
import { searchExtras } from './search-index.port';

/** Lookups of the result cache (hit: answered from it, a search already in flight included; miss: sent on). */
export const searchCacheLookups = new Counter({
  name: 'credit_search_cache_lookups_total',
  help: 'Public search result cache lookups by result (hit or miss); hit rate = hit / (hit + miss)',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

/**
 * Background refreshes of popular pages: stored; dropped (a write cleared the page, or it was evicted, replaced or
 * past its lifetime when the search came back); failed (the page expires as before). The database searches the cache
 * sends on are its misses plus these.
 */
export const searchCacheRefreshes = new Counter({
  name: 'credit_search_cache_refreshes_total',
  help: 'Popular public search pages searched again ahead of expiry, by result (stored; dropped: a write cleared the page, or it was evicted, replaced or expired first; failed)',
  labelNames: ['result'] as const,
  registers: [metricsRegistry],
});

/** Default lifetime of a cached page: far inside the 5 s withdrawal bound, long enough to absorb bursts. */
export const DEFAULT_SEARCH_CACHE_TTL_MS = 2_000;
const DEFAULT_MAX_ENTRIES = 500;
/**
 * Share of a page's lifetime after which a hit on a popular page refreshes it: late, so a page asked all the time
 * costs the database little more than when it expired (one search per 1.7 s instead of per 2 s and its latency),
 * early enough for a search of the bench's head mix (tens of milliseconds) to be back before the page expires.
 */
const REFRESH_AFTER_SHARE = 0.85;
/** Hits a page needs before it is refreshed ahead: a page asked once or twice is left to expire. */
const POPULAR_HITS = 2;

interface Entry {
  page: Promise<DisclosureSearchPage>;
  expiresAt: number;
  refreshAt: number;
  hits: number;
  /** The page has arrived (a search in flight is not refreshed). */
  settled: boolean;
  /** A refresh of this entry has begun (at most one, successful or not). */
  refreshing: boolean;
  /** That refresh while it runs (null once it failed), and when it began. */
  refresh: Promise<DisclosureSearchPage> | null;
  refreshStartedAt: number;
}

export class CachedSearchIndex implements SearchIndex {
  readonly backend: SearchIndex['backend'];
  /** A write clears it (invalidate), so a search begun before the write finds its entry gone and is not kept. */
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly inner: SearchIndex,
    private readonly ttlMs = DEFAULT_SEARCH_CACHE_TTL_MS,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
    // Monotonic: a wall clock stepped back would keep every page answering for as long again.
    private readonly now: () => number = () => performance.now(),
  ) {
    this.backend = inner.backend;
  }

  search(request: DisclosureSearchRequest): Promise<DisclosureSearchPage> {
    if (this.ttlMs <= 0) return this.inner.search(request);
    const key = cacheKey(request);
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) {
      searchCacheLookups.inc({ result: 'hit' });
      hit.hits++;
      if (hit.settled && !hit.refreshing && hit.hits >= POPULAR_HITS && now >= hit.refreshAt) this.refresh(key, request, hit, now);
      return hit.page;
    }
    if (hit?.refresh && hit.refreshStartedAt + this.ttlMs > now) {
      // Expired while its refresh is running: that search is the fresh page, in flight (stored when it is back).
      searchCacheLookups.inc({ result: 'hit' });
      return hit.refresh;
    }
    searchCacheLookups.inc({ result: 'miss' });
    const page = this.inner.search(request);
    const entry = this.store(key, page, now);
    page.then(
      () => (entry.settled = true),
      () => {
        // A failure is never cached.
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return page;
  }

  /** A new entry for `key`, begun at `startedAt`; the oldest entries go beyond maxEntries. */
  private store(key: string, page: Promise<DisclosureSearchPage>, startedAt: number, settled = false): Entry {
    const entry: Entry = {
      page, expiresAt: startedAt + this.ttlMs, refreshAt: startedAt + this.ttlMs * REFRESH_AFTER_SHARE, hits: 0, settled, refreshing: false, refresh: null, refreshStartedAt: 0,
    };
    // Deleted first, so a replaced key moves to the end: a Map keeps insertion order, and eviction takes the front.
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return entry;
  }

  /**
   * Searches again in the background while `stale` keeps answering; the new page replaces it while `stale` is still
   * the key's entry and the page is within its own lifetime. A write in between clears every entry (invalidate), so
   * its page is then dropped, as a miss's would be; so is one whose entry was evicted or replaced meanwhile, or that
   * came back too late to answer anyone (callers that joined it have it). A failure leaves `stale` to expire; callers
   * that joined the refresh see the failure, as they would a miss's.
   */
  private refresh(key: string, request: DisclosureSearchRequest, stale: Entry, startedAt: number): void {
    const fresh = this.inner.search(request);
    Object.assign(stale, { refreshing: true, refresh: fresh, refreshStartedAt: startedAt });
    fresh.then(
      (page) => {
        const current = this.entries.get(key) === stale;
        if (!current || this.now() >= startedAt + this.ttlMs) {
          if (current) this.entries.delete(key);
          searchCacheRefreshes.inc({ result: 'dropped' });
          return;
        }
        this.store(key, Promise.resolve(page), startedAt, true);
        searchCacheRefreshes.inc({ result: 'stored' });
      },
      () => {
        stale.refresh = null;
        searchCacheRefreshes.inc({ result: 'failed' });
      },
    );
  }

  /** Drops every cached page: the next search of any kind goes to the backend. */
  invalidate(): void {
    this.entries.clear();
  }

  async apply(ops: IndexOperation[]): Promise<void> {
    try {
      await this.inner.apply(ops);
    } finally {
      // Also on failure: part of a batch may have been written.
      this.invalidate();
    }
  }

  async beginBuild(): Promise<IndexBuild> {
    const build = await this.inner.beginBuild();
    return {
      name: build.name,
      apply: (ops) => build.apply(ops),
      commit: async () => {
        try {
          await build.commit();
        } finally {
          this.invalidate();
        }
      },
      abort: () => build.abort(),
    };
  }

  ensureReady(): Promise<void> {
    return this.inner.ensureReady();
  }

  getVisible(ids: string[], asOf: IsoDate): Promise<DisclosureDocument[]> {
    return this.inner.getVisible(ids, asOf);
  }

  findExpired(asOf: IsoDate, limit: number): Promise<string[]> {
    return this.inner.findExpired(asOf, limit);
  }

  scan(afterId: string | null, limit: number): Promise<StoredDocument[]> {
    return this.inner.scan(afterId, limit);
  }
}

/** Everything the page depends on, in a fixed order (asOf included: the publication window moves daily). */
function cacheKey(request: DisclosureSearchRequest): string {
  const f = request.filter;
  const extras = searchExtras(request);
  return JSON.stringify([
    extras.count,
    extras.facets,
    request.query,
    f.regionCode ?? null,
    f.departmentCode ?? null,
    f.penaltyCategory ?? null,
    f.severity ?? null,
    f.decisionDateFrom ?? null,
    f.decisionDateTo ?? null,
    f.uscc ?? null,
    request.first,
    request.after,
    request.asOf,
    request.countBound,
  ]);
}
