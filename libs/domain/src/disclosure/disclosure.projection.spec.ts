import { IdType, PartyType, PenaltyCategory, Severity } from '../penalty/penalty.types';
import { decideDisclosure } from './disclosure.policy';
import { DisclosureSourceRecord, NotPublishedError, publicProjection } from './disclosure.projection';

const ID = '11010519491231002X';

function record(overrides: Partial<DisclosureSourceRecord>): DisclosureSourceRecord {
  return {
    partyType: PartyType.LEGAL_ENTITY,
    partyName: '滁州市某某食品有限公司',
    uscc: '91350100M000100Y43',
    legalRepresentative: '李四',
    idType: IdType.RESIDENT_ID,
    idNumber: ID,
    decisionNumber: '滁市监处罚〔2026〕12号',
    violationType: '销售不符合食品安全标准的食品',
    violationFacts: `法定代表人李四（身份证号${ID}）于2026年3月5日销售过期食品`,
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    penaltyCategories: [PenaltyCategory.FINE, PenaltyCategory.CONFISCATE_ILLEGAL_GAINS],
    penaltyContent: '罚款5000元，没收违法所得',
    fineAmount: '0.5',
    confiscatedAmount: '0.12',
    licenseInfo: null,
    decisionDate: '2026-06-15',
    authorityName: '滁州市市场监督管理局',
    authorityUscc: '11341100MB1234567X',
    remarks: '联系电话13912345678',
    ...overrides,
  };
}

const decide = (r: DisclosureSourceRecord, publishNaturalPersons = true) =>
  decideDisclosure(
    {
      partyType: r.partyType,
      severity: Severity.GENERAL,
      categories: r.penaltyCategories,
      decisionDate: r.decisionDate,
      publicUntil: null,
      partyBirthDate: r.partyType === PartyType.NATURAL_PERSON ? '1949-12-31' : null,
    },
    { publishNaturalPersons },
  );

describe('publicProjection', () => {
  it('shows an organisation in full except personal data in free text', () => {
    const source = record({});
    expect(publicProjection(source, decide(source))).toEqual({
      partyType: PartyType.LEGAL_ENTITY,
      partyName: '滁州市某某食品有限公司',
      uscc: '91350100M000100Y43',
      legalRepresentative: '李四',
      decisionNumber: '滁市监处罚〔2026〕12号',
      violationType: '销售不符合食品安全标准的食品',
      violationFacts: '法定代表人李四（身份证号******************）于2026年3月5日销售过期食品',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      penaltyCategories: [PenaltyCategory.FINE, PenaltyCategory.CONFISCATE_ILLEGAL_GAINS],
      penaltyContent: '罚款5000元，没收违法所得',
      fineAmount: '0.5',
      confiscatedAmount: '0.12',
      licenseInfo: null,
      decisionDate: '2026-06-15',
      authorityName: '滁州市市场监督管理局',
      authorityUscc: '11341100MB1234567X',
      remarks: '联系电话***********',
      publishedFrom: '2026-06-15',
      publishedUntil: '2027-06-15',
    });
  });

  it.each(['00000000000000000X', '00000000000000000x'])('shows no USCC for the sentinel %s', (uscc) => {
    const source = record({
      partyType: PartyType.INDIVIDUAL_BUSINESS,
      partyName: '琅琊区张三小吃店',
      uscc,
      legalRepresentative: '张三',
    });
    const view = publicProjection(source, decide(source));
    expect([view.partyName, view.uscc, view.legalRepresentative]).toEqual(['琅琊区张三小吃店', null, '张三']);
  });

  it('never carries the ID type or number, not even masked', () => {
    const source = record({});
    const view = publicProjection(source, decide(source));
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['idNumber']));
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['idType']));
    const json = JSON.stringify(view);
    expect(json).not.toContain(ID);
    expect(json).not.toContain('1101');
  });

  it('masks a natural person: name in every field, no USCC or legal representative, address hidden', () => {
    const source = record({
      partyType: PartyType.NATURAL_PERSON,
      partyName: '张三',
      uscc: null,
      legalRepresentative: null,
      violationFacts: `张三（住址：滁州市琅琊区丰乐大道1号，身份证号${ID}）无证经营，张三对事实无异议`,
      penaltyContent: '对张三罚款5000元',
      licenseInfo: '吊销张三的食品经营许可证',
      remarks: '张三电话13912345678',
    });
    const view = publicProjection(source, decide(source));
    expect(view).toMatchObject({
      partyName: '张*',
      uscc: null,
      legalRepresentative: null,
      violationFacts: '张*（住址：***，身份证号******************）无证经营，张*对事实无异议',
      penaltyContent: '对张*罚款5000元',
      licenseInfo: '吊销张*的食品经营许可证',
      remarks: '张*电话***********',
    });
    expect(JSON.stringify(view)).not.toContain('张三');
  });

  it('does not mask addresses of organisations (their 住所 is public registration data)', () => {
    const source = record({ remarks: '住所：滁州市琅琊区丰乐大道1号' });
    expect(publicProjection(source, decide(source)).remarks).toBe('住所：滁州市琅琊区丰乐大道1号');
  });

  it('refuses to project a record the policy did not publish', () => {
    const source = record({ partyType: PartyType.NATURAL_PERSON, partyName: '张三', uscc: null });
    const decision = decide(source, false);
    expect(() => publicProjection(source, decision)).toThrow(NotPublishedError);
    expect(() => publicProjection(source, decision)).toThrow('record is not published (NATURAL_PERSON)');
  });
});
