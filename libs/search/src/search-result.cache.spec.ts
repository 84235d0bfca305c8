import type { DisclosureSearchPage, DisclosureSearchRequest, IndexBuild, SearchIndex } from './search-index.port';
import { CachedSearchIndex, searchCacheLookups, searchCacheRefreshes } from './search-result.cache';

const request = (over: Partial<DisclosureSearchRequest> = {}): DisclosureSearchRequest => ({
  query: '食品', filter: {}, first: 20, after: null, asOf: '2026-11-28', countBound: 200, ...over,
});
const pageOf = (n: number): DisclosureSearchPage => ({
  hits: [], hasNextPage: false, totalCount: n, totalCountIsLowerBound: false, facets: { departments: [], regions: [], years: [], categories: [] },
});

/** A backend that counts searches and answers each with the next number, after `release()` when held. */
function fakeIndex() {
  let searches = 0;
  let held: (() => void)[] = [];
  let hold = false;
  const build: IndexBuild = { name: 'b', apply: async () => undefined, commit: async () => undefined, abort: async () => undefined };
  const index: SearchIndex = {
    backend: 'postgres',
    ensureReady: async () => undefined,
    apply: async () => undefined,
    search: async () => {
      const n = ++searches;
      if (hold) await new Promise<void>((resolve) => held.push(resolve));
      return pageOf(n);
    },
    getVisible: async () => [],
    findExpired: async () => [],
    scan: async () => [],
    beginBuild: async () => build,
  };
  return {
    index,
    searches: () => searches,
    hold: (on: boolean) => (hold = on),
    release: () => {
      held.forEach((resolve) => resolve());
      held = [];
    },
  };
}

describe('CachedSearchIndex', () => {
  let now = 1_000;
  const clock = () => now;

  it('counts hits and misses for /metrics, and keys pages asked without facets apart', async () => {
    const read = async () => Object.fromEntries((await searchCacheLookups.get()).values.map((v) => [v.labels.result, v.value]));
    const before = await read();
    const fake = fakeIndex();
    const cache = new CachedSearchIndex(fake.index, 1_000);
    await cache.search(request());
    await cache.search(request());
    await cache.search(request({ count: false, facets: false }));
    const after = await read();
    expect([(after.hit ?? 0) - (before.hit ?? 0), (after.miss ?? 0) - (before.miss ?? 0)]).toEqual([1, 2]);
    expect(fake.searches()).toBe(2);
  });

  it('answers identical searches within the lifetime from one backend query, different ones separately', async () => {
    const fake = fakeIndex();
    const cache = new CachedSearchIndex(fake.index, 2_000, 500, clock);
    expect((await cache.search(request())).totalCount).toBe(1);
    expect((await cache.search(request())).totalCount).toBe(1);
    expect((await cache.search(request({ filter: { severity: 'SERIOUS' } }))).totalCount).toBe(2);
    expect((await cache.search(request({ asOf: '2026-11-29' }))).totalCount).toBe(3);
    now += 2_001;
    expect((await cache.search(request())).totalCount).toBe(4);
  });

  it('shares one backend query between identical searches in flight', async () => {
    const fake = fakeIndex();
    const cache = new CachedSearchIndex(fake.index, 2_000, 500, clock);
    fake.hold(true);
    const both = Promise.all([cache.search(request()), cache.search(request())]);
    await Promise.resolve();
    fake.release();
    expect((await both).map((p) => p.totalCount)).toEqual([1, 1]);
    expect(fake.searches()).toBe(1);
  });

  it('forgets everything on a write, and does not keep an answer begun before the write', async () => {
    const fake = fakeIndex();
    const cache = new CachedSearchIndex(fake.index, 2_000, 500, clock);
    await cache.search(request());
    await cache.apply([]);
    expect((await cache.search(request({ first: 10 }))).totalCount).toBe(2);
    fake.hold(true);
    const running = cache.search(request()); // began before the write below
    await Promise.resolve();
    const build = await cache.beginBuild();
    await build.commit(); // a reindex swap is a write too
    fake.release();
    expect((await running).totalCount).toBe(3);
    fake.hold(false);
    expect((await cache.search(request())).totalCount).toBe(4);
  });

  it('never caches a failure, and is a pass-through with a lifetime of 0', async () => {
    const fake = fakeIndex();
    const off = new CachedSearchIndex(fake.index, 0, 500, clock);
    await off.search(request());
    await off.search(request());
    expect(fake.searches()).toBe(2);
    let calls = 0;
    const flaky = fakeIndex();
    const cache = new CachedSearchIndex({ ...flaky.index, search: (r) => (++calls === 1 ? Promise.reject(new Error('down')) : flaky.index.search(r)) }, 2_000, 500, clock);
    await expect(cache.search(request())).rejects.toThrow('down');
    await expect(cache.search(request())).resolves.toMatchObject({ totalCount: 1 });
    expect(calls).toBe(2);
  });

  it('keeps at most maxEntries pages, dropping the oldest', async () => {
    const fake = fakeIndex();
    const cache = new CachedSearchIndex(fake.index, 2_000, 2, clock);
    await cache.search(request({ query: 'a1' }));
    await cache.search(request({ query: 'a2' }));
    await cache.search(request({ query: 'a3' }));
    await cache.search(request({ query: 'a3' }));
    await cache.search(request({ query: 'a1' })); // evicted: asked again
    expect(fake.searches()).toBe(4);
  });
  describe('refreshing popular pages ahead of expiry', () => {
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const refreshes = async () => Object.fromEntries((await searchCacheRefreshes.get()).values.map((v) => [v.labels.result, v.value]));
    /** How many refreshes ended with `result` since `before` was read. */
    const since = async (before: Record<string, number>, result: string) => ((await refreshes())[result] ?? 0) - (before[result] ?? 0);
    /** A page searched at `now` and asked twice more: popular, refreshed by a hit after 85 % of its 2-s lifetime. */
    async function popular(cache: CachedSearchIndex): Promise<void> {
      await cache.search(request());
      await cache.search(request());
      await cache.search(request());
    }
    /** A popular page whose refresh a hit at 1,750 ms has started, held until `fake.release()`; `start` is its search's time. */
    async function heldRefresh() {
      const fake = fakeIndex();
      const cache = new CachedSearchIndex(fake.index, 2_000, 500, clock);
      const start = now;
      await popular(cache);
      fake.hold(true);
      now = start + 1_750;
      await cache.search(request());
      return { fake, cache, start };
    }

    it('answers from the cached page while one background search runs, then from the new page for a whole lifetime from its start', async () => {
      const before = await refreshes();
      const fake = fakeIndex();
      const cache = new CachedSearchIndex(fake.index, 2_000, 500, clock);
      const start = now;
      await popular(cache);
      now = start + 1_699;
      expect((await cache.search(request())).totalCount).toBe(1);
      expect(fake.searches()).toBe(1); // not yet 85 % of the lifetime
      fake.hold(true);
      now = start + 1_750;
      expect((await cache.search(request())).totalCount).toBe(1);
      now = start + 1_800;
      expect((await cache.search(request())).totalCount).toBe(1);
      expect(fake.searches()).toBe(2); // one refresh, however many hits
      fake.release();
      await settle();
      now = start + 2_100; // the first page would have expired
      expect((await cache.search(request())).totalCount).toBe(2);
      expect(fake.searches()).toBe(2);
      now = start + 1_750 + 2_000; // the refreshed page lives 2 s from when its search began
      fake.hold(false);
      expect((await cache.search(request())).totalCount).toBe(3);
      expect(await since(before, 'stored')).toBe(1);
    });

    it('waits for a refresh still running when the page expires, instead of searching again', async () => {
      const { fake, cache, start } = await heldRefresh();
      now = start + 2_100;
      const waiting = cache.search(request());
      await settle();
      expect(fake.searches()).toBe(2);
      fake.release();
      expect((await waiting).totalCount).toBe(2);
      expect((await cache.search(request())).totalCount).toBe(2);
      expect(fake.searches()).toBe(2);
    });

    it('starts no refresh while the first search of a page is still running', async () => {
      const fake = fakeIndex();
      const cache = new CachedSearchIndex(fake.index, 2_000, 500, clock);
      const start = now;
      fake.hold(true);
      const first = cache.search(request());
      void cache.search(request());
      void cache.search(request());
      now = start + 1_750;
      const late = cache.search(request());
      expect(fake.searches()).toBe(1);
      fake.release();
      expect((await first).totalCount).toBe(1);
      expect((await late).totalCount).toBe(1);
    });

    it('searches again once a refresh has run past its own lifetime, rather than wait for it', async () => {
      const before = await refreshes();
      const { fake, cache, start } = await heldRefresh(); // the refresh hangs
      fake.hold(false);
      now = start + 1_750 + 2_000;
      const answer = cache.search(request());
      expect(fake.searches()).toBe(3); // a search of its own, not the hung one
      expect((await answer).totalCount).toBe(3);
      fake.release(); // the hung refresh comes back: its entry was replaced
      await settle();
      expect((await cache.search(request())).totalCount).toBe(3);
      expect([await since(before, 'stored'), await since(before, 'dropped')]).toEqual([0, 1]);
    });

    it('drops a refresh that comes back after its own lifetime with nobody waiting', async () => {
      const before = await refreshes();
      const { fake, cache, start } = await heldRefresh();
      now = start + 1_750 + 2_000;
      fake.release();
      await settle();
      expect([await since(before, 'stored'), await since(before, 'dropped')]).toEqual([0, 1]);
      fake.hold(false);
      expect((await cache.search(request())).totalCount).toBe(3);
    });

    it('hands a failed refresh to the callers that joined it, and the next caller searches again', async () => {
      const pending: { resolve: (page: DisclosureSearchPage) => void; reject: (error: Error) => void }[] = [];
      const fake = fakeIndex();
      const backend: SearchIndex = { ...fake.index, search: () => new Promise((resolve, reject) => pending.push({ resolve, reject })) };
      const cache = new CachedSearchIndex(backend, 2_000, 500, clock);
      const start = now;
      const first = cache.search(request());
      pending[0].resolve(pageOf(1));
      await first;
      await cache.search(request());
      await cache.search(request());
      now = start + 1_750;
      expect((await cache.search(request())).totalCount).toBe(1); // starts the refresh
      now = start + 2_100;
      const joined = cache.search(request());
      expect(pending).toHaveLength(2);
      pending[1].reject(new Error('down'));
      await expect(joined).rejects.toThrow('down');
      const again = cache.search(request());
      expect(pending).toHaveLength(3);
      pending[2].resolve(pageOf(3));
      expect((await again).totalCount).toBe(3);
    });

    it('leaves a page asked only once more to expire', async () => {
      const fake = fakeIndex();
      const cache = new CachedSearchIndex(fake.index, 2_000, 500, clock);
      const start = now;
      await cache.search(request());
      now = start + 1_900;
      await cache.search(request());
      await settle();
      expect(fake.searches()).toBe(1);
      now = start + 2_001;
      expect((await cache.search(request())).totalCount).toBe(2);
    });

    it('drops a refresh a write overtook, and lets a page whose refresh failed expire', async () => {
      const before = await refreshes();
      const { fake, cache } = await heldRefresh();
      await cache.apply([]); // a withdrawal, say
      fake.release();
      await settle();
      fake.hold(false);
      expect((await cache.search(request())).totalCount).toBe(3); // a miss: neither the old page nor the refresh's

      let fail = false;
      const flaky = new CachedSearchIndex({ ...fake.index, search: (r) => (fail ? Promise.reject(new Error('down')) : fake.index.search(r)) }, 2_000, 500, clock);
      const start = now;
      await popular(flaky);
      fail = true;
      now = start + 1_750;
      expect((await flaky.search(request())).totalCount).toBe(4); // the refresh fails in the background
      await settle();
      now = start + 1_999;
      expect((await flaky.search(request())).totalCount).toBe(4);
      now = start + 2_000;
      await expect(flaky.search(request())).rejects.toThrow('down'); // expired: a miss, whose failure the caller sees
      fail = false;
      expect((await flaky.search(request())).totalCount).toBe(5);
      expect([await since(before, 'dropped'), await since(before, 'failed')]).toEqual([1, 1]);
    });
  });
});
