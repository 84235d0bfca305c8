// Data for the public portal's tests (HTML over inject, and the real browser), pushed through the real
// mutations: two departments (one with a 异议/信用修复 contact), companies with published decisions, one with a
// stored <script> in its name, one revoked decision (withdrawal notice), one natural person (never shown), one
// 轻微 decision (never published) and one company on the serious-dishonesty list. Dates are relative to China's
// today; the listing procedure moves through ListingClock, as test/e2e/blacklist.e2e-spec.ts does.
import { ListingClock } from '@credit/blacklist';
import { addDays, addMonths, buildResidentId, todayInChina } from '@credit/domain';
import { companyUscc, naturalPersonRecord, penaltyRecord, SUBMIT } from './records';
import type { TestApp } from './test-app';

export const PORTAL_CONTACT = '滁州市市场监督管理局信用监管科，电话 0550-3022345，地址 滁州市琅琊区紫薇中路 168 号';
export const SCRIPT_NAME = '<script>alert("xss")</script>滁州市脚本测试商贸有限公司';
export const PERSON_NAME = '张伟明';
export const PERSON_ID = buildResidentId('341102', '19800101', '321');

export interface PortalFixture {
  today: string;
  company: { name: string; uscc: string; decisionNumber: string; id: string };
  listed: { name: string; uscc: string };
  revoked: { decisionNumber: string; id: string; reason: string };
  scriptRecordId: string;
  minorUscc: string;
  /** Decision ids of the many 食品 records, enough for more than one result page. */
  foodCount: number;
}

export async function seedPortal(t: TestApp, options: { foodRecords?: number } = {}): Promise<PortalFixture> {
  const today = todayInChina();
  const monthsAgo = (n: number) => addMonths(today, -n);
  const market = { 'x-api-key': (await t.createDepartment('CZ-SCJGJ', '滁州市市场监督管理局')).apiKey };
  const ecology = { 'x-api-key': (await t.createDepartment('CZ-SSTHJJ', '滁州市生态环境局')).apiKey };
  const admin = { authorization: `Bearer ${await t.adminToken()}` };
  const contact = await t.gql(`mutation($i: SetDepartmentPublicContactInput!) { setDepartmentPublicContact(input: $i) { code publicContact } }`, { i: { departmentCode: 'CZ-SCJGJ', publicContact: PORTAL_CONTACT } }, admin);
  if (contact.errors) throw new Error(contact.raw);

  const company = penaltyRecord({ severity: 'SERIOUS', decisionDate: monthsAgo(2), partyName: '滁州市琅琊区示范食品有限公司', uscc: companyUscc('341102'),
    violationType: '生产经营超过保质期的食品', penaltyCategories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], penaltyContent: '没收违法所得，罚款人民币伍万元整', fineAmount: '5', confiscatedAmount: '0.36' });
  const script = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(1), partyName: SCRIPT_NAME, violationFacts: '当事人销售标签不符合规定的食品<img src=x onerror=alert(1)>。' });
  const revoked = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(1), partyName: '南谯区撤销测试食品店', uscc: companyUscc('341103') });
  const person = naturalPersonRecord({ severity: 'GENERAL', decisionDate: monthsAgo(1), partyName: PERSON_NAME, idNumber: PERSON_ID, violationFacts: `${PERSON_NAME}无证销售食品。` });
  const minor = penaltyRecord({ severity: 'MINOR', decisionDate: monthsAgo(1), partyName: '轻微违法食品商户', penaltyCategories: ['WARNING'], penaltyContent: '警告', fineAmount: null });
  const listedRecord = penaltyRecord({ severity: 'SERIOUS', decisionDate: addDays(today, -420), partyName: '滁州市失信名单示例贸易有限公司', uscc: companyUscc('341102') });
  const foodCount = options.foodRecords ?? 24;
  const food = Array.from({ length: foodCount }, (_, i) => penaltyRecord({ severity: 'GENERAL', decisionDate: addDays(monthsAgo(3), i), partyName: `滁州市第${i + 1}食品经营部` }));
  const pushed = await t.gql(SUBMIT, { records: [company, script, revoked, person, minor, listedRecord, ...food] }, market);
  if (pushed.errors || pushed.data.submitPenaltyRecords.rejected > 0) throw new Error(`push failed: ${pushed.raw}`);
  const ids = pushed.data.submitPenaltyRecords.results.map((r: { recordId: string }) => r.recordId) as string[];
  const water = penaltyRecord({ severity: 'GENERAL', decisionDate: monthsAgo(2), partyName: '凤阳县水务污染测试有限公司', violationType: '超标排放水污染物', penaltyContent: '罚款人民币拾万元整', fineAmount: '10' });
  const eco = await t.gql(SUBMIT, { records: [water] }, ecology);
  if (eco.errors || eco.data.submitPenaltyRecords.rejected > 0) throw new Error(`push failed: ${eco.raw}`);

  const reason = '经行政复议，原处罚决定被依法撤销';
  const revoke = await t.gql(`mutation($n: String!, $r: String!) { revokePenaltyRecord(decisionNumber: $n, reason: $r) { id } }`, { n: revoked.decisionNumber, r: reason }, market);
  if (revoke.errors) throw new Error(revoke.raw);

  // The serious-dishonesty list: list type, then propose → notify → (window) → confirm, in the past.
  const listType = await t.gql(`mutation($i: CreateListTypeInput!) { createListType(input: $i) { code } }`, {
    i: { code: 'SAMR-SERIOUS-ILLEGAL', name: '市场监督管理严重违法失信名单', legalBasis: '《市场监督管理严重违法失信名单管理办法》', designatingDepartmentCodes: ['CZ-SCJGJ'], termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5 },
  }, admin);
  if (listType.errors) throw new Error(listType.raw);
  const clock = t.app.get(ListingClock);
  const spy = jest.spyOn(clock, 'today');
  try {
    spy.mockReturnValue(addDays(today, -400));
    const proposed = await t.gql(`mutation($i: ProposeListingInput!) { proposeListing(input: $i) { id } }`, {
      i: { uscc: listedRecord.uscc, listTypeCode: 'SAMR-SERIOUS-ILLEGAL', decisionDocumentNumber: '滁市监信认〔2025〕7号', reasons: '拒不履行生效行政处罚决定，情节严重', legalBasis: '《市场监督管理严重违法失信名单管理办法》第十条', penaltyRecordIds: [ids[5]] },
    }, market);
    if (proposed.errors) throw new Error(proposed.raw);
    const listingId = proposed.data.proposeListing.id;
    const notified = await t.gql(`mutation($id: ID!, $d: Date!) { notifyListingParty(listingId: $id, noticeDate: $d) { id } }`, { id: listingId, d: addDays(today, -400) }, market);
    if (notified.errors) throw new Error(notified.raw);
    spy.mockReturnValue(addDays(today, -390));
    const confirmed = await t.gql(`mutation($id: ID!) { confirmListing(listingId: $id) { status } }`, { id: listingId }, market);
    if (confirmed.errors) throw new Error(confirmed.raw);
  } finally {
    spy.mockRestore();
  }
  await t.deliverOutbox();
  return {
    today,
    company: { name: company.partyName as string, uscc: company.uscc as string, decisionNumber: company.decisionNumber as string, id: ids[0] },
    listed: { name: listedRecord.partyName as string, uscc: listedRecord.uscc as string },
    revoked: { decisionNumber: revoked.decisionNumber as string, id: ids[2], reason },
    scriptRecordId: ids[1],
    minorUscc: minor.uscc as string,
    foodCount,
  };
}
