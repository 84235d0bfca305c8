import { PartyType, PenaltyCategory as C, Severity } from './penalty.types';
import { deriveSeverity, SEVERITY_RULE } from './severity.rule';

const ORG = PartyType.LEGAL_ENTITY;
const BIZ = PartyType.INDIVIDUAL_BUSINESS;
const PERSON = PartyType.NATURAL_PERSON;

describe('deriveSeverity', () => {
  it.each<[string, PartyType, C[], string | null, string | null, Severity]>([
    // Serious by category, whatever the amount
    ['revoked licence', ORG, [C.REVOKE_LICENSE], null, null, Severity.SERIOUS],
    ['ordered closed', ORG, [C.ORDER_CLOSURE], null, null, Severity.SERIOUS],
    ['practice restricted', PERSON, [C.RESTRICT_PRACTICE], null, null, Severity.SERIOUS],
    ['production suspended with a small fine', BIZ, [C.FINE, C.SUSPEND_PRODUCTION], '0.5', null, Severity.SERIOUS],
    ['detention next to a warning', PERSON, [C.WARNING, C.DETENTION], null, null, Severity.SERIOUS],
    // Serious by amount: organisations ≥ 100 万元
    ['organisation fined exactly 100', ORG, [C.FINE], '100', null, Severity.SERIOUS],
    ['organisation fined just below 100', ORG, [C.FINE], '99.999999', null, Severity.GENERAL],
    ['organisation: fine + confiscation reach 100', ORG, [C.FINE, C.CONFISCATE_ILLEGAL_GAINS], '60', '40', Severity.SERIOUS],
    ['organisation: confiscation alone reaches 100', ORG, [C.CONFISCATE_ILLEGAL_GAINS], null, '100', Severity.SERIOUS],
    ['individual business fined exactly 100', BIZ, [C.FINE], '100', null, Severity.SERIOUS],
    ['individual business fined 5 is not serious', BIZ, [C.FINE], '5', null, Severity.GENERAL],
    // Serious by amount: natural persons ≥ 5 万元
    ['person fined exactly 5', PERSON, [C.FINE], '5', null, Severity.SERIOUS],
    ['person fined just below 5', PERSON, [C.FINE], '4.999999', null, Severity.GENERAL],
    ['person: fine + confiscation reach 5', PERSON, [C.FINE, C.CONFISCATE_ILLEGAL_PROPERTY], '2', '3', Severity.SERIOUS],
    // Minor: warning / criticism only
    ['warning only', ORG, [C.WARNING], null, null, Severity.MINOR],
    ['criticism only', PERSON, [C.CRITICISM], null, null, Severity.MINOR],
    ['warning and criticism', BIZ, [C.WARNING, C.CRITICISM], null, null, Severity.MINOR],
    // Minor: 行政处罚法 art. 51 simplified procedure, fine ≤ 3,000 元 (0.3 万元) for organisations and businesses
    ['organisation fined exactly 3,000 元', ORG, [C.FINE], '0.3', null, Severity.MINOR],
    ['organisation fined 3,000.01 元', ORG, [C.FINE], '0.300001', null, Severity.GENERAL],
    ['organisation fined 5,000 元 (was minor under the old 1万 line)', ORG, [C.FINE], '0.5', null, Severity.GENERAL],
    ['organisation fined 9,999 元 (was minor under the old 1万 line)', ORG, [C.FINE], '0.9999', null, Severity.GENERAL],
    ['organisation warned and fined 2,000 元', ORG, [C.WARNING, C.FINE], '0.2', null, Severity.MINOR],
    ['individual business fined exactly 3,000 元', BIZ, [C.FINE], '0.3', null, Severity.MINOR],
    ['individual business fined 3,000.01 元', BIZ, [C.FINE], '0.300001', null, Severity.GENERAL],
    // Minor: fine ≤ 200 元 (0.02 万元) for natural persons
    ['person fined exactly 200 元', PERSON, [C.FINE], '0.02', null, Severity.MINOR],
    ['person fined 200.01 元', PERSON, [C.FINE], '0.020001', null, Severity.GENERAL],
    ['person fined 1,000 元 (minor for a company, not for a person)', PERSON, [C.FINE], '0.1', null, Severity.GENERAL],
    // Not minor although the fine is low
    ['small fine with criticism', ORG, [C.FINE, C.CRITICISM], '0.1', null, Severity.GENERAL],
    ['small fine with confiscated gains', ORG, [C.FINE, C.CONFISCATE_ILLEGAL_GAINS], '0.1', '0.1', Severity.GENERAL],
    ['small fine with a suspended licence', ORG, [C.FINE, C.SUSPEND_LICENSE], '0.1', null, Severity.GENERAL],
    ['FINE without an amount', ORG, [C.FINE], null, null, Severity.GENERAL],
    // General otherwise
    ['licence suspended', ORG, [C.SUSPEND_LICENSE], null, null, Severity.GENERAL],
    ['operations restricted', ORG, [C.RESTRICT_OPERATIONS], null, null, Severity.GENERAL],
    ['other', PERSON, [C.OTHER], null, null, Severity.GENERAL],
    ['no categories', ORG, [], null, null, Severity.GENERAL],
  ])('%s → %s', (_case, partyType, penaltyCategories, fineAmount, confiscatedAmount, expected) => {
    expect(deriveSeverity({ partyType, penaltyCategories, fineAmount, confiscatedAmount })).toBe(expected);
  });

  it('publishes its thresholds as citable data', () => {
    expect(SEVERITY_RULE.seriousTotalAtLeast).toEqual({ LEGAL_ENTITY: '100', INDIVIDUAL_BUSINESS: '100', NATURAL_PERSON: '5' });
    expect(SEVERITY_RULE.lowFineAtMost).toEqual({ LEGAL_ENTITY: '0.3', INDIVIDUAL_BUSINESS: '0.3', NATURAL_PERSON: '0.02' });
    expect(SEVERITY_RULE.source).toContain('第五十一条');
    expect([...SEVERITY_RULE.seriousCategories].sort()).toEqual(
      ['DETENTION', 'ORDER_CLOSURE', 'RESTRICT_PRACTICE', 'REVOKE_LICENSE', 'SUSPEND_PRODUCTION'],
    );
  });
});
