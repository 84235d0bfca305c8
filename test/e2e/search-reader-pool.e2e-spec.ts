// Public searches run on their own pool of SEARCH_READER_POOL connections (default 4, about twice the database's
// cores: see libs/search/src/search.module.ts), which pg_stat_activity shows as application_name 'credit-search'.
// A burst of searches larger than the pool waits for it rather than opening more connections.
import { createTestApp, TestApp } from '@credit/testing';

const SEARCH = `query($q: String) { searchDisclosures(query: $q, first: 5) { totalCount edges { node { id } } } }`;
const WORDS = ['食品', '药品', '医疗', '器械', '假冒', '商标', '价格', '广告', '消防', '安全', '环境', '运输'];

describe('the search readers pool', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The result cache off: every search reaches PostgreSQL.
    t = await createTestApp({ SEARCH_READER_POOL: '3', SEARCH_CACHE_TTL_MS: '0' });
  });
  afterAll(() => t.close());

  const searchConnections = async () =>
    (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'credit-search'`))[0].n;

  it('answers a burst of twelve searches on the three connections it is given, and no more', async () => {
    const answers = await Promise.all(WORDS.map((q) => t.gql(SEARCH, { q })));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.searchDisclosures).toEqual({ totalCount: 0, edges: [] });
    }
    expect(await searchConnections()).toBe(3);
  });
});
