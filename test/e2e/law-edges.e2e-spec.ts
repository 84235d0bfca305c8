// The law at its edges (issue 11), end to end over HTTP: penalties that may not be repaired early, and what a
// withdrawn or repaired decision leaves behind. Dates are relative to China's today so the periods hold.
import { SearchOutboxDelivery } from '@credit/disclosure';
import { addMonths, todayInChina } from '@credit/domain';
import { createTestApp, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

const REPAIR = `mutation($n: String!, $c: String!) { approveCreditRepair(decisionNumber: $n, commitment: $c) { id decisionNumber status } }`;

const today = todayInChina();
const monthsAgo = (n: number) => addMonths(today, -n);

describe('law at its edges (e2e over HTTP)', () => {
  let t: TestApp;
  let marketKey: string;
  const market = () => ({ 'x-api-key': marketKey });
  const deliver = () => t.app.get(SearchOutboxDelivery).drain();

  // Decided 13 months ago: past the 12-month minimum of a 严重 record, so only the exclusion can refuse it.
  const revoked = penaltyRecord({
    severity: 'SERIOUS', decisionDate: monthsAgo(13), partyName: '凤阳县吊销执照食品厂',
    penaltyCategories: ['FINE', 'REVOKE_LICENSE'], penaltyContent: '罚款人民币伍万元整，吊销食品经营许可证', fineAmount: '5',
  });
  const flagged = penaltyRecord({ severity: 'SERIOUS', decisionDate: monthsAgo(13), partyName: '来安县特定严重失信商行', notRepairable: true });
  const repairable = penaltyRecord({ severity: 'SERIOUS', decisionDate: monthsAgo(13), partyName: '全椒县可修复食品店' });

  beforeAll(async () => {
    t = await createTestApp();
    marketKey = (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey;
    const pushed = await t.gql(SUBMIT, { records: [revoked, flagged, repairable] }, market());
    expect(pushed.data.submitPenaltyRecords).toMatchObject({ created: 3, rejected: 0 });
    await deliver();
  });
  afterAll(() => t.close());

  it('refuses credit repair of a revoked-licence penalty with REPAIR_NOT_ALLOWED naming 总局令第45号 art. 14', async () => {
    const response = await t.gql(REPAIR, { n: revoked.decisionNumber, c: '本单位已履行处罚决定，承诺依法经营。' }, market());
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'REPAIR_NOT_ALLOWED', field: 'decisionNumber' });
    expect(response.errors?.[0].message).toContain('市场监督管理行政处罚信息公示规定（国家市场监督管理总局令第45号）第十四条');
    expect(response.errors?.[0].message).toContain('SAMR-ORDER-45-ART14');
    const [row] = await t.db.query<{ repaired_on: string | null }>(`SELECT repaired_on FROM penalty_records WHERE decision_number = $1`, [revoked.decisionNumber]);
    expect(row.repaired_on).toBeNull();
  });

  it('refuses a record its department marked not repairable, citing the rule of its decision date', async () => {
    const response = await t.gql(REPAIR, { n: flagged.decisionNumber, c: '承诺' }, market());
    expect(response.errors?.[0].extensions.code).toBe('REPAIR_NOT_ALLOWED');
    // 13 months before a 2026-12 today lies in the 2023–2026 rule's span; the message names whichever applies.
    expect(response.errors?.[0].message).toMatch(/发改办财金〔2019〕527号|国家发展和改革委员会令第58号|2025年第36号/);
  });

  it('still approves an ordinary 严重 record after its minimum period', async () => {
    const response = await t.gql(REPAIR, { n: repairable.decisionNumber, c: '本单位已履行处罚决定，承诺依法经营。' }, market());
    expect(response.errors).toBeUndefined();
    expect(response.data.approveCreditRepair).toMatchObject({ decisionNumber: repairable.decisionNumber });
  });
});
