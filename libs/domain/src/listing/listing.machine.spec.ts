import {
  listed,
  inStatus,
  notified,
  notifiedWithObjection,
  proposed,
  notListedWithObjection,
  TERMS,
  unwrap,
} from './listing.fixtures';
import {
  checkListTypeTerms,
  confirmListing,
  earliestRepairRemovalDate,
  fileObjection,
  isActiveListing,
  isDueForExpiry,
  notifyParty,
  proposeListing,
  removeListing,
  resolveObjection,
} from './listing.machine';
import { ListingErrorCode, ListingResult, ListingState, ListingStatus, ListTypeTerms, RemovalReason } from './listing.types';

const { INVALID_DATE, OBJECTION_WINDOW_CLOSED, OBJECTION_WINDOW_OPEN, OPEN_OBJECTION, REMOVAL_NOT_YET_ALLOWED } =
  ListingErrorCode;

function outcome(result: ListingResult<object>): string {
  return result.ok ? 'ok' : result.error.code;
}

describe('proposeListing / notifyParty', () => {
  it('proposes a fresh listing with nothing else recorded', () => {
    expect(unwrap(proposeListing('2026-01-05')).state).toEqual({
      status: ListingStatus.PROPOSED,
      proposedOn: '2026-01-05',
      noticeDate: null,
      objectionDeadline: null,
      listedOn: null,
      expiresOn: null,
      removedOn: null,
      removalReason: null,
      openObjections: 0,
    });
  });

  it('sets the objection deadline to noticeDate + objectionDays (告知之日起 10 日内 → the 10th day after)', () => {
    const state = unwrap(notifyParty(proposed(), '2026-01-06', '2026-01-07', TERMS)).state;
    expect(state).toMatchObject({
      status: ListingStatus.NOTIFIED,
      noticeDate: '2026-01-06',
      objectionDeadline: '2026-01-16',
    });
  });

  it.each([
    ['notice after today', '2026-01-08', '2026-01-07'],
    ['notice before the proposal', '2026-01-04', '2026-01-07'],
    ['notice not a real date', '2026-02-30', '2026-03-07'],
    ['today before the proposal', '2026-01-04', '2026-01-04'],
    ['today malformed', '2026-01-06', '2026/01/07'],
  ])('refuses %s with INVALID_DATE', (_case, noticeDate, today) => {
    expect(outcome(notifyParty(proposed(), noticeDate, today, TERMS))).toBe(INVALID_DATE);
  });

  it('words a refusal in Chinese without English field names, then English in brackets', () => {
    const result = notifyParty(proposed(), '2026-01-08', '2026-01-07', TERMS);
    expect(result.ok ? null : result.error.message).toBe(
      '告知日期2026-01-08不能晚于今天2026-01-07（noticeDate 2026-01-08 must not be after today 2026-01-07）',
    );
    const early = notifyParty(proposed(), '2026-01-04', '2026-01-06', TERMS);
    expect(early.ok ? null : early.error.message).toBe(
      '告知日期2026-01-04不能早于拟列入日期2026-01-05（noticeDate 2026-01-04 must not be before proposedOn 2026-01-05）',
    );
  });

  it.each([
    [{ termMonths: 0, earliestRemovalMonths: 0, objectionDays: 5 }, '列入期限（月数）须为不小于1的整数'],
    [{ termMonths: 12, earliestRemovalMonths: 0, objectionDays: 0 }, '异议期（日数）须为不小于1的整数'],
  ])('names list type terms in Chinese: %j', (terms, zh) => {
    const [issue] = checkListTypeTerms(terms);
    expect(issue.message.startsWith(zh)).toBe(true);
    // The Chinese half (everything before the last bracket) has no camelCase field name.
    expect(issue.message.slice(0, issue.message.lastIndexOf('（'))).not.toMatch(/[a-z][A-Z]/);
  });
});

describe('objection window edges (deadline 2026-01-16)', () => {
  it.each([
    ['the notice day itself', '2026-01-06', 'ok'],
    ['the deadline day', '2026-01-16', 'ok'],
    ['the day after the deadline', '2026-01-17', OBJECTION_WINDOW_CLOSED],
    ['before the notice day', '2026-01-05', INVALID_DATE],
  ])('an objection filed on %s (%s) → %s', (_case, today, expected) => {
    expect(outcome(fileObjection(notified(), today))).toBe(expected);
  });

  it.each([
    ['the deadline day', '2026-01-16', OBJECTION_WINDOW_OPEN],
    ['the day after the deadline', '2026-01-17', 'ok'],
  ])('confirming on %s (%s) → %s', (_case, today, expected) => {
    expect(outcome(confirmListing(notified(), today, TERMS))).toBe(expected);
  });

  it('names the deadline when it refuses a late objection', () => {
    const result = fileObjection(notified(), '2026-01-17');
    expect(result.ok ? null : result.error.message).toBe(
      '异议期已于 2026-01-16 届满，不再受理异议（the objection period ended on 2026-01-16）',
    );
  });

  it('counts each objection filed and returns it as OPEN', () => {
    const first = unwrap(fileObjection(notified(), '2026-01-08'));
    const second = unwrap(fileObjection(first.state, '2026-01-09'));
    expect(second.state.openObjections).toBe(2);
    expect(second.objection).toEqual({ status: 'OPEN', filedOn: '2026-01-09', resolvedOn: null });
  });
});

describe('objections', () => {
  it('an upheld objection ends the listing as NOT_LISTED (不予列入) / OBJECTION_UPHELD on the day it is answered', () => {
    const { state, objection } = notifiedWithObjection();
    const result = unwrap(resolveObjection(state, objection, true, '2026-01-12'));
    expect(result.state).toMatchObject({
      status: ListingStatus.NOT_LISTED,
      removalReason: RemovalReason.OBJECTION_UPHELD,
      removedOn: '2026-01-12',
      listedOn: null,
      openObjections: 0,
    });
    expect(result.objection).toEqual({ status: 'UPHELD', filedOn: '2026-01-08', resolvedOn: '2026-01-12' });
    expect(outcome(confirmListing(result.state, '2026-01-20', TERMS))).toBe(ListingErrorCode.INVALID_TRANSITION);
  });

  it('a rejected objection keeps NOTIFIED and lets the confirm through once the window has closed', () => {
    const { state, objection } = notifiedWithObjection();
    expect(outcome(confirmListing(state, '2026-01-17', TERMS))).toBe(OPEN_OBJECTION);
    const rejected = unwrap(resolveObjection(state, objection, false, '2026-01-12'));
    expect(rejected.state).toMatchObject({ status: ListingStatus.NOTIFIED, openObjections: 0 });
    expect(rejected.objection.status).toBe('REJECTED');
    expect(outcome(confirmListing(rejected.state, '2026-01-16', TERMS))).toBe(OBJECTION_WINDOW_OPEN);
    expect(unwrap(confirmListing(rejected.state, '2026-01-17', TERMS)).state).toMatchObject({
      status: ListingStatus.LISTED,
      listedOn: '2026-01-17',
      expiresOn: '2027-01-17',
    });
  });

  it('refuses to answer an objection twice', () => {
    const { state, objection } = notifiedWithObjection();
    const answered = unwrap(resolveObjection(state, objection, false, '2026-01-12')).objection;
    expect(outcome(resolveObjection(state, answered, true, '2026-01-13'))).toBe(ListingErrorCode.INVALID_TRANSITION);
  });

  it('refuses an answer dated before the objection was filed', () => {
    const { state, objection } = notifiedWithObjection();
    expect(outcome(resolveObjection(state, { ...objection, filedOn: '2026-01-09' }, false, '2026-01-08'))).toBe(
      INVALID_DATE,
    );
  });

  it('still answers an objection left open by a revoked decision, without changing the removal reason', () => {
    const { state, objection } = notListedWithObjection();
    const result = unwrap(resolveObjection(state, objection, true, '2026-01-12'));
    expect(result.state).toMatchObject({
      status: ListingStatus.NOT_LISTED,
      removalReason: RemovalReason.REVOKED,
      removedOn: '2026-01-10',
      openObjections: 0,
    });
  });
});

describe('removal edges (listed 2026-01-17, repair from 2026-07-17, expires 2027-01-17)', () => {
  it.each([
    [RemovalReason.REPAIRED, '2026-07-16', REMOVAL_NOT_YET_ALLOWED],
    [RemovalReason.REPAIRED, '2026-07-17', 'ok'],
    [RemovalReason.EXPIRED, '2027-01-16', REMOVAL_NOT_YET_ALLOWED],
    [RemovalReason.EXPIRED, '2027-01-17', 'ok'],
    [RemovalReason.REVOKED, '2026-01-17', 'ok'],
    [RemovalReason.REVOKED, '2026-01-16', INVALID_DATE],
  ])('%s on %s → %s', (reason, today, expected) => {
    expect(outcome(removeListing(listed(), reason, today, TERMS))).toBe(expected);
  });

  it('tells the clerk the earliest repair date', () => {
    const result = removeListing(listed(), RemovalReason.REPAIRED, '2026-07-16', TERMS);
    expect(result.ok ? null : result.error.message).toBe(
      '信用修复提前移出最早可于 2026-07-17 办理（removal after credit repair is allowed from 2026-07-17）',
    );
    expect(earliestRepairRemovalDate(listed(), TERMS)).toBe('2026-07-17');
  });

  it('records the removal date and reason and keeps the listing history', () => {
    expect(unwrap(removeListing(listed(), RemovalReason.EXPIRED, '2027-01-20', TERMS)).state).toEqual({
      status: ListingStatus.REMOVED,
      proposedOn: '2026-01-05',
      noticeDate: '2026-01-06',
      objectionDeadline: '2026-01-16',
      listedOn: '2026-01-17',
      expiresOn: '2027-01-17',
      removedOn: '2027-01-20',
      removalReason: RemovalReason.EXPIRED,
      openObjections: 0,
    });
  });

  it('refuses OBJECTION_UPHELD as a direct removal, even from LISTED', () => {
    const result = removeListing(listed(), RemovalReason.OBJECTION_UPHELD, '2026-02-01', TERMS);
    expect(result.ok ? null : result.error.code).toBe(ListingErrorCode.INVALID_TRANSITION);
    expect(result.ok ? null : result.error.message).toContain(
      'OBJECTION_UPHELD comes only from answering an objection',
    );
  });
});

describe('isActiveListing / isDueForExpiry', () => {
  it.each([
    ['the day before listing', '2026-01-16', false, false],
    ['the listing day', '2026-01-17', true, false],
    ['the last day (expiresOn − 1)', '2027-01-16', true, false],
    ['expiresOn', '2027-01-17', false, true],
  ])('on %s (%s): active %s, due for expiry %s', (_case, asOf, active, due) => {
    expect(isActiveListing(listed(), asOf)).toBe(active);
    expect(isDueForExpiry(listed(), asOf)).toBe(due);
  });

  it('is never active before listing or after removal', () => {
    expect(isActiveListing(notified(), '2026-02-01')).toBe(false);
    const removed = unwrap(removeListing(listed(), RemovalReason.REVOKED, '2026-02-01', TERMS)).state;
    expect(isActiveListing(removed, '2026-02-01')).toBe(false);
    expect(isDueForExpiry(removed, '2027-02-01')).toBe(false);
  });
});

describe('month-end clamping: listed 2026-01-31 for 1 month', () => {
  const terms: ListTypeTerms = { termMonths: 1, earliestRemovalMonths: 1, objectionDays: 10 };
  const notice = unwrap(notifyParty(unwrap(proposeListing('2026-01-19')).state, '2026-01-20', '2026-01-20', terms));
  const state = unwrap(confirmListing(notice.state, '2026-01-31', terms)).state;

  it('expires on 2026-02-28, the last day of February', () => {
    expect(state.expiresOn).toBe('2026-02-28');
    expect(isActiveListing(state, '2026-02-27')).toBe(true);
    expect(isActiveListing(state, '2026-02-28')).toBe(false);
  });

  it('allows repair removal and expiry from 2026-02-28, not on 2026-02-27', () => {
    expect(outcome(removeListing(state, RemovalReason.REPAIRED, '2026-02-27', terms))).toBe(REMOVAL_NOT_YET_ALLOWED);
    expect(outcome(removeListing(state, RemovalReason.REPAIRED, '2026-02-28', terms))).toBe('ok');
    expect(outcome(removeListing(state, RemovalReason.EXPIRED, '2026-02-28', terms))).toBe('ok');
  });
});

describe('purity and list type terms', () => {
  it('never changes the state it was given', () => {
    const before = Object.freeze(listed());
    const copy = { ...before };
    removeListing(before, RemovalReason.REVOKED, '2026-02-01', TERMS);
    expect(before).toEqual(copy);
  });

  it.each([
    [{ termMonths: 36, earliestRemovalMonths: 12, objectionDays: 15 }, []],
    [{ termMonths: 0, earliestRemovalMonths: 0, objectionDays: 15 }, ['termMonths']],
    [{ termMonths: 12, earliestRemovalMonths: 13, objectionDays: 15 }, ['earliestRemovalMonths']],
    [{ termMonths: 12, earliestRemovalMonths: 6, objectionDays: 7.5 }, ['objectionDays']],
    [{ termMonths: 12, earliestRemovalMonths: -1, objectionDays: 0 }, ['earliestRemovalMonths', 'objectionDays']],
  ])('terms %j → issues on %j', (terms, fields) => {
    expect(checkListTypeTerms(terms).map((i) => i.field)).toEqual(fields);
  });

  it('throws on unusable terms: a catalogue bug, not a party error', () => {
    const bad = { termMonths: 0, earliestRemovalMonths: 0, objectionDays: 10 };
    expect(() => confirmListing(notified(), '2026-01-17', bad)).toThrow('invalid list type terms: termMonths');
  });
});

describe('the listing rests on its basis: BASIS_REVOKED (decision stage × action → outcome)', () => {
  it.each<[string, () => ListingState, ListingStatus]>([
    ['proposed: 不予列入', () => inStatus(ListingStatus.PROPOSED, false), ListingStatus.NOT_LISTED],
    ['notified, objection open: 不予列入', () => notifiedWithObjection().state, ListingStatus.NOT_LISTED],
    ['listed: 移出', () => inStatus(ListingStatus.LISTED, false), ListingStatus.REMOVED],
  ])('%s', (_case, state, status) => {
    const result = unwrap(removeListing(state(), RemovalReason.BASIS_REVOKED, '2026-01-20', TERMS));
    expect(result.state).toMatchObject({ status, removalReason: RemovalReason.BASIS_REVOKED, removedOn: '2026-01-20' });
  });

  it('needs no waiting period, unlike repair or expiry, and is refused once the listing has ended', () => {
    const listed = inStatus(ListingStatus.LISTED, false);
    expect(outcome(removeListing(listed, RemovalReason.BASIS_REVOKED, '2026-01-17', TERMS))).toBe('ok');
    const ended = unwrap(removeListing(listed, RemovalReason.BASIS_REVOKED, '2026-01-18', TERMS)).state;
    expect(outcome(removeListing(ended, RemovalReason.BASIS_REVOKED, '2026-01-19', TERMS))).toBe(ListingErrorCode.INVALID_TRANSITION);
    expect(isActiveListing(ended, '2026-01-19')).toBe(false);
  });
});
