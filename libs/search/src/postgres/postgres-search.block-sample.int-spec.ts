// A word met in a few percent of rows is sampled from a block sample of the table (TABLESAMPLE SYSTEM) before
// GIN (blockSamplePercent in search-plan.ts). On a real table: the blocks' rows are matches still published, the
// lookup never starts when they are enough, and when they are not, it gives every match, once.
import { Database } from '@credit/db';
import { contractDoc } from '../search-index.contract';
import type { DisclosureDocument } from '../search-index.port';
import { PostgresSearchIndex } from './postgres-search.index';
import { FacetGroupRow, facetsFromGroups } from './postgres-search.sql';
import { claimedStatement, guardedLookupRan, planAsRun } from './testing/guarded-lookup';
import { facetsOf, sampleRowsOf } from './testing/sample-rows';
import { openSearchDatabases, SearchDatabases } from './testing/search-databases';

const AS_OF = '2026-06-30';
// A sample of 11: on 3,000 documents the block sample beats GIN only for a word the statistics put between ~10 %
// and the walk's threshold (~19 %); the statistics below say 15 %.
const COUNT_BOUND = 10;

describe('PostgreSQL search: a block sample of the table for a word of a few percent', () => {
  let databases: SearchDatabases;
  let db: Database;
  let reader: Database;
  const docs: DisclosureDocument[] = [];

  beforeAll(async () => {
    databases = await openSearchDatabases();
    ({ db, reader } = databases);
    // One in four sells household appliances (家电), all of them in two departments; the others are in a third one,
    // so a sampled row of that department would be a row that does not match. 冰箱 is in five documents only. One
    // in ten, among them, is an appliance seller no longer published on AS_OF (CZ-EXPIRED): a block sample that
    // skipped the publication test would count them.
    const expired: DisclosureDocument[] = [];
    for (let i = 0; i < 3000; i++) {
      const appliance = i % 4 === 0;
      const department = appliance ? ['CZ-SCJGJ', 'CZ-SWJ'][i % 8 === 0 ? 0 : 1] : 'CZ-OTHER';
      docs.push(contractDoc({
        partyName: `滁州市第${i}号商行`,
        violationType: appliance ? (i % 600 === 0 ? '销售不合格家电冰箱' : '销售不合格家电') : '未按规定公示年度报告',
        decisionDate: `2026-0${1 + (i % 5)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        departmentCode: department,
        departmentName: `部门${department}`,
      }));
      if (i % 10 === 5) expired.push(contractDoc({ violationType: '销售不合格家电', publishedUntil: '2026-06-01', departmentCode: 'CZ-EXPIRED', departmentName: '部门CZ-EXPIRED' }));
    }
    // Written in the order made: the expired rows sit on the same pages as the others.
    const all = docs.flatMap((doc, i) => (i % 10 === 5 ? [doc, expired[(i - 5) / 10]] : [doc]));
    await new PostgresSearchIndex(db).apply(all.map((doc) => ({ op: 'upsert' as const, version: 1, doc })));
    await db.query('ANALYZE public_disclosures');
  });
  afterAll(() => databases.close());

  // The statistics put the word (its last bigram; the others at 90 %) at 15 % of the rows, whatever it really is, and
  // no row in a sample bucket (a table written before the keys): the block sample is the sample then.
  const statement = (query: string) => claimedStatement(reader, query, { share: 0.15, bucketShare: 0, countBound: COUNT_BOUND, asOf: AS_OF });
  /** From the plan as run: whether the sample's block scan ran, and whether the lookup after it did. */
  const ran = async (sql: { text: string; params: unknown[] }) => {
    const plan = await planAsRun(reader, sql);
    const blocks = plan.find((line) => line.includes('Sample Scan on public_disclosures'));
    return { blocks: blocks !== undefined && !blocks.includes('never executed'), lookup: guardedLookupRan(plan, COUNT_BOUND + 1) };
  };

  it('takes the sample from the blocks when they hold enough matches, all of them published, and never starts the lookup', async () => {
    const sql = await statement('家电');
    expect(sql.text).toMatch(/TABLESAMPLE SYSTEM \([\d.]+\) REPEATABLE \(0\)/);
    const [row] = await reader.query<{ facets: FacetGroupRow[] }>(sql.text, sql.params);
    // the bound plus one: "more than 10" (the exact tier, whole names, holds nothing here)
    const { sampled, facets } = facetsFromGroups(row.facets);
    expect(sampled).toBe(COUNT_BOUND + 1);
    const departments = facets.departments;
    expect(departments.every((bucket) => ['CZ-SCJGJ', 'CZ-SWJ'].includes(bucket.value))).toBe(true);
    expect(departments.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(COUNT_BOUND + 1);
    // the lookup after the blocks never started
    expect(await ran(sql)).toEqual({ blocks: true, lookup: false });
    // and the same blocks give the same sample, so the same count and facets, every time
    const [again] = await reader.query<{ facets: FacetGroupRow[] }>(sql.text, sql.params);
    expect(again).toEqual(row);
  });

  it('falls back to the lookup when the blocks hold too few: every match, counted once, and exact facets', async () => {
    const sql = await statement('家电冰箱');
    expect(sql.text).toContain('TABLESAMPLE SYSTEM');
    const expected = docs.filter((doc) => doc.violationType.includes('家电冰箱'));
    expect(expected).toHaveLength(5);
    const [row] = await reader.query<{ facets: FacetGroupRow[] }>(sql.text, sql.params);
    const { sampled, facets } = facetsFromGroups(row.facets);
    expect(sampled).toBe(5);
    expect(facets).toEqual(facetsOf(sampleRowsOf(expected)));
    // the blocks were read, then the matches looked up
    expect(await ran(sql)).toEqual({ blocks: true, lookup: true });
  });
});
