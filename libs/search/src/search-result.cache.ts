// A short-lived cache of search pages shared by every caller of one process (公示查询结果缓存): public
// searches are anonymous and the same for everyone, and the popular ones (the newest list, common words, a
// department's page) repeat many times a second. Identical requests arriving together share one backend query
// (single flight); an answer is reused for at most `ttlMs`.
//
// Withdrawals must disappear within 5 s (DESIGN.md §3). Every write through this process (the outbox worker
// with `npm start`, the reindex swap) drops the whole cache at once, and a search that was already running
// when the write happened is not stored. A worker in another process cannot reach this cache, so there the
// bound is the worker's delay plus `ttlMs`: keep ttlMs well below 5 s minus the outbox delivery interval.
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

/** Default lifetime of a cached page: far inside the 5 s withdrawal bound, long enough to absorb bursts. */
export const DEFAULT_SEARCH_CACHE_TTL_MS = 2_000;
const DEFAULT_MAX_ENTRIES = 500;

interface Entry {
  page: Promise<DisclosureSearchPage>;
  expiresAt: number;
}

export class CachedSearchIndex implements SearchIndex {
  readonly backend: SearchIndex['backend'];
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every write: a search started under an older generation is not stored. */
  private generation = 0;

  constructor(
    private readonly inner: SearchIndex,
    private readonly ttlMs = DEFAULT_SEARCH_CACHE_TTL_MS,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
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
      return hit.page;
    }
    searchCacheLookups.inc({ result: 'miss' });
    if (hit) this.entries.delete(key);
    const generation = this.generation;
    const page = this.inner.search(request);
    const entry = { page, expiresAt: now + this.ttlMs };
    this.entries.set(key, entry);
    // Oldest first in a Map's order: evict from the front.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    page.then(
      () => {
        if (generation !== this.generation) forget();
      },
      forget, // a failure is never cached
    );
    return page;
  }

  /** Drops every cached page: the next search of any kind goes to the backend. */
  invalidate(): void {
    this.generation++;
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
