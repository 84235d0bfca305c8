import { PenaltyRecordStatus, Severity } from '../penalty/penalty.types';
import { DISCLOSURE_RULE_SETS } from './disclosure-rule-sets.data';
import { sharedUntil, sharingMonths, sharingState } from './sharing.policy';

const { MINOR, GENERAL, SERIOUS } = Severity;
const ACTIVE = PenaltyRecordStatus.ACTIVE;
const REVOKED = PenaltyRecordStatus.REVOKED;

describe('sharingState: after repair, revocation and expiry (decision date × severity × action → outcome)', () => {
  it.each<[string, Severity, PenaltyRecordStatus, string | null, string, string]>([
    // Shared while active, unrepaired and within the longest period
    ['2026-06-15', GENERAL, ACTIVE, null, '2026-12-03', 'SHARED'],
    ['2026-06-15', GENERAL, ACTIVE, null, '2027-06-15', 'SHARED'],
    ['2026-06-15', GENERAL, ACTIVE, null, '2027-06-16', 'EXPIRED'],
    ['2026-06-15', SERIOUS, ACTIVE, null, '2029-06-15', 'SHARED'],
    ['2026-06-15', SERIOUS, ACTIVE, null, '2029-06-16', 'EXPIRED'],
    // 轻微 not published under 2026: kept in circulation at most the 3 months it could have been published
    ['2026-06-15', MINOR, ACTIVE, null, '2026-09-15', 'SHARED'],
    ['2026-06-15', MINOR, ACTIVE, null, '2026-09-16', 'EXPIRED'],
    // 轻微 under the 2023 rule (no on-request period): the 一般 maximum
    ['2024-06-15', MINOR, ACTIVE, null, '2025-06-15', 'SHARED'],
    ['2024-06-15', MINOR, ACTIVE, null, '2025-06-16', 'EXPIRED'],
    // Before 2023-05-01: 严重 36 months
    ['2022-06-15', SERIOUS, ACTIVE, null, '2025-06-15', 'SHARED'],
    // Repair stops sharing from the day it is approved (信用修复管理办法 2026 art. 3)
    ['2026-06-15', SERIOUS, ACTIVE, '2026-12-01', '2026-11-30', 'SHARED'],
    ['2026-06-15', SERIOUS, ACTIVE, '2026-12-01', '2026-12-01', 'REPAIRED'],
    ['2024-06-15', GENERAL, ACTIVE, '2024-10-01', '2024-12-01', 'REPAIRED'],
    // Revocation stops it at once, whatever else holds
    ['2026-06-15', SERIOUS, REVOKED, null, '2026-06-16', 'REVOKED'],
    ['2026-06-15', SERIOUS, REVOKED, '2026-12-01', '2026-12-03', 'REVOKED'],
  ])('%s %s %s repaired %s, on %s → %s', (decisionDate, severity, status, repairedOn, today, expected) => {
    expect(sharingState({ decisionDate, severity, status, repairedOn }, today)).toBe(expected);
  });

  it('reads the longest periods from the publication rule table', () => {
    const [old, trial, current] = DISCLOSURE_RULE_SETS;
    expect([sharingMonths(old, MINOR), sharingMonths(trial, MINOR), sharingMonths(current, MINOR)]).toEqual([12, 12, 3]);
    expect(sharedUntil('2026-01-31', GENERAL)).toBe('2027-01-31');
  });
});
