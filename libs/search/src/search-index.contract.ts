// One behaviour contract for every SearchIndex adapter: each adapter's int-spec calls this with a factory.
// Documents, dates and versions are fixed so both backends must give exactly the same answers.
import type { DisclosureDocument, DisclosureSearchRequest, IndexOperation, SearchIndex } from './search-index.port';

export interface ContractSubject {
  index: SearchIndex;
  /** Removes everything the adapter created (tables are per test database; ES indices per run). */
  cleanup(): Promise<void>;
}

const AS_OF = '2026-06-30';

let nextId = 1000;

export function contractDoc(overrides: Partial<DisclosureDocument> = {}): DisclosureDocument {
  const id = String(nextId++);
  return {
    id,
    partyType: 'LEGAL_ENTITY',
    partyName: `滁州市某某贸易有限公司${id}`,
    uscc: null,
    legalRepresentative: '王建国',
    decisionNumber: `滁市监处罚〔2026〕${id}号`,
    violationType: '未按规定公示年度报告',
    violationFacts: '当事人未按照规定的期限公示年度报告，违反了《企业信息公示暂行条例》第八条的规定。',
    legalBasis: '《企业信息公示暂行条例》第十七条',
    penaltyCategories: ['FINE'],
    penaltyContent: '罚款人民币壹万元整',
    fineAmount: '1',
    confiscatedAmount: null,
    decisionDate: '2026-05-01',
    publishedFrom: '2026-05-01',
    publishedUntil: '2027-05-01',
    authorityName: '滁州市市场监督管理局',
    departmentCode: 'CZ-SCJGJ',
    departmentName: '滁州市市场监督管理局',
    regionCode: '341102',
    severity: 'GENERAL',
    withdrawnOn: null,
    withdrawalReason: null,
    ...overrides,
  };
}

const upsert = (doc: DisclosureDocument, version = 1): IndexOperation => ({ op: 'upsert', version, doc });

export function searchIndexContract(name: string, setup: () => Promise<ContractSubject>): void {
  describe(`SearchIndex contract: ${name}`, () => {
    let subject: ContractSubject;
    let index: SearchIndex;
    const search = (request: Partial<DisclosureSearchRequest>) =>
      index.search({ query: null, filter: {}, first: 20, after: null, asOf: AS_OF, countBound: 1000, ...request });
    const ids = async (request: Partial<DisclosureSearchRequest>) => (await search(request)).hits.map((hit) => hit.doc.id);

    // The corpus every read test below runs against.
    const food = contractDoc({ partyName: '琅琊区好味食品商行', violationType: '销售不符合食品安全标准的食品', violationFacts: '当事人销售超过保质期的食品。', decisionDate: '2026-03-10', publishedFrom: '2026-03-10', penaltyCategories: ['WARNING', 'FINE'] });
    const fake = contractDoc({ partyName: '南谯区华星电器商店', uscc: '91341103MA2N0XY12K', violationType: '销售假冒注册商标的商品', violationFacts: '当事人销售假冒“美的”注册商标的电饭煲12台。', decisionDate: '2026-04-20', publishedFrom: '2026-04-20', regionCode: '341103', penaltyCategories: ['CONFISCATE_ILLEGAL_GAINS', 'FINE'], severity: 'SERIOUS' });
    const exactName = contractDoc({ partyName: '滁州食品', violationType: '未取得食品经营许可从事食品经营', decisionDate: '2025-12-01', publishedFrom: '2025-12-01', departmentCode: 'CZ-SWJ', departmentName: '国家税务总局滁州市税务局' });
    const inName = contractDoc({ partyName: '来安县滁州食品加工厂', violationType: '生产经营标签不符合规定的产品', violationFacts: '当事人生产的产品标签未标注生产日期。', decisionDate: '2026-01-15', publishedFrom: '2026-01-15', regionCode: '341122' });
    const expired = contractDoc({ partyName: '定远县过期食品商店', violationType: '销售过期食品', decisionDate: '2025-01-10', publishedFrom: '2025-01-10', publishedUntil: '2026-01-10', regionCode: '341125' });
    const future = contractDoc({ partyName: '凤阳县未来食品公司', violationType: '销售过期食品', decisionDate: '2026-07-10', publishedFrom: '2026-07-10', publishedUntil: '2027-07-10' });
    const other = contractDoc({ decisionDate: '2026-06-01', publishedFrom: '2026-06-01', regionCode: '341200', departmentCode: 'FY-SCJGJ', departmentName: '阜阳市市场监督管理局' });
    const corpus = [food, fake, exactName, inName, expired, future, other];

    beforeAll(async () => {
      subject = await setup();
      index = subject.index;
      await index.ensureReady();
      await index.apply(corpus.map((doc) => upsert(doc, 10)));
    });
    afterAll(() => subject?.cleanup());

    it('finds a two-character word in text and names, visible records only, with highlights', async () => {
      const page = await search({ query: '食品' });
      expect(new Set(page.hits.map((hit) => hit.doc.id))).toEqual(new Set([exactName.id, inName.id, food.id]));
      expect(page.totalCount).toBe(3);
      expect(page.totalCountIsLowerBound).toBe(false);
      const foodHit = page.hits.find((hit) => hit.doc.id === food.id);
      expect(foodHit?.highlights).toContain('销售不符合<em>食品</em>安全标准的<em>食品</em>');
      expect(foodHit?.highlights).toContain('琅琊区好味<em>食品</em>商行');
    });

    it('ranks an exact party name, USCC or decision number first, then the other matches', async () => {
      expect(await ids({ query: '滁州食品' })).toEqual([exactName.id, inName.id]);
      expect((await ids({ query: '假冒' }))[0]).toBe(fake.id);
    });

    it('finds by USCC, as the query and as a filter, in any letter case', async () => {
      expect(await ids({ query: '91341103ma2n0xy12k' })).toEqual([fake.id]);
      expect(await ids({ filter: { uscc: '91341103MA2N0XY12K' } })).toEqual([fake.id]);
      expect(await ids({ query: fake.decisionNumber })).toEqual([fake.id]);
    });

    it('filters by region prefix, department, category, severity and decision date', async () => {
      expect(await ids({ filter: { regionCode: '341100' } })).toEqual([inName.id, fake.id, food.id, exactName.id].sort(byNewest(corpus)));
      expect(await ids({ filter: { regionCode: '341103' } })).toEqual([fake.id]);
      expect(await ids({ filter: { regionCode: '3412' } })).toEqual([other.id]);
      expect(await ids({ query: '食品', filter: { departmentCode: 'CZ-SWJ' } })).toEqual([exactName.id]);
      expect(await ids({ filter: { penaltyCategory: 'WARNING' } })).toEqual([food.id]);
      expect(await ids({ filter: { severity: 'SERIOUS' } })).toEqual([fake.id]);
      expect(await ids({ filter: { decisionDateFrom: '2026-01-01', decisionDateTo: '2026-03-31' } })).toEqual([food.id, inName.id]);
    });

    it('lists newest first without a query and pages with cursors', async () => {
      const visible = [other, fake, food, inName, exactName].map((doc) => doc.id);
      expect(await ids({})).toEqual(visible);
      const first = await search({ first: 2 });
      expect(first.hasNextPage).toBe(true);
      const second = await search({ first: 2, after: first.hits[1].cursor });
      const third = await search({ first: 2, after: second.hits[1].cursor });
      expect([...first.hits, ...second.hits, ...third.hits].map((hit) => hit.doc.id)).toEqual(visible);
      expect(third.hasNextPage).toBe(false);
      const ranked = await ids({ query: '食品' });
      const top = await search({ query: '食品', first: 1 });
      const rest = await search({ query: '食品', first: 2, after: top.hits[0].cursor });
      expect([top.hits[0].doc.id, ...rest.hits.map((hit) => hit.doc.id)]).toEqual(ranked);
    });

    it('caps the count at the bound and says so; facets count the matches', async () => {
      const page = await search({ countBound: 2 });
      expect([page.totalCount, page.totalCountIsLowerBound]).toEqual([2, true]);
      const all = await search({ query: '食品' });
      expect(all.facets.departments).toEqual([
        { value: 'CZ-SCJGJ', label: '滁州市市场监督管理局', count: 2 },
        { value: 'CZ-SWJ', label: '国家税务总局滁州市税务局', count: 1 },
      ]);
      expect(all.facets.years).toEqual([
        { value: '2026', label: null, count: 2 },
        { value: '2025', label: null, count: 1 },
      ]);
      expect(all.facets.categories).toEqual([
        { value: 'FINE', label: null, count: 3 },
        { value: 'WARNING', label: null, count: 1 },
      ]);
      expect(all.facets.regions.map((b) => [b.value, b.count])).toEqual([['341102', 2], ['341122', 1]]);
    });

    it('reads only the page when neither count nor facets are asked: same hits, the page as a lower bound', async () => {
      for (const request of [{ query: '食品' }, { query: '滁州食品', first: 1 }, {}, { filter: { regionCode: '341100' }, first: 2 }]) {
        const full = await search(request);
        const bare = await search({ ...request, count: false, facets: false });
        expect(bare.hits).toEqual(full.hits);
        expect(bare.hasNextPage).toBe(full.hasNextPage);
        expect([bare.totalCount, bare.totalCountIsLowerBound]).toEqual([full.hits.length, full.hasNextPage]);
        expect(bare.facets).toEqual({ departments: [], regions: [], years: [], categories: [] });
        const counted = await search({ ...request, count: true, facets: false });
        expect([counted.hits, counted.totalCount, counted.totalCountIsLowerBound]).toEqual([full.hits, full.totalCount, full.totalCountIsLowerBound]);
        expect(counted.facets).toEqual({ departments: [], regions: [], years: [], categories: [] });
      }
      const capped = await search({ countBound: 2, count: true, facets: false });
      expect([capped.totalCount, capped.totalCountIsLowerBound]).toEqual([2, true]);
    });

    it('checks the publication window on reads: getVisible and findExpired', async () => {
      expect((await index.getVisible([food.id, expired.id, future.id, '999999'], AS_OF)).map((doc) => doc.id)).toEqual([food.id]);
      expect(await index.findExpired(AS_OF, 10)).toEqual([expired.id]);
      const [stored] = await index.getVisible([fake.id], AS_OF);
      expect(stored).toEqual(fake);
    });

    it('deletes with a version, ignores stale writes, and a replay changes nothing', async () => {
      const doc = contractDoc({ partyName: '明光市假冒伪劣调查对象', decisionDate: '2026-02-02', publishedFrom: '2026-02-02' });
      await index.apply([upsert(doc, 5)]);
      expect(await ids({ query: '伪劣' })).toEqual([doc.id]);
      await index.apply([upsert({ ...doc, partyName: '明光市旧名称伪劣' }, 4)]);
      expect((await search({ query: '伪劣' })).hits[0].doc.partyName).toBe('明光市假冒伪劣调查对象');
      await index.apply([{ op: 'delete', id: doc.id, version: 6 }]);
      expect(await ids({ query: '伪劣' })).toEqual([]);
      await index.apply([upsert(doc, 5), upsert(doc, 6)]);
      expect(await ids({ query: '伪劣' })).toEqual([]);
      await index.apply([upsert({ ...doc, partyName: '明光市重新公示伪劣' }, 7)]);
      expect((await search({ query: '伪劣' })).hits.map((hit) => hit.doc.partyName)).toEqual(['明光市重新公示伪劣']);
      const before = await search({});
      await index.apply(corpus.map((c) => upsert(c, 10)));
      expect(await search({})).toEqual(before);
    });

    it('scans live documents in id order with their versions', async () => {
      const scanned = await index.scan(null, 3);
      expect(scanned.map((s) => s.doc.id)).toEqual([food.id, fake.id, exactName.id]);
      expect(scanned.map((s) => s.version)).toEqual([10, 10, 10]);
      expect((await index.scan(exactName.id, 2)).map((s) => s.doc.id)).toEqual([inName.id, expired.id]);
    });

    it('carries a withdrawal notice in place of a revoked decision, for the notice period only', async () => {
      const decided = contractDoc({ partyName: '全椒县撤销处罚测试商行', violationType: '虚假宣传', violationFacts: '当事人发布虚假广告。', decisionDate: '2026-04-01', publishedFrom: '2026-04-01' });
      await index.apply([upsert(decided, 1)]);
      expect(await ids({ query: '虚假' })).toEqual([decided.id]);
      const notice: DisclosureDocument = {
        ...decided, legalRepresentative: null, violationType: '', violationFacts: '', legalBasis: '', penaltyCategories: [], penaltyContent: '',
        fineAmount: null, confiscatedAmount: null, publishedFrom: '2026-06-20', publishedUntil: '2026-09-20',
        withdrawnOn: '2026-06-20', withdrawalReason: '行政复议决定撤销原处罚决定',
      };
      await index.apply([upsert(notice, 2)]);
      // The facts are gone from the index; the decision number and the party still lead to the notice.
      expect(await ids({ query: '虚假' })).toEqual([]);
      const [hit] = (await search({ query: decided.decisionNumber })).hits;
      expect(hit.doc).toEqual(notice);
      expect(await ids({ query: '撤销处罚测试' })).toEqual([decided.id]);
      expect(await index.getVisible([decided.id], AS_OF)).toEqual([notice]);
      expect(await index.getVisible([decided.id], '2026-09-21')).toEqual([]);
      expect(await index.findExpired('2026-09-21', 100)).toContain(decided.id);
      await index.apply([{ op: 'delete', id: decided.id, version: 3 }]);
      expect(await ids({ query: decided.decisionNumber })).toEqual([]);
    });

    it('builds a new version beside the live one and swaps it in atomically', async () => {
      const build = await index.beginBuild();
      const kept = contractDoc({ partyName: '天长市新建索引食品厂', decisionDate: '2026-06-15', publishedFrom: '2026-06-15' });
      await build.apply([upsert(kept, 3), upsert(food, 10)]);
      expect(await ids({ query: '新建' })).toEqual([]);
      await build.commit();
      expect(new Set(await ids({ query: '食品' }))).toEqual(new Set([kept.id, food.id]));
      expect(await ids({ query: '假冒' })).toEqual([]);
      await index.apply([upsert(kept, 3)]);
      expect((await index.scan(null, 10)).map((s) => [s.doc.id, s.version])).toEqual([[food.id, 10], [kept.id, 3]]);
    });
  });
}

/** Newest decision first, then higher id: the order without a query. */
function byNewest(docs: DisclosureDocument[]) {
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  return (a: string, b: string) => {
    const x = byId.get(a) as DisclosureDocument;
    const y = byId.get(b) as DisclosureDocument;
    return x.decisionDate === y.decisionDate ? Number(b) - Number(a) : x.decisionDate < y.decisionDate ? 1 : -1;
  };
}
