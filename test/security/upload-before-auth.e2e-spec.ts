// Issue 10, "Upload before authentication": a multipart body was parsed and written to disk before anyone
// asked who sent it, with no total cap and no rate limit; any caller could send a 16 MB JSON body. Now the
// caller is known and counted before a byte of a large body is read, and each caller gets its own limit:
// anonymous callers and people BODY_LIMIT_BYTES (64 KiB here), departments BODY_LIMIT_DEPARTMENT_BYTES, uploads
// IMPORT_MAX_UPLOAD_BYTES. The refusals come while the body is still unsent (a real socket shows it), as coded
// GraphQL-shaped JSON, never a hang.
import { Readable } from 'node:stream';
import { createTestApp, TestApp } from '@credit/testing';
import { answerBeforeBody, multipartBody, multipartHead, MULTIPART_TYPE, RawAnswer, scratchDirectories, waitFor } from './upload-requests';

const UPLOADS_PER_MINUTE = 3;
const BAD_KEYS_PER_MINUTE = 5; // RATE_LIMIT_ANONYMOUS_PER_MINUTE: a failed key counts as an anonymous request

describe('uploads and large bodies: authenticated, counted and capped before the body is read', () => {
  let t: TestApp;
  let port: number;
  let key: string;
  let otherKey: string;
  const csv = Buffer.from('行政相对人名称,处罚决定日期\r\n甲,2026-01-01\r\n');
  const preflight = { 'content-type': MULTIPART_TYPE, 'apollo-require-preflight': 'true' };
  const twentyMb = 20 * 1024 * 1024;

  beforeAll(async () => {
    t = await createTestApp({ IMPORT_UPLOADS_PER_MINUTE: String(UPLOADS_PER_MINUTE), RATE_LIMIT_ANONYMOUS_PER_MINUTE: String(BAD_KEYS_PER_MINUTE), RATE_LIMIT_BAD_CREDENTIALS_PER_MINUTE: String(BAD_KEYS_PER_MINUTE) });
    key = (await t.createDepartment('CZ-GATE-A')).apiKey;
    otherKey = (await t.createDepartment('CZ-GATE-B')).apiKey;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => t.close());

  const errorOf = (answer: RawAnswer) => JSON.parse(answer.body).errors[0];

  it('answers an anonymous 20 MB upload with 401 after its first kilobyte, writing nothing to disk', async () => {
    const before = scratchDirectories();
    const answer = await answerBeforeBody(port, preflight, multipartHead('x.csv'), twentyMb);
    expect(answer.status).toBe(401);
    expect(answer.headers).toMatch(/connection: close/i);
    expect(errorOf(answer).extensions.code).toBe('UNAUTHENTICATED');
    expect(scratchDirectories().filter((name) => !before.includes(name))).toEqual([]);
  });

  it('answers an upload with an invalid key with 401, and a person (JWT) with 403, before the body', async () => {
    const bad = await answerBeforeBody(port, { ...preflight, 'x-api-key': 'ck_invalid_000000000000' }, multipartHead('x.csv'), twentyMb);
    expect([bad.status, errorOf(bad).extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const person = await answerBeforeBody(port, { ...preflight, authorization: `Bearer ${await t.adminToken()}` }, multipartHead('x.csv'), twentyMb);
    expect([person.status, errorOf(person).extensions.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('answers a department upload declared larger than IMPORT_MAX_UPLOAD_BYTES with 413 before the body', async () => {
    const answer = await answerBeforeBody(port, { ...preflight, 'x-api-key': key }, multipartHead('x.csv'), 64 * 1024 * 1024);
    expect(answer.status).toBe(413);
    expect(errorOf(answer).extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
  });

  it('cuts a chunked upload (no Content-Length) at the cap with a coded 413, never a hang', async () => {
    const body = Readable.from((function* () {
      yield multipartHead('x.csv');
      for (let sent = 0; sent < 24 * 1024 * 1024; sent += 1024 * 1024) yield Buffer.alloc(1024 * 1024, 0x41);
    })());
    const before = scratchDirectories();
    const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { ...preflight, 'x-api-key': key }, payload: body });
    expect(response.statusCode).toBe(413);
    expect(response.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // The partial file goes with its directory once the answer is sent (onResponse runs just after).
    await waitFor(() => scratchDirectories().filter((name) => !before.includes(name)).length === 0, 2_000, 'the partial upload to be removed');
  });

  it('counts uploads per department before reading them: the next one is RATE_LIMITED with Retry-After', async () => {
    const send = (apiKey: string) =>
      t.app.inject({ method: 'POST', url: '/graphql', headers: { ...preflight, 'x-api-key': apiKey }, payload: multipartBody('x.csv', csv, { dryRun: true }) });
    // The chunked upload above was already counted (the declared-oversize one was refused before counting).
    const answers = [];
    for (let index = 0; index < UPLOADS_PER_MINUTE; index++) answers.push(await send(key));
    const limited = answers.find((response) => response.statusCode === 429);
    expect(limited).toBeDefined();
    expect(limited?.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited?.json().errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another department is not held up by this one.
    const other = await send(otherKey);
    expect(other.statusCode).toBe(200);
    expect(other.json().errors[0].extensions.code).toBe('BAD_USER_INPUT'); // the tiny file's header row, read after all
  });

  it('gives an anonymous caller a 64 KiB JSON body, not 16 MB; a department gets its larger limit', async () => {
    const query = (padding: number) => JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(padding) } });
    const json = { 'content-type': 'application/json' };
    const small = await t.app.inject({ method: 'POST', url: '/graphql', headers: json, payload: query(60 * 1024) });
    expect([small.statusCode, small.json().data]).toEqual([200, { __typename: 'Query' }]);

    const declared = await answerBeforeBody(port, json, Buffer.from(query(0).slice(0, 10)), 1024 * 1024);
    expect([declared.status, errorOf(declared).extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const streamed = await t.app.inject({ method: 'POST', url: '/graphql', headers: json, payload: Readable.from([Buffer.from(query(1024 * 1024))]) });
    expect([streamed.statusCode, streamed.json().errors[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    const department = await t.app.inject({ method: 'POST', url: '/graphql', headers: { ...json, 'x-api-key': otherKey }, payload: query(1024 * 1024) });
    expect([department.statusCode, department.json().data]).toEqual([200, { __typename: 'Query' }]);
  });

  // Last: the address is then refused for a minute, whatever key it sends.
  it('refuses further key checks from an address that keeps sending bad keys, before looking them up', async () => {
    const codes: number[] = [];
    for (let index = 0; index < BAD_KEYS_PER_MINUTE + 2; index++) {
      const response = await t.app.inject({ method: 'POST', url: '/graphql', headers: { ...preflight, 'x-api-key': `ck_bad_${index}` }, payload: multipartBody('x.csv', csv) });
      codes.push(response.statusCode);
    }
    expect(codes.slice(-2)).toEqual([429, 429]);
  });
});
