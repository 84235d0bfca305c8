import { isMinorOn } from '../identifiers/resident-id';
import { PartyType, PenaltyCategory, Severity } from '../penalty/penalty.types';
import {
  canApproveCreditRepair,
  decideDisclosure,
  DisclosureDecision,
  DisclosureInput,

  isPubliclyVisible,
} from './disclosure.policy';

const { LEGAL_ENTITY, INDIVIDUAL_BUSINESS, NATURAL_PERSON } = PartyType;
const { MINOR, GENERAL, SERIOUS } = Severity;
const ON = { publishNaturalPersons: true };
const OFF = { publishNaturalPersons: false };
const ADULT = '1980-01-01';

function input(overrides: Partial<DisclosureInput>): DisclosureInput {
  return {
    partyType: LEGAL_ENTITY,
    severity: GENERAL,
    categories: [PenaltyCategory.FINE],
    decisionDate: '2024-06-15',
    publicUntil: null,
    partyBirthDate: null,
    ...overrides,
  };
}

/** [published, reason, ruleSetId, earliestRepairDate, publishedUntil] */
type Expected = [boolean, string | null, string, string | null, string | null];
function summary(d: DisclosureDecision): Expected {
  return [d.published, d.notPublishedReason, d.ruleSetId, d.earliestRepairDate, d.publishedUntil];
}

describe('decideDisclosure: rule period × severity × party type', () => {
  const cases: [string, Severity, Expected][] = [
    ['2022-06-15', MINOR, [true, null, 'NDRC-2019-527', '2022-09-15', '2023-06-15']],
    ['2022-06-15', GENERAL, [true, null, 'NDRC-2019-527', '2022-09-15', '2023-06-15']],
    ['2022-06-15', SERIOUS, [true, null, 'NDRC-2019-527', '2022-12-15', '2025-06-15']],
    ['2024-06-15', MINOR, [false, 'MINOR', 'NDRC-ORDER-58', null, null]],
    ['2024-06-15', GENERAL, [true, null, 'NDRC-ORDER-58', '2024-09-15', '2025-06-15']],
    ['2024-06-15', SERIOUS, [true, null, 'NDRC-ORDER-58', '2025-06-15', '2027-06-15']],
    ['2026-06-15', MINOR, [false, 'MINOR', 'CREDIT-REPAIR-2026', null, null]],
    ['2026-06-15', GENERAL, [true, null, 'CREDIT-REPAIR-2026', '2026-09-15', '2027-06-15']],
    ['2026-06-15', SERIOUS, [true, null, 'CREDIT-REPAIR-2026', '2027-06-15', '2029-06-15']],
  ];
  const table = cases.flatMap(([date, severity, expected]) =>
    [LEGAL_ENTITY, INDIVIDUAL_BUSINESS, NATURAL_PERSON].map((party) => [date, severity, party, expected] as const),
  );

  it.each(table)('%s %s %s (natural persons switched on)', (decisionDate, severity, partyType, expected) => {
    const birth = partyType === NATURAL_PERSON ? ADULT : null;
    const decision = decideDisclosure(input({ decisionDate, severity, partyType, partyBirthDate: birth }), ON);
    expect(summary(decision)).toEqual(expected);
    expect(decision.publishedFrom).toBe(expected[0] ? decisionDate : null);
    expect(decision.publicUntilClamped).toBe(false);
  });

  it.each(cases.map(([date, severity]) => [date, severity]))(
    '%s %s natural person with publication switched off is not published',
    (decisionDate, severity) => {
      const person = input({ decisionDate, severity, partyType: NATURAL_PERSON, partyBirthDate: ADULT });
      const decision = decideDisclosure(person, OFF);
      expect(summary(decision).slice(0, 2)).toEqual([false, 'NATURAL_PERSON']);
    },
  );

  it('the natural-person switch does not affect organisations', () => {
    expect(decideDisclosure(input({ partyType: LEGAL_ENTITY }), OFF).published).toBe(true);
    expect(decideDisclosure(input({ partyType: INDIVIDUAL_BUSINESS }), OFF).published).toBe(true);
  });
});

describe('decideDisclosure: effective-date edges', () => {
  it.each<[string, Severity, Expected]>([
    ['2023-04-30', SERIOUS, [true, null, 'NDRC-2019-527', '2023-10-30', '2026-04-30']],
    ['2023-05-01', SERIOUS, [true, null, 'NDRC-ORDER-58', '2024-05-01', '2026-05-01']],
    ['2023-04-30', MINOR, [true, null, 'NDRC-2019-527', '2023-07-30', '2024-04-30']],
    ['2023-05-01', MINOR, [false, 'MINOR', 'NDRC-ORDER-58', null, null]],
    ['2026-03-31', GENERAL, [true, null, 'NDRC-ORDER-58', '2026-06-30', '2027-03-31']],
    ['2026-04-01', GENERAL, [true, null, 'CREDIT-REPAIR-2026', '2026-07-01', '2027-04-01']],
    ['2026-03-31', SERIOUS, [true, null, 'NDRC-ORDER-58', '2027-03-31', '2029-03-31']],
    ['2026-04-01', SERIOUS, [true, null, 'CREDIT-REPAIR-2026', '2027-04-01', '2029-04-01']],
  ])('decision on %s, %s', (decisionDate, severity, expected) => {
    expect(summary(decideDisclosure(input({ decisionDate, severity }), ON))).toEqual(expected);
  });

  it('rejects a malformed decision date', () => {
    expect(() => decideDisclosure(input({ decisionDate: '2026-13-01' }), ON)).toThrow(RangeError);
  });
});

describe('decideDisclosure: warning / criticism only counts as 轻微', () => {
  const { WARNING, CRITICISM, FINE } = PenaltyCategory;
  const hidden2026: Expected = [false, 'WARNING_OR_CRITICISM_ONLY', 'CREDIT-REPAIR-2026', null, null];
  it.each<[string, Severity, PenaltyCategory[], Expected]>([
    ['2024-06-15', GENERAL, [WARNING], [false, 'WARNING_OR_CRITICISM_ONLY', 'NDRC-ORDER-58', null, null]],
    ['2026-06-15', GENERAL, [CRITICISM], hidden2026],
    ['2026-06-15', SERIOUS, [WARNING, CRITICISM], hidden2026],
    ['2024-06-15', MINOR, [WARNING], [false, 'MINOR', 'NDRC-ORDER-58', null, null]],
    ['2024-06-15', GENERAL, [WARNING, FINE], [true, null, 'NDRC-ORDER-58', '2024-09-15', '2025-06-15']],
    ['2024-06-15', GENERAL, [], [true, null, 'NDRC-ORDER-58', '2024-09-15', '2025-06-15']],
    // Before 2023-05-01 轻微 was published, with the 轻微 (= 一般) period even when marked 严重.
    ['2022-06-15', SERIOUS, [WARNING], [true, null, 'NDRC-2019-527', '2022-09-15', '2023-06-15']],
  ])('%s %s %j', (decisionDate, severity, categories, expected) => {
    expect(summary(decideDisclosure(input({ decisionDate, severity, categories }), ON))).toEqual(expected);
  });
});

describe('decideDisclosure: department publicUntil (公示截止期) against [min, max]', () => {
  // GENERAL decided 2024-06-15: min 2024-09-15, max 2025-06-15.
  it.each([
    [null, '2025-06-15', false],
    ['2024-12-31', '2024-12-31', false],
    ['2024-09-15', '2024-09-15', false],
    ['2025-06-15', '2025-06-15', false],
    ['2024-09-14', '2024-09-15', true],
    ['2024-01-01', '2024-09-15', true],
    ['2025-06-16', '2025-06-15', true],
    ['2030-01-01', '2025-06-15', true],
  ])('publicUntil %s → publishedUntil %s, clamped %s', (publicUntil, until, clamped) => {
    const decision = decideDisclosure(input({ publicUntil }), ON);
    expect([decision.publishedUntil, decision.publicUntilClamped]).toEqual([until, clamped]);
    expect(decision.earliestRepairDate).toBe('2024-09-15');
  });

  it('rejects a malformed publicUntil', () => {
    expect(() => decideDisclosure(input({ publicUntil: '2025-02-29' }), ON)).toThrow(RangeError);
  });
});

describe('decideDisclosure: minors (未成年人) are never published', () => {
  it.each([
    ['2006-06-15', '2024-06-14', 'MINOR_PARTY'], // 17
    ['2006-06-15', '2024-06-15', 'MINOR_PARTY'], // 18th birthday: 已满18周岁 only from the next day
    ['2006-06-15', '2024-06-16', null], // 18
    ['2008-02-29', '2026-02-28', 'MINOR_PARTY'], // leap-day child, common year
    ['2008-02-29', '2026-03-01', null],
  ])('born %s, decided %s → %s', (partyBirthDate, decisionDate, reason) => {
    const decision = decideDisclosure(input({ partyType: NATURAL_PERSON, partyBirthDate, decisionDate }), ON);
    expect([decision.published, decision.notPublishedReason]).toEqual([reason === null, reason]);
  });

  it('reports MINOR_PARTY rather than NATURAL_PERSON when the switch is off too', () => {
    const decision = decideDisclosure(input({ partyType: NATURAL_PERSON, partyBirthDate: '2010-01-01' }), OFF);
    expect(decision.notPublishedReason).toBe('MINOR_PARTY');
  });

  it('reports MINOR_PARTY ahead of a 轻微 severity', () => {
    const child = input({ partyType: NATURAL_PERSON, severity: MINOR, partyBirthDate: '2010-01-01' });
    const decision = decideDisclosure(child, ON);
    expect(decision.notPublishedReason).toBe('MINOR_PARTY');
  });

  it('treats an unknown birth date as a possible minor unless the department states an adult', () => {
    expect(decideDisclosure(input({ partyType: NATURAL_PERSON, partyBirthDate: null }), ON).notPublishedReason).toBe('POSSIBLY_MINOR_PARTY');
    expect(decideDisclosure(input({ partyType: NATURAL_PERSON, partyBirthDate: null, partyAdultConfirmed: true }), ON).published).toBe(true);
  });

  it('ignores a birth date on an organisation', () => {
    expect(decideDisclosure(input({ partyType: LEGAL_ENTITY, partyBirthDate: '2010-01-01' }), ON).published).toBe(true);
  });

  it.each([
    ['2006-06-15', '2024-06-15', true],
    ['2006-06-15', '2024-06-16', false],
  ])('isMinorOn(%s, %s) = %s', (birth, on, minor) => {
    expect(isMinorOn(birth, on)).toBe(minor);
  });
});

describe('isPubliclyVisible', () => {
  // GENERAL decided 2024-06-15: visible 2024-06-15 .. 2025-06-15 inclusive.
  const decision = decideDisclosure(input({}), ON);
  const active = { status: 'ACTIVE' as const, repairedOn: null };

  it.each([
    ['2024-06-14', false], // day before publishedFrom
    ['2024-06-15', true], // publishedFrom
    ['2025-06-15', true], // publishedUntil is the last visible day
    ['2025-06-16', false], // first hidden day
  ])('active, as of %s → %s', (asOf, visible) => {
    expect(isPubliclyVisible(decision, active, asOf)).toBe(visible);
  });

  it('hides a revoked record at once', () => {
    expect(isPubliclyVisible(decision, { status: 'REVOKED', repairedOn: null }, '2024-07-01')).toBe(false);
  });

  it.each([
    ['2024-09-30', true],
    ['2024-10-01', false],
    ['2024-10-02', false],
  ])('repaired on 2024-10-01, as of %s → %s', (asOf, visible) => {
    expect(isPubliclyVisible(decision, { status: 'ACTIVE', repairedOn: '2024-10-01' }, asOf)).toBe(visible);
  });

  it('never shows an unpublished decision', () => {
    const minor = decideDisclosure(input({ severity: MINOR }), ON);
    expect(isPubliclyVisible(minor, active, '2024-07-01')).toBe(false);
  });

  it('follows a clamped department date', () => {
    const early = decideDisclosure(input({ publicUntil: '2024-07-01' }), ON);
    expect(isPubliclyVisible(early, active, '2024-09-15')).toBe(true);
    expect(isPubliclyVisible(early, active, '2024-09-16')).toBe(false);
  });
});

const FINE_ONLY = { decisionDate: '2024-06-15', categories: [PenaltyCategory.FINE], notRepairable: false };

describe('canApproveCreditRepair', () => {
  const general = decideDisclosure(input({}), ON); // earliest 2024-09-15
  const serious = decideDisclosure(input({ severity: SERIOUS }), ON); // earliest 2025-06-15

  it.each([
    [general, '2024-09-14', { allowed: false, code: 'REPAIR_NOT_YET_ALLOWED', earliestRepairDate: '2024-09-15' }],
    [general, '2024-09-15', { allowed: true }],
    [general, '2025-01-01', { allowed: true }],
    [serious, '2025-06-14', { allowed: false, code: 'REPAIR_NOT_YET_ALLOWED', earliestRepairDate: '2025-06-15' }],
    [serious, '2025-06-15', { allowed: true }],
  ])('%#: on %s', (decision, onDate, expected) => {
    expect(canApproveCreditRepair(decision, onDate, FINE_ONLY)).toEqual(expected);
  });

  it('refuses for a record that was never published', () => {
    const minor = decideDisclosure(input({ severity: MINOR }), ON);
    expect(canApproveCreditRepair(minor, '2030-01-01', FINE_ONLY)).toEqual({
      allowed: false,
      code: 'NOT_PUBLISHED',
      earliestRepairDate: null,
    });
  });
});

describe('canApproveCreditRepair: penalties that may not be repaired early (category × rule date)', () => {
  const C = PenaltyCategory;
  // [decision date, categories, department marked notRepairable, expected code or 'ALLOWED', rule id]
  const table: [string, PenaltyCategory[], boolean, string, string | null][] = [
    // 总局令第45号 art. 14 (decisions from 2021-09-01): by category, whoever marks what
    ['2025-03-01', [C.REVOKE_LICENSE], false, 'REPAIR_NOT_ALLOWED', 'SAMR-ORDER-45-ART14'],
    ['2025-03-01', [C.FINE, C.SUSPEND_PRODUCTION], false, 'REPAIR_NOT_ALLOWED', 'SAMR-ORDER-45-ART14'],
    ['2025-03-01', [C.RESTRICT_OPERATIONS], false, 'REPAIR_NOT_ALLOWED', 'SAMR-ORDER-45-ART14'],
    ['2025-03-01', [C.DOWNGRADE_QUALIFICATION], false, 'REPAIR_NOT_ALLOWED', 'SAMR-ORDER-45-ART14'],
    ['2025-03-01', [C.RESTRICT_PRACTICE], false, 'REPAIR_NOT_ALLOWED', 'SAMR-ORDER-45-ART14'],
    ['2021-09-01', [C.REVOKE_LICENSE], false, 'REPAIR_NOT_ALLOWED', 'SAMR-ORDER-45-ART14'],
    ['2026-06-01', [C.REVOKE_LICENSE], false, 'REPAIR_NOT_ALLOWED', 'SAMR-ORDER-45-ART14'],
    // Before art. 14 was in force, revocation alone does not exclude repair (no rule read says so)
    ['2021-08-31', [C.REVOKE_LICENSE], false, 'ALLOWED', null],
    // Kinds art. 14 does not list
    ['2025-03-01', [C.SUSPEND_LICENSE], false, 'ALLOWED', null],
    ['2025-03-01', [C.FINE, C.CONFISCATE_ILLEGAL_GAINS], false, 'ALLOWED', null],
    ['2025-03-01', [C.ORDER_CLOSURE], false, 'ALLOWED', null],
    // 特定严重失信 / excluded by law, as the department states it, by the rule of the decision date
    ['2019-06-30', [C.FINE], true, 'ALLOWED', null],
    ['2019-07-01', [C.FINE], true, 'REPAIR_NOT_ALLOWED', 'NDRC-2019-527-SPECIFIC-SERIOUS'],
    ['2023-04-30', [C.FINE], true, 'REPAIR_NOT_ALLOWED', 'NDRC-2019-527-SPECIFIC-SERIOUS'],
    ['2023-05-01', [C.FINE], true, 'REPAIR_NOT_ALLOWED', 'NDRC-ORDER-58-EXCLUDED-BY-LAW'],
    ['2026-03-31', [C.FINE], true, 'REPAIR_NOT_ALLOWED', 'NDRC-ORDER-58-EXCLUDED-BY-LAW'],
    ['2026-04-01', [C.FINE], true, 'REPAIR_NOT_ALLOWED', 'NDRC-ORDER-2025-36-ART2'],
    ['2026-04-01', [C.FINE], false, 'ALLOWED', null],
  ];

  it.each(table)('%s %j marked=%s → %s %s', (decisionDate, categories, notRepairable, expected, ruleId) => {
    const decision = decideDisclosure(input({ decisionDate, categories, severity: SERIOUS }), ON);
    const check = canApproveCreditRepair(decision, '2030-01-01', { decisionDate, categories, notRepairable });
    if (expected === 'ALLOWED') {
      expect(check).toEqual({ allowed: true });
    } else {
      expect(check).toMatchObject({ allowed: false, code: expected, rule: { id: ruleId } });
    }
  });

  it('checks the exclusion before the minimum period, so the answer does not change with the date', () => {
    const decision = decideDisclosure(input({ decisionDate: '2025-03-01', categories: [C.REVOKE_LICENSE], severity: SERIOUS }), ON);
    const check = canApproveCreditRepair(decision, '2025-03-02', { decisionDate: '2025-03-01', categories: [C.REVOKE_LICENSE], notRepairable: false });
    expect(check).toMatchObject({ code: 'REPAIR_NOT_ALLOWED' });
  });
});

describe('decideDisclosure: minors judged on the day of the act, unknown ages', () => {
  // Born 2008-05-10: a minor until 2026-05-10 inclusive (周岁 from the day after the birthday).
  const BORN = '2008-05-10';
  it.each<[string, string | null, string | null, boolean, string | null]>([
    ['act while 17, decision after 18', '2026-03-01', BORN, false, 'MINOR_PARTY'],
    ['act on the 18th birthday', '2026-05-10', BORN, false, 'MINOR_PARTY'],
    ['act the day after the 18th birthday', '2026-05-11', BORN, false, null],
    ['no act date: judged on the decision date (adult)', null, BORN, false, null],
    ['passport holder, adulthood not stated', null, null, false, 'POSSIBLY_MINOR_PARTY'],
    ['passport holder, department states an adult', null, null, true, null],
    ['adult statement cannot override a known minor', '2026-03-01', BORN, true, 'MINOR_PARTY'],
  ])('%s', (_case, actDate, partyBirthDate, partyAdultConfirmed, reason) => {
    const decision = decideDisclosure(
      input({ partyType: NATURAL_PERSON, decisionDate: '2026-06-15', actDate, partyBirthDate, partyAdultConfirmed }),
      ON,
    );
    expect(decision.notPublishedReason).toBe(reason);
    expect(decision.published).toBe(reason === null);
  });
});

describe('decideDisclosure: publishMinor (信用修复管理办法 2026, at most 3 months)', () => {
  it.each<[string, Severity, PenaltyCategory[], boolean, Expected]>([
    ['2026-06-15', MINOR, [PenaltyCategory.FINE], true, [true, null, 'CREDIT-REPAIR-2026', '2026-06-15', '2026-09-15']],
    ['2026-06-15', GENERAL, [PenaltyCategory.WARNING], true, [true, null, 'CREDIT-REPAIR-2026', '2026-06-15', '2026-09-15']],
    ['2026-06-15', MINOR, [PenaltyCategory.FINE], false, [false, 'MINOR', 'CREDIT-REPAIR-2026', null, null]],
    // The 2023 rule has no such period: the request changes nothing
    ['2024-06-15', MINOR, [PenaltyCategory.FINE], true, [false, 'MINOR', 'NDRC-ORDER-58', null, null]],
    // A 一般 record keeps its own period whatever the flag
    ['2026-06-15', GENERAL, [PenaltyCategory.FINE], true, [true, null, 'CREDIT-REPAIR-2026', '2026-09-15', '2027-06-15']],
  ])('%s %s %j publishMinor=%s', (decisionDate, severity, categories, publishMinor, expected) => {
    expect(summary(decideDisclosure(input({ decisionDate, severity, categories, publishMinor }), ON))).toEqual(expected);
  });

  it('clamps a department date beyond 3 months to the 3 months', () => {
    const decision = decideDisclosure(input({ decisionDate: '2026-06-15', severity: MINOR, publishMinor: true, publicUntil: '2027-01-01' }), ON);
    expect([decision.publishedUntil, decision.publicUntilClamped]).toEqual(['2026-09-15', true]);
  });
});
