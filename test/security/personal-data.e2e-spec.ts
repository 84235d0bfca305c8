// Natural persons' ID numbers never reach the public: with publication of natural persons switched ON, and ID
// numbers planted in every free-text field, neither the public index table nor any response of any public
// operation contains anything shaped like a resident ID number, and persons' names appear only masked.
import { addMonths, buildResidentId, todayInChina } from '@credit/domain';
import { createTestApp, naturalPersonRecord, penaltyRecord, SUBMIT, TestApp } from '@credit/testing';

// GB 11643 shape: region, birth date 19xx/20xx, sequence, check character.
const RESIDENT_ID = /[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]/;

describe('personal data in public output', () => {
  let t: TestApp;
  const month = addMonths(todayInChina(), -1);
  const ids = ['19800101', '19751231', '20010615'].map((birth, i) => buildResidentId('341102', birth, String(300 + i)));
  const people = ['张三丰', '李四', '欧阳娜娜'];

  beforeAll(async () => {
    t = await createTestApp({ PUBLISH_NATURAL_PERSONS: 'true' });
    const { apiKey } = await t.createDepartment('CZ-PII');
    const planted = (id: string) => `当事人（公民身份号码${id}，电话13912345678）在滁州市琅琊区销售过期食品，身份证号：${id}。`;
    const records = [
      ...people.map((name, i) =>
        naturalPersonRecord({ partyName: name, idNumber: ids[i], severity: 'GENERAL', decisionDate: month, violationFacts: planted(ids[i]), penaltyContent: `罚款（${ids[i]}）`, remarks: `备注${ids[i]}` }),
      ),
      // An organisation whose legal representative's ID is given: stored encrypted, never shown.
      penaltyRecord({ severity: 'GENERAL', decisionDate: month, idType: 'RESIDENT_ID', idNumber: ids[0], violationFacts: planted(ids[1]) }),
    ];
    const pushed = await t.gql(SUBMIT, { records }, { 'x-api-key': apiKey });
    expect(pushed.data.submitPenaltyRecords.created).toBe(records.length);
    await t.deliverOutbox();
  });
  afterAll(() => t.close());

  it('keeps ID numbers out of the public index table', async () => {
    const rows = await t.db.query<{ json: string }>('SELECT row_to_json(p)::text AS json FROM public_disclosures p');
    expect(rows.length).toBe(4);
    for (const { json } of rows) expect(json).not.toMatch(RESIDENT_ID);
  });

  it('keeps ID numbers and full names of persons out of every public response', async () => {
    const fields = 'id partyName uscc legalRepresentative decisionNumber violationType violationFacts legalBasis penaltyCategories penaltyContent fineAmount decisionDate publishedUntil authorityName departmentName regionCode highlights';
    const responses: string[] = [];
    for (const query of [null, '食品', '张三丰', '李四', '欧阳', ids[0], ids[1].slice(0, 10), '13912345678', '公民身份号码']) {
      const page = await t.gql(`query($q: String) { searchDisclosures(query: $q, first: 50) { edges { node { ${fields} } } } }`, { q: query });
      expect(page.errors).toBeUndefined();
      responses.push(page.raw);
      for (const edge of page.data.searchDisclosures.edges) responses.push((await t.gql(`query($id: ID!) { disclosure(id: $id) { ${fields} } }`, { id: edge.node.id })).raw);
    }
    responses.push((await t.gql('query { publicSeriousDishonestyList(first: 50) { edges { node { name uscc reasons } } } }')).raw);
    const all = responses.join('\n');
    expect(all).toContain('张**'); // published, masked
    for (const response of responses) {
      expect(response).not.toMatch(RESIDENT_ID);
      for (const name of people) expect(response).not.toContain(name);
    }
  });
});
