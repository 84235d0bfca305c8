import { confirmListing, ListingStatus, notifyParty, PartyType, proposeListing, RemovalReason, removeListing } from '@credit/domain';
import { columnsOf, likeContains, publicIdentity, publicReasons, regionPrefix, stateOf } from './listing.mapping';

const TERMS = { termMonths: 36, earliestRemovalMonths: 12, objectionDays: 5 };

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error('unexpected failure');
  return result as Extract<T, { ok: true }>;
}

describe('listing row ↔ state', () => {
  it('round-trips every state of a listing through its columns unchanged', () => {
    const proposed = ok(proposeListing('2026-01-05')).state;
    const notified = ok(notifyParty(proposed, '2026-01-06', '2026-01-06', TERMS)).state;
    const listed = ok(confirmListing(notified, '2026-01-12', TERMS)).state;
    const removed = ok(removeListing(listed, RemovalReason.REPAIRED, '2027-01-12', TERMS)).state;
    for (const state of [proposed, notified, listed, removed]) expect(stateOf(columnsOf(state))).toEqual(state);
    expect(columnsOf(removed)).toEqual({
      status: ListingStatus.REMOVED,
      proposed_on: '2026-01-05',
      notice_date: '2026-01-06',
      objection_deadline: '2026-01-11',
      listed_on: '2026-01-12',
      expires_on: '2029-01-12',
      removed_on: '2027-01-12',
      removal_reason: 'REPAIRED',
      open_objections: 0,
    });
  });
});

describe('publicIdentity', () => {
  it('shows an organisation with its name and USCC', () => {
    expect(publicIdentity({ name: '滁州市某某食品有限公司', subjectType: PartyType.LEGAL_ENTITY, uscc: '91341102MA2T000000' })).toEqual({
      name: '滁州市某某食品有限公司',
      uscc: '91341102MA2T000000',
    });
  });

  it('masks a natural person and shows no identifier', () => {
    expect(publicIdentity({ name: '欧阳建国', subjectType: PartyType.NATURAL_PERSON, uscc: '11010519491231002X' })).toEqual({ name: '欧阳**', uscc: null });
    expect(publicIdentity({ name: '张三', subjectType: PartyType.NATURAL_PERSON, uscc: null })).toEqual({ name: '张*', uscc: null });
  });
});

describe('publicReasons', () => {
  const reasons = '法定代表人王建国（身份证号11010519491231002X，电话13912345678）拒不履行生效判决';

  it('scrubs ID and phone numbers out of an organisation listing but keeps names', () => {
    expect(publicReasons(reasons, { name: '滁州市某某食品有限公司', subjectType: PartyType.LEGAL_ENTITY })).toBe(
      '法定代表人王建国（身份证号******************，电话***********）拒不履行生效判决',
    );
  });

  it("masks a natural person's own name and address as well", () => {
    expect(publicReasons('张三（住址：滁州市琅琊区某路8号）多次骗取补贴', { name: '张三', subjectType: PartyType.NATURAL_PERSON })).toBe(
      '张*（住址：***）多次骗取补贴',
    );
  });
});

describe('likeContains / regionPrefix', () => {
  it('escapes LIKE wildcards so a search matches literally', () => {
    expect(likeContains('食品')).toBe('%食品%');
    expect(likeContains('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });

  it.each([
    ['340000', '34'],
    ['341100', '3411'],
    ['341102', '341102'],
    ['100000', null], // the whole country: no filter (it used to give '10', which matched nothing)
    [null, null],
  ])('region %s → prefix %s', (code, prefix) => {
    expect(regionPrefix(code)).toBe(prefix);
  });
});
