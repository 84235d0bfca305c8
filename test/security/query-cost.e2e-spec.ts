// Query cost counts database work: a list under each item of a list is batched (one statement per request
// tick, not one per parent), its cost multiplies by every enclosing page size, the anonymous budget admits
// one full public page and not two, and persisted queries cannot slip past the token limit.
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

/** Counts the SQL statements every pg client of this process sends (the API runs in this process). */
function statementCounter() {
  const original = Client.prototype.query;
  let count = 0;
  (Client.prototype as any).query = function (this: Client, ...args: unknown[]) {
    count++;
    return (original as any).apply(this, args);
  };
  return { measure: async <T>(fn: () => Promise<T>) => ((count = 0), { result: await fn(), statements: count }), restore: () => ((Client.prototype as any).query = original) };
}

const SUBJECTS_WITH_RECORDS = (alias: string, records: string) => `${alias}: creditSubjects(first: 200) { edges { node { id penaltyRecords${records} } } }`;

describe('query cost counts database work', () => {
  let t: TestApp;
  let admin: { authorization: string };
  const counter = statementCounter();

  beforeAll(async () => {
    t = await createTestApp({ RUN_WORKER_IN_PROCESS: 'false' });
    const department = { 'x-api-key': (await t.createDepartment('CZ-COST')).apiKey };
    admin = { authorization: `Bearer ${await t.adminToken()}` };
    const subjects = Array.from({ length: 200 }, () => penaltyRecord());
    const more = [1, 2, 3].map((day) => penaltyRecord({ uscc: subjects[0].uscc, decisionDate: `2026-09-0${day}` }));
    const pushed = await t.gql(SUBMIT, { records: [...subjects, ...more] }, department);
    expect(pushed.data.submitPenaltyRecords.created).toBe(203);
    // Listed, so the public list has rows to page through.
  });
  afterAll(async () => {
    counter.restore();
    await t.close();
  });

  it('refuses 12 aliases × 200 subjects × penaltyRecords by cost, before running any of it', async () => {
    const query = `{ ${Array.from({ length: 12 }, (_, i) => SUBJECTS_WITH_RECORDS(`a${i}`, '(first: 1) { totalCount }')).join(' ')} }`;
    const { result, statements } = await counter.measure(() => t.gql(query, {}, admin));
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxCost' });
    expect(result.data).toBeUndefined();
    expect(statements).toBeLessThanOrEqual(3); // the caller's credentials, nothing of the query
  });

  it('loads the records of a page of 200 subjects in a bounded number of statements, correctly', async () => {
    const query = `{ ${SUBJECTS_WITH_RECORDS('page', '(first: 2) { totalCount edges { node { decisionNumber decisionDate } } pageInfo { hasNextPage } }')} }`;
    const { result, statements } = await counter.measure(() => t.gql(query, {}, admin));
    expect(result.errors).toBeUndefined();
    const nodes = result.data.page.edges.map((edge: any) => edge.node);
    expect(nodes).toHaveLength(200);
    const busiest = nodes.find((node: any) => node.penaltyRecords.totalCount === 4);
    expect(busiest.penaltyRecords.edges.map((edge: any) => edge.node.decisionDate)).toEqual(['2026-10-15', '2026-09-03']);
    expect(busiest.penaltyRecords.pageInfo.hasNextPage).toBe(true);
    expect(nodes.filter((node: any) => node.penaltyRecords.totalCount === 1)).toHaveLength(199);
    // credentials, the subject page and its count, ONE statement for all 200 subjects' records (was 400).
    expect(statements).toBeLessThanOrEqual(8);
  });

  it('multiplies a nested connection by the enclosing page size, even when it asks for nothing but its count', async () => {
    const three = `{ ${['a', 'b', 'c'].map((alias) => SUBJECTS_WITH_RECORDS(alias, '(first: 1) { totalCount }')).join(' ')} }`;
    expect((await t.gql(three, {}, admin)).errors).toBeUndefined();
    const wide = `{ ${SUBJECTS_WITH_RECORDS('one', '(first: 200) { edges { node { decisionNumber partyName decisionDate } } }')} }`;
    const refused = await t.gql(wide, {}, admin);
    expect(refused.errors?.[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(refused.errors?.[0].message).toMatch(/costs \d+/);
  });

  describe('the anonymous budget', () => {
    const searchFields = 'id partyName uscc legalRepresentative decisionNumber violationType violationFacts legalBasis penaltyCategories penaltyContent fineAmount confiscatedAmount decisionDate publishedUntil authorityName departmentName regionCode highlights';
    const facets = 'facets { categories { value label count } departments { value label count } regions { value label count } years { value label count } }';
    const listFields = 'decisionDocumentNumber designatingDepartment expiresAt id legalBasis listTypeCode listTypeName listedAt name reasons uscc';

    it('admits one full page of either public list', async () => {
      const search = await t.gql(`{ searchDisclosures(query: "食品", first: 50) { totalCount totalCountIsLowerBound pageInfo { hasNextPage endCursor } edges { cursor node { ${searchFields} } } ${facets} } }`);
      expect(search.errors).toBeUndefined();
      const list = await t.gql(`{ publicSeriousDishonestyList(first: 200) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${listFields} } } } }`);
      expect(list.errors).toBeUndefined();
    });

    it.each([
      ['two full-size search pages with few fields', '{ a: searchDisclosures(first: 50) { edges { node { id } } } b: searchDisclosures(first: 50, query: "食品") { edges { node { id } } } }'],
      ['two one-item pages of different lists', '{ a: searchDisclosures(first: 1) { totalCount } b: publicSeriousDishonestyList(first: 1) { totalCount } }'],
      ['two pages through fragments', '{ ...A ...B } fragment A on Query { a: searchDisclosures(first: 50) { totalCount } } fragment B on Query { b: searchDisclosures(first: 50) { totalCount } }'],
    ])('refuses %s', async (_name, query) => {
      const result = await t.gql(query);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxCost' });
    });
  });

  describe('persisted queries (APQ)', () => {
    // ~900 tokens: over the anonymous limit of 800, under the authenticated one, valid and cheap otherwise.
    const big = `{ ${'...F '.repeat(450)}} fragment F on Query { __typename }`;
    const sha256Hash = createHash('sha256').update(big).digest('hex');
    const send = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });

    it('are not accepted, so a document stored by one caller cannot be run by hash alone past the token limit', async () => {
      const stored = await send({ query: big, extensions: { persistedQuery: { version: 1, sha256Hash } } }, admin);
      expect(JSON.parse(stored.body).errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
      const byHash = JSON.parse((await send({ extensions: { persistedQuery: { version: 1, sha256Hash } } })).body);
      expect(byHash.data).toBeUndefined();
      expect(byHash.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
      const asText = JSON.parse((await send({ query: big })).body);
      expect(asText.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'maxTokens' });
    });
  });
});
