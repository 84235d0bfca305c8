import { PartyType, PenaltyCategory, Severity } from '../penalty/penalty.types';
import { decideDisclosure } from './disclosure.policy';
import { WITHDRAWAL_NOTICE_RULE, withdrawalNoticeWindow } from './withdrawal-notice';

const decide = (decisionDate: string, severity: Severity) =>
  decideDisclosure(
    { partyType: PartyType.LEGAL_ENTITY, severity, categories: [PenaltyCategory.FINE], decisionDate, publicUntil: null, partyBirthDate: null },
    { publishNaturalPersons: false },
  );

describe('withdrawalNoticeWindow (行政处罚法 art. 48): decision × revocation day × asOf → notice', () => {
  it.each<[string, string, Severity, string | null, string, string, [string, string] | null]>([
    ['revoked while published: notice for 3 months', '2026-06-15', Severity.GENERAL, null, '2026-08-01', '2026-08-01', ['2026-08-01', '2026-11-01']],
    ['notice on its last day', '2026-06-15', Severity.GENERAL, null, '2026-08-01', '2026-11-01', ['2026-08-01', '2026-11-01']],
    ['notice gone the day after', '2026-06-15', Severity.GENERAL, null, '2026-08-01', '2026-11-02', null],
    ['revoked on the decision day', '2026-06-15', Severity.SERIOUS, null, '2026-06-15', '2026-06-20', ['2026-06-15', '2026-09-15']],
    ['never published (轻微 under 2026): nothing to explain', '2026-06-15', Severity.MINOR, null, '2026-08-01', '2026-08-01', null],
    ['revoked after its publication ended', '2024-01-10', Severity.GENERAL, null, '2025-02-01', '2025-02-01', null],
    ['already repaired before revocation', '2026-01-10', Severity.GENERAL, '2026-05-01', '2026-08-01', '2026-08-01', null],
    ['repaired the day after revocation: was visible', '2026-01-10', Severity.GENERAL, '2026-08-02', '2026-08-01', '2026-08-05', ['2026-08-01', '2026-11-01']],
  ])('%s', (_case, decisionDate, severity, repairedOn, revokedOn, asOf, expected) => {
    const window = withdrawalNoticeWindow(decide(decisionDate, severity), repairedOn, revokedOn, asOf);
    expect(window === null ? null : [window.from, window.until]).toEqual(expected);
  });

  it('cites its source', () => {
    expect(WITHDRAWAL_NOTICE_RULE.citation).toContain('第四十八条');
  });
});
