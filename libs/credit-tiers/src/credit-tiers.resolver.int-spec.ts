// creditSubjects / tierDistribution / tier fields through the real GraphQL layer: filters, region prefix and
// scoping, keyset pages, one query per field for a whole page (no N+1), and the index plans of filtered pages.
import { addDays, todayInChina } from '@credit/domain';
import { createTestApp, TestApp } from '@credit/testing';
import { insertDepartment, insertRecords, insertSubjects } from './testing/tier-test-data';
import { TierQueriesService } from './tier-queries.service';
import { TierRecomputeService } from './tier-recompute.service';

const PAGE = `query($filter: CreditSubjectFilter, $first: Int, $after: String) {
  creditSubjects(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id regionCode subjectType tier { level score } } }
  }
}`;

describe('credit tier queries', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let regulator: Record<string, string>;
  const today = todayInChina();
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    const dep = await insertDepartment(t.db, 'TIER-Q');
    // 琅琊区 (341102): 6 companies, 2 of them with a serious record (C); 南谯区 (341103): 3, one general with a
    // production stop (B); 凤阳县 (341126): 2 individual businesses, one with a revoked licence (D).
    ids.langya = await insertSubjects(t.db, Array(6).fill('341102'));
    ids.nanqiao = await insertSubjects(t.db, Array(3).fill('341103'));
    ids.fengyang = await insertSubjects(t.db, Array(2).fill('341126'), 'INDIVIDUAL_BUSINESS');
    const record = (subjectId: string, n: number, severity: string, categories: string[]) => ({
      subjectId, departmentId: dep, decisionNumber: `滁查〔2026〕${n}号`, severity, categories, fineAmount: null, confiscatedAmount: null,
      violationType: `类型${n}`, decisionDate: addDays(today, -n), revokedAt: null, repairedOn: null,
    });
    await insertRecords(t.db, [
      record(ids.langya[1], 1, 'SERIOUS', ['WARNING']),
      record(ids.langya[4], 2, 'SERIOUS', ['WARNING']),
      record(ids.nanqiao[0], 3, 'GENERAL', ['SUSPEND_PRODUCTION']),
      record(ids.fengyang[1], 4, 'SERIOUS', ['REVOKE_LICENSE']),
    ]);
    await t.app.get(TierRecomputeService).recomputeAll();
    admin = { authorization: `Bearer ${await t.adminToken()}` };
    const created = await t.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, { input: { username: 'langya-regulator', password: 'regulator-password-1', role: 'REGULATOR', regionCode: '341102' } }, admin);
    expect(created.errors).toBeUndefined();
    const login = await t.gql(`mutation { login(username: "langya-regulator", password: "regulator-password-1") { accessToken } }`);
    regulator = { authorization: `Bearer ${login.data.login.accessToken}` };
  });
  afterAll(() => t.close());

  const page = async (variables: Record<string, unknown>, headers = admin) => {
    const result = await t.gql(PAGE, variables, headers);
    expect(result.errors).toBeUndefined();
    return result.data.creditSubjects;
  };

  it('filters by tier, region prefix, subject type and change time', async () => {
    expect((await page({ filter: { tier: 'C' } })).edges.map((e: any) => e.node.id)).toEqual([ids.langya[1], ids.langya[4]]);
    expect((await page({ filter: { regionCode: '341100' } })).totalCount).toBe(11);
    expect((await page({ filter: { regionCode: '341103' } })).edges.map((e: any) => `${e.node.regionCode} ${e.node.tier.level}`)).toEqual(['341103 B', '341103 A', '341103 A']);
    expect((await page({ filter: { subjectType: 'INDIVIDUAL_BUSINESS' } })).edges.map((e: any) => e.node.tier)).toEqual([{ level: 'A', score: 100 }, { level: 'D', score: 30 }]);
    expect((await page({ filter: { tier: 'A', regionCode: '340000' } })).totalCount).toBe(7);
    expect((await page({ filter: { changedSince: new Date(Date.now() + 60_000).toISOString() } })).totalCount).toBe(0);
    expect((await page({ filter: { changedSince: new Date(Date.now() - 600_000).toISOString(), regionCode: '341126' } })).totalCount).toBe(2);
  });

  it('pages with opaque cursors and an exact total', async () => {
    const first = await page({ filter: { regionCode: '341102' }, first: 4 });
    expect(first).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    const second = await page({ filter: { regionCode: '341102' }, first: 4, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect([...first.edges, ...second.edges].map((e: any) => e.node.id)).toEqual(ids.langya);
  });

  it('confines a regulator bound to 琅琊区 to it, in lists and in the distribution', async () => {
    expect((await page({}, regulator)).totalCount).toBe(6);
    expect((await page({ filter: { regionCode: '341100' } }, regulator)).totalCount).toBe(6);
    expect((await page({ filter: { regionCode: '341126' } }, regulator)).totalCount).toBe(0);
    const stats = await t.gql(`{ all: tierDistribution { level count } city: tierDistribution(regionCode: "341100") { level count } other: tierDistribution(regionCode: "341126") { level count } }`, {}, regulator);
    expect(stats.errors).toBeUndefined();
    expect(stats.data.all).toEqual([{ level: 'A', count: 4 }, { level: 'B', count: 0 }, { level: 'C', count: 2 }, { level: 'D', count: 0 }]);
    expect(stats.data.city).toEqual(stats.data.all);
    expect(stats.data.other.map((c: any) => c.count)).toEqual([0, 0, 0, 0]);
    const adminStats = await t.gql(`{ tierDistribution(regionCode: "341100") { level count } }`, {}, admin);
    expect(adminStats.data.tierDistribution).toEqual([{ level: 'A', count: 7 }, { level: 'B', count: 1 }, { level: 'C', count: 2 }, { level: 'D', count: 1 }]);
  });

  it('loads tier, tierAsOf and tierHistory for a whole page with one query each', async () => {
    const queries = t.app.get(TierQueriesService);
    const calls = { current: 0, asOf: 0, history: 0 };
    const spies = (['current', 'asOf', 'history'] as const).map((name) => {
      const original = queries[name].bind(queries) as (...args: any[]) => any;
      return jest.spyOn(queries, name).mockImplementation((...args: any[]) => {
        calls[name] += 1;
        return original(...args);
      });
    });
    try {
      const result = await t.gql(
        `{ creditSubjects(first: 20) { edges { node { tier { level } tierAsOf(date: "${addDays(today, -1)}") { level score } tierHistory(first: 2) { totalCount edges { node { level cause } } } } } } }`,
        {},
        admin,
      );
      expect(result.errors).toBeUndefined();
      const nodes = result.data.creditSubjects.edges.map((e: any) => e.node);
      expect(nodes).toHaveLength(11);
      expect(nodes.filter((n: any) => n.tierHistory.totalCount === 1).map((n: any) => n.tierHistory.edges[0].node)).toEqual(
        Array(4).fill(expect.objectContaining({ cause: 'RECOMPUTE_ALL' })),
      );
      expect(nodes.every((n: any) => n.tierAsOf.level === 'A' && n.tierAsOf.score === 100)).toBe(true);
      expect(calls).toEqual({ current: 1, asOf: 1, history: 1 });
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
  });

  it('serves filtered pages from the subject_tiers indexes', async () => {
    await t.db.query('ANALYZE subject_tiers');
    const plan = async (sql: string, params: unknown[]) => {
      const client = await t.db.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL enable_seqscan = off'); // a tiny table: ask which index the planner can use
        const rows = (await client.query(`EXPLAIN ${sql}`, params)).rows.map((row) => row['QUERY PLAN']).join('\n');
        await client.query('ROLLBACK');
        return rows;
      } finally {
        client.release();
      }
    };
    const filtered = [
      ['SELECT subject_id FROM subject_tiers t WHERE t.level = $1 ORDER BY t.subject_id LIMIT 21', ['C']],
      ['SELECT subject_id FROM subject_tiers t WHERE t.region_code LIKE $1 AND t.level = $2 ORDER BY t.subject_id LIMIT 21', ['3411%', 'A']],
      ['SELECT subject_id FROM subject_tiers t WHERE t.changed_at >= $1 ORDER BY t.subject_id LIMIT 21', [new Date()]],
      ['SELECT level, count(*) FROM subject_tiers WHERE region_code LIKE $1 GROUP BY level', ['3411%']],
      ['SELECT subject_id FROM subject_tiers WHERE next_review_on <= $1 ORDER BY next_review_on LIMIT 100', [today]],
    ] as const;
    for (const [sql, params] of filtered) expect(await plan(sql, [...params])).not.toMatch(/Seq Scan/);
    // The region prefix is an index range (pattern ops), not a filter over every row.
    expect(await plan('SELECT count(*) FROM subject_tiers WHERE region_code LIKE $1', ['3411%'])).toMatch(/Index Cond: .*region_code.*~>=~ '3411'/);
  });
});
