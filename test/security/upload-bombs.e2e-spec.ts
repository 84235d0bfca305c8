// Issue 10, "Spreadsheet bombs": three small XLSX files that once took the API down (out of memory), produced a
// 96.6 MB inline report, or ran for 90 s and left 251 MB in /tmp. Each is answered with a coded error or a
// bounded report within seconds; afterwards the server answers /health, its RSS stayed within RSS_GROWTH_BOUND
// above what it used before, and no temporary file of this process is left. A client that disconnects
// mid-import stops the import.
import { buildUscc } from '@credit/domain';
import { createTestApp, TestApp } from '@credit/testing';
import { multipartBody, MULTIPART_TYPE, rssSampler, scratchDirectories, sendAndHold, waitFor } from './upload-requests';
import { farColumnBomb, HEADERS, repeatedStringBomb, sharedStringsBomb } from './xlsx-bombs';

/** The server runs in this process: its resident set may grow by at most this much over a warmed-up baseline. */
const RSS_GROWTH_BOUND = 256 * 1024 * 1024;
/** Each bomb is answered within this (the far-column one took 90 s before). */
const ANSWER_WITHIN_MS = 15_000;

describe('spreadsheet bombs through importPenaltyFile', () => {
  let t: TestApp;
  let key: string;
  let department: { id: string; uscc: string; name: string };
  let baseline: number;

  beforeAll(async () => {
    t = await createTestApp();
    const created = await t.createDepartment('CZ-BOMB', '滁州市市场监督管理局');
    key = created.apiKey;
    const [row] = await t.db.query<{ uscc: string; name: string }>('SELECT uscc, name FROM departments WHERE id = $1', [created.id]);
    department = { id: created.id, ...row };
    // Warm up (worker code, exceljs, the GraphQL schema) so the baseline is the server at work, not at rest.
    await upload('warm.csv', csvOf(1, '暖'));
    baseline = process.memoryUsage.rss();
  });
  afterAll(() => t.close());

  async function upload(filename: string, content: Buffer, variables: Record<string, unknown> = {}) {
    const started = Date.now();
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': MULTIPART_TYPE, 'x-api-key': key, 'apollo-require-preflight': 'true' },
      payload: multipartBody(filename, content, variables),
    });
    return { status: response.statusCode, json: JSON.parse(response.body), bytes: response.rawPayload.length, ms: Date.now() - started };
  }

  /** Uploads one bomb while sampling RSS; then the server must still be healthy and clean. */
  async function survive(filename: string, content: Buffer) {
    const before = scratchDirectories();
    const sampler = rssSampler();
    try {
      const answer = await upload(filename, content);
      expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
      const health = await t.app.inject({ method: 'GET', url: '/health' });
      expect([health.statusCode, health.json()]).toEqual([200, { status: 'ok' }]);
      expect(scratchDirectories().filter((name) => !before.includes(name))).toEqual([]);
      return answer;
    } finally {
      sampler.stop();
      expect(sampler.peak() - baseline).toBeLessThan(RSS_GROWTH_BOUND);
    }
  }

  function csvOf(rows: number, tag: string): Buffer {
    const line = (k: number) =>
      [
        `滁州市${tag}食品有限公司${k}`, '法人及非法人组织', buildUscc('91', '341102', String(50_000_000 + k)), '王建国', '', '', `滁市监${tag}罚〔2026〕${k}号`,
        '销售不符合食品安全标准的食品', '当事人销售超过保质期的食品。', '《中华人民共和国食品安全法》第一百二十四条', '警告；罚款', '警告，罚款人民币贰万伍仟元整', '2.5', '', '',
        '2026-10-15', '', '', department.name, department.uscc, department.name, department.uscc, '',
      ].join(',');
    return Buffer.from([HEADERS.join(','), ...Array.from({ length: rows }, (_, k) => line(k + 1))].join('\r\n') + '\r\n');
  }

  it('a 300 KB workbook whose shared strings inflate to 300 MB is refused as PAYLOAD_TOO_LARGE, the process intact', async () => {
    const bomb = sharedStringsBomb(300);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const { status, json } = await survive('bomb.xlsx', bomb);
    expect(status).toBe(200);
    expect(json.errors[0].extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file' });
    expect(json.errors[0].message).toContain('文件内容解压后超过128 MB');
  });

  it('a small workbook whose every cell is one long shared string answers with a bounded report and a count of the rest', async () => {
    const bomb = repeatedStringBomb(600, 5_000);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const { json, bytes } = await survive('repeated.xlsx', bomb);
    expect(json.errors).toBeUndefined();
    const summary = json.data.importPenaltyFile;
    expect(summary).toMatchObject({ rowsRead: 600, accepted: 0, rejected: 600, rejectedRowsTruncated: false });
    // 600 rows × 23 cells × 5,000 characters would be a 200 MB report; inline it stops at IMPORT_REPORT_MAX_BYTES (2 MiB).
    expect(Buffer.byteLength(summary.errorReportCsv)).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(summary.errorReportRowsOmitted).toBeGreaterThan(500);
    expect(bytes).toBeLessThan(4 * 1024 * 1024);
  });

  it('a workbook with a cell in column XFD on every row is refused at the first such cell, in seconds', async () => {
    const bomb = farColumnBomb(2_000);
    expect(bomb.length).toBeLessThan(32 * 1024);
    const { json } = await survive('far.xlsx', bomb);
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(json.errors[0].message).toContain('单元格XFD2超出了64列的上限');
  });

  it('stops importing when the client disconnects, and removes the upload and its report', async () => {
    const rows = 20_000;
    const stored = async () => Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM penalty_records WHERE decision_number LIKE '滁市监断%'`))[0].n);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.getHttpServer().address() as { port: number }).port;
    const before = scratchDirectories();
    const socket = sendAndHold(port, { 'content-type': MULTIPART_TYPE, 'x-api-key': key, 'apollo-require-preflight': 'true' }, multipartBody('big.csv', csvOf(rows, '断')));
    // The first batch of 1,000 is in the database: the import is under way. The client goes away.
    await waitFor(async () => (await stored()) > 0, 30_000, 'the first batch');
    socket.destroy();
    await waitFor(() => scratchDirectories().filter((name) => !before.includes(name)).length === 0, 5_000, 'the upload directory to go');
    // A batch already on its way to the database may still land; after that the count stays where it is.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1_500));
    let last = -1;
    for (let now = await stored(); now !== last; now = await stored()) {
      last = now;
      await pause();
    }
    await pause();
    expect(await stored()).toBe(last);
    expect(last).toBeLessThan(rows);
  });
});
