import { belongsInIndex, canonicalAmount, decisionOf, DisclosureSourceRow, indexOperationFor } from './disclosure-document';

const ON = { publishNaturalPersons: true };
const OFF = { publishNaturalPersons: false };
const ID = '11010519491231002X';

function row(overrides: Partial<DisclosureSourceRow> = {}): DisclosureSourceRow {
  return {
    id: '42',
    status: 'ACTIVE',
    repaired_on: null,
    revoked_on: null,
    revoke_reason: null,
    party_type: 'LEGAL_ENTITY',
    party_name: '滁州市某某食品有限公司',
    uscc: '91341102MA2N0ABC1X',
    legal_representative: '李四',
    decision_number: '滁市监处罚〔2026〕12号',
    violation_type: '销售不符合食品安全标准的食品',
    violation_facts: `法定代表人李四（身份证号${ID}）销售过期食品`,
    legal_basis: '《中华人民共和国食品安全法》第一百二十四条',
    penalty_categories: ['FINE'],
    penalty_content: '罚款5000元',
    fine_amount: '0.500000',
    confiscated_amount: null,
    license_info: null,
    decision_date: '2026-06-15',
    public_until: null,
    party_birth_date: null,
    act_date: null,
    party_adult_confirmed: false,
    publish_minor: false,
    severity: 'GENERAL',
    authority_name: '滁州市市场监督管理局',
    authority_uscc: '11341100MB1234567X',
    remarks: null,
    department_code: 'CZ-SCJGJ',
    department_name: '滁州市市场监督管理局',
    department_region: '341100',
    subject_region: '341102',
    version: '7',
    ...overrides,
  };
}

describe('indexOperationFor', () => {
  it('indexes a published organisation: registration region, exact amounts, ID number scrubbed from facts', () => {
    const op = indexOperationFor(row(), 7, OFF, '2026-11-28');
    expect(op).toEqual({
      op: 'upsert',
      version: 7,
      doc: expect.objectContaining({
        id: '42',
        partyName: '滁州市某某食品有限公司',
        uscc: '91341102MA2N0ABC1X',
        legalRepresentative: '李四',
        violationFacts: '法定代表人李四（身份证号******************）销售过期食品',
        fineAmount: '0.5',
        publishedFrom: '2026-06-15',
        publishedUntil: '2027-06-15',
        regionCode: '341102',
        departmentCode: 'CZ-SCJGJ',
        severity: 'GENERAL',
      }),
    });
    expect(JSON.stringify(op)).not.toContain(ID);
  });

  it('masks a natural person and takes the department region, never one derived from the ID number', () => {
    const person = row({ party_type: 'NATURAL_PERSON', party_name: '张三', uscc: null, legal_representative: null, violation_facts: '张三无证经营', subject_region: '110105', party_birth_date: '1980-01-01' });
    const op = indexOperationFor(person, 3, ON, '2026-11-28');
    expect(op.op === 'upsert' && [op.doc.partyName, op.doc.uscc, op.doc.legalRepresentative, op.doc.violationFacts, op.doc.regionCode]).toEqual(['张*', null, null, '张*无证经营', '341100']);
    expect(JSON.stringify(op)).not.toContain('张三');
  });

  it('uses the department region for the individual-business sentinel USCC', () => {
    const op = indexOperationFor(row({ party_type: 'INDIVIDUAL_BUSINESS', uscc: '00000000000000000X', subject_region: null }), 1, OFF, '2026-11-28');
    expect(op.op === 'upsert' && [op.doc.uscc, op.doc.regionCode]).toEqual([null, '341100']);
  });

  it.each<[string, Partial<DisclosureSourceRow>, typeof ON, string]>([
    ['natural person, publication off', { party_type: 'NATURAL_PERSON', uscc: null }, OFF, '2026-11-28'],
    ['natural person under 18 on the decision date', { party_type: 'NATURAL_PERSON', uscc: null, party_birth_date: '2010-01-01' }, ON, '2026-11-28'],
    ['轻微 under the 2023 rules', { severity: 'MINOR' }, OFF, '2026-11-28'],
    ['warning only under the 2023 rules', { penalty_categories: ['WARNING'] }, OFF, '2026-11-28'],
    ['revoked', { status: 'REVOKED' }, OFF, '2026-11-28'],
    ['repaired today', { repaired_on: '2026-11-28' }, OFF, '2026-11-28'],
    ['the day after publishedUntil', {}, OFF, '2027-06-16'],
  ])('deletes when %s', (_case, overrides, options, asOf) => {
    expect(indexOperationFor(row(overrides), 9, options, asOf)).toEqual({ op: 'delete', id: '42', version: 9 });
  });

  it('keeps the record on its last day, and on a repair dated later', () => {
    expect(indexOperationFor(row(), 1, OFF, '2027-06-15').op).toBe('upsert');
    expect(belongsInIndex(row({ repaired_on: '2026-12-01' }), decisionOf(row(), OFF), '2026-11-28')).toBe(true);
  });

  it('keeps the department publicUntil inside [min, max] as the last day', () => {
    const op = indexOperationFor(row({ public_until: '2026-12-31' }), 1, OFF, '2026-11-28');
    expect(op.op === 'upsert' && op.doc.publishedUntil).toBe('2026-12-31');
    expect(indexOperationFor(row({ public_until: '2026-12-31' }), 1, OFF, '2027-01-01').op).toBe('delete');
  });
});

describe('canonicalAmount', () => {
  it.each([
    ['2.500000', '2.5'],
    ['3.000000', '3'],
    ['12', '12'],
    [null, null],
  ])('%s → %s', (value, expected) => {
    expect(canonicalAmount(value)).toBe(expected);
  });
});
