// The public search's fast path (apps/api/src/fast-path) answers exactly what Apollo answers. Every request is
// sent twice: as a public client sends it (the fast path takes it) and with an empty `extensions` object (which
// the fast path leaves to Apollo, and Apollo ignores); status, content type and body bytes must be the same.
// The fast path's counter shows which requests it served, replayed through Apollo, or passed on untouched.
import { FastPathOutcome, fastPathCounts } from '@credit/common';
import { addMonths, todayInChina } from '@credit/domain';
import { companyUscc, createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const PAGE = `query($q: String, $f: DisclosureFilter, $first: Int, $after: String) {
  searchDisclosures(query: $q, filter: $f, first: $first, after: $after) {
    totalCount totalCountIsLowerBound
    edges { cursor node { id partyName uscc decisionNumber violationType penaltyCategories fineAmount decisionDate publishedUntil departmentName regionCode highlights } }
    pageInfo { hasNextPage endCursor }
    facets { departments { value label count } regions { value label count } years { value count } categories { value label count } }
  } }`;
const SHAPED = `query Shaped($q: String) { searchDisclosures(query: $q, first: 2) {
  __typename list: edges { ... on DisclosureEdge { n: node { __typename name: partyName fineAmount } } } pageInfo { hasNextPage } } }`;
const TWO_FIELDS = `query($id: ID!) { searchDisclosures(first: 1) { totalCount } disclosure(id: $id) { id } }`;

const today = todayInChina();

const counts = () => fastPathCounts('searchDisclosures');

describe('public search fast path', () => {
  let t: TestApp;
  let marketKey: string;

  const post = async (body: Record<string, unknown>, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') => {
    const response = await t.app.inject({ method: 'POST', url: '/graphql', remoteAddress, headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
    // Every header but the ones that differ per response.
    const { date: _date, 'x-request-id': _id, ...headersSent } = response.headers;
    return { status: response.statusCode, headers: headersSent, body: response.body };
  };
  /** The same request through the fast path and through Apollo: the answers, and what the fast path did. */
  const both = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    // A text is compiled on its second sighting: the first goes to Apollo.
    await post(body, headers, '192.0.2.1');
    const before = await counts();
    const fast = await post(body, headers);
    const middle = await counts();
    const apollo = await post({ ...body, extensions: {} }, headers);
    const after = await counts();
    expect(after).toEqual(middle); // the Apollo copy never touches the fast path
    const did = (Object.keys(before) as FastPathOutcome[]).filter((k) => middle[k] > before[k]);
    return { fast, apollo, did };
  };

  beforeAll(async () => {
    t = await createTestApp();
    marketKey = (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey;
    const records = [
      penaltyRecord({ severity: 'GENERAL', decisionDate: addMonths(today, -1), partyName: '琅琊区好味食品商行', fineAmount: '1.5' }),
      penaltyRecord({ severity: 'SERIOUS', decisionDate: addMonths(today, -2), partyName: '南谯区华星电器商店', uscc: companyUscc('341103'), violationType: '销售假冒注册商标的商品' }),
      penaltyRecord({ severity: 'GENERAL', decisionDate: addMonths(today, -3), partyName: '天长市食品批发部', uscc: companyUscc('341181') }),
    ];
    const pushed = await t.gql(SUBMIT, { records }, { 'x-api-key': marketKey });
    expect(pushed.data.submitPenaltyRecords).toMatchObject({ created: 3, rejected: 0 });
    await t.deliverOutbox();
  });
  afterAll(() => t.close());

  it('serves public searches with the bytes Apollo would send: pages, words, filters, cursors, aliases and fragments', async () => {
    const first = await both({ query: PAGE, variables: { first: 2 } });
    expect(first.did).toEqual(['served']);
    expect(first.fast).toEqual(first.apollo);
    const page = JSON.parse(first.fast.body).data.searchDisclosures;
    expect(page.edges).toHaveLength(2);
    expect(page.totalCount).toBe(3);

    const requests: Record<string, unknown>[] = [
      { query: PAGE, variables: { q: '食品' } },
      { query: PAGE, variables: { q: '假冒', f: { regionCode: '341103' } } },
      { query: PAGE, variables: { f: { severity: 'SERIOUS', decisionDateFrom: addMonths(today, -6) } } },
      { query: PAGE, variables: { first: 2, after: page.pageInfo.endCursor } },
      { query: PAGE, variables: { q: '没有这种违法' } },
      { query: SHAPED, variables: { q: '食品' }, operationName: 'Shaped' },
    ];
    for (const body of requests) {
      const { fast, apollo, did } = await both(body);
      expect(did).toEqual(['served']);
      expect(fast).toEqual(apollo);
      expect(fast.status).toBe(200);
      expect(JSON.parse(fast.body).errors).toBeUndefined();
    }
  });

  it('lets Apollo word every error from the one resolver call it made, and hands refused variables over untouched', async () => {
    // The search refuses a one-character word (BAD_USER_INPUT from the service) and a page over 50 (from the pipe).
    for (const variables of [{ q: '食' }, { first: 51 }, { f: { decisionDateFrom: '2026-02-30' } }]) {
      const { fast, apollo, did } = await both({ query: PAGE, variables });
      expect({ variables, did }).toEqual({ variables, did: ['replayed'] });
      expect(fast).toEqual(apollo);
      expect(JSON.parse(fast.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    // A variable of the wrong type: refused before anything runs (Apollo's 400).
    const wrongType = await both({ query: PAGE, variables: { first: 'twenty' } });
    expect(wrongType.did).toEqual(['passed']);
    expect(wrongType.fast).toEqual(wrongType.apollo);
    expect(wrongType.fast.status).toBe(400);
  });

  it('leaves to Apollo what it does not precompile: other fields, several fields, directives, bad documents, other callers', async () => {
    const { apiKey } = await t.createDepartment('CZ-FAST');
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ query: TWO_FIELDS, variables: { id: '1' } }, {}],
      [{ query: `query { disclosure(id: "1") { id } }` }, {}],
      [{ query: `query($w: Boolean!) { searchDisclosures(first: 1) { totalCount @include(if: $w) } }`, variables: { w: true } }, {}],
      [{ query: `query { searchDisclosures(first: 1) { noSuchField } }` }, {}],
      [{ query: `query { searchDisclosures(first: 1) { totalCount }` }, {}],
      [{ query: PAGE, variables: { first: 1 }, operationName: 'Other' }, {}],
      [{ query: PAGE, variables: { first: 1 } }, { 'x-api-key': apiKey }],
      [{ query: PAGE, variables: { first: 1 } }, { accept: 'application/graphql-response+json' }],
    ];
    for (const [body, headers] of cases) {
      const { fast, apollo, did } = await both(body, headers);
      expect(did).toEqual([]);
      expect(fast).toEqual(apollo);
    }
  });

  it('never runs a document with literal values: a crafted string is data for Apollo, never code', async () => {
    // graphql-jit would paste a string starting with its Date marker into its generated code (fast-path-plan.ts).
    const payload = "__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d0) && (globalThis.searchFastPathInjected = true) && (0";
    const literal = `query { searchDisclosures(query: ${JSON.stringify(payload)}, first: 1) { totalCount } }`;
    const plain = `query { searchDisclosures(query: "食品", first: 1) { totalCount } }`;
    for (const query of [literal, plain]) {
      const { fast, apollo, did } = await both({ query });
      expect(did).toEqual([]);
      expect(fast).toEqual(apollo);
    }
    expect((globalThis as Record<string, unknown>).searchFastPathInjected).toBeUndefined();
  });

  it('compiles a text on its second sighting only', async () => {
    // At most ten compilations a second (the tests before this one may have spent them): start a fresh second.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000)));
    const text = `${PAGE} # a text no one sent before`;
    const first = await counts();
    expect(JSON.parse((await post({ query: text, variables: { first: 1 } })).body).errors).toBeUndefined();
    const second = await counts();
    expect(second).toEqual(first);
    await post({ query: text, variables: { first: 1 } });
    expect((await counts()).served).toBe(second.served + 1);
  });

  it('is off with GRAPHQL_FAST_PATH=false: Apollo answers every search', async () => {
    const plain = await createTestApp({ GRAPHQL_FAST_PATH: 'false' });
    try {
      const before = await counts();
      const answer = await plain.gql(PAGE, { first: 1 });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.searchDisclosures.edges).toEqual([]);
      expect(await counts()).toEqual(before);
    } finally {
      await plain.close();
    }
  });

  it('counts an anonymous caller once per search against its rate limit, and the refusal carries Retry-After', async () => {
    const limited = await createTestApp({ RATE_LIMIT_ANONYMOUS_PER_MINUTE: '3' });
    try {
      // Seen once from another address, so the next sighting is compiled and served by the fast path.
      await limited.app.inject({ method: 'POST', url: '/graphql', remoteAddress: '192.0.2.1', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ query: PAGE, variables: { first: 1 } }) });
      const answers = [];
      // The first search is refused by the service after the guard counted it: replayed through Apollo, it must
      // not be counted a second time, or the third search would already be over the budget.
      for (const variables of [{ q: '食' }, { first: 1 }, { first: 1 }, { first: 1 }]) {
        const response = await limited.app.inject({
          method: 'POST', url: '/graphql', remoteAddress: '203.0.113.9', headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ query: PAGE, variables }),
        });
        answers.push({ code: JSON.parse(response.body).errors?.[0]?.extensions?.code ?? 'OK', retryAfter: response.headers['retry-after'] });
      }
      expect(answers.map((a) => a.code)).toEqual(['BAD_USER_INPUT', 'OK', 'OK', 'RATE_LIMITED']);
      expect(Number(answers[3].retryAfter)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
