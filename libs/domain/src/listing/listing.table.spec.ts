import { inStatus, TERMS } from './listing.fixtures';
import {
  confirmListing,
  fileObjection,
  notifyParty,
  proposeListing,
  removeListing,
  resolveObjection,
} from './listing.machine';
import { findListingTransition, formatListingTransitions, listingTransitions } from './listing.table';
import {
  ListingAction,
  ListingErrorCode,
  ListingResult,
  ListingState,
  ListingStatus,
  ObjectionState,
  RemovalReason,
} from './listing.types';

const { PROPOSED, NOTIFIED, LISTED, REMOVED, NOT_LISTED } = ListingStatus;
const IT = ListingErrorCode.INVALID_TRANSITION;
type MatrixAction = Exclude<ListingAction, ListingAction.PROPOSE> | 'REMOVE_OBJECTION_UPHELD';

const openObjection: ObjectionState = { status: 'OPEN', filedOn: '2026-01-08', resolvedOn: null };

// Each action is run with a date that satisfies its date guards on the fixture that allows it, so the only
// thing that can refuse it is the status.
const run: Record<MatrixAction, (state: ListingState) => ListingResult<object>> = {
  [ListingAction.NOTIFY]: (s) => notifyParty(s, '2026-01-06', '2026-01-06', TERMS),
  [ListingAction.FILE_OBJECTION]: (s) => fileObjection(s, '2026-01-10'),
  [ListingAction.UPHOLD_OBJECTION]: (s) => resolveObjection(s, openObjection, true, '2026-01-12'),
  [ListingAction.REJECT_OBJECTION]: (s) => resolveObjection(s, openObjection, false, '2026-01-12'),
  [ListingAction.CONFIRM]: (s) => confirmListing(s, '2026-01-17', TERMS),
  [ListingAction.REMOVE_EXPIRED]: (s) => removeListing(s, RemovalReason.EXPIRED, '2027-01-17', TERMS),
  [ListingAction.REMOVE_REPAIRED]: (s) => removeListing(s, RemovalReason.REPAIRED, '2026-07-17', TERMS),
  [ListingAction.REMOVE_REVOKED]: (s) => removeListing(s, RemovalReason.REVOKED, '2026-01-20', TERMS),
  [ListingAction.REMOVE_BASIS_REVOKED]: (s) => removeListing(s, RemovalReason.BASIS_REVOKED, '2026-01-20', TERMS),
  REMOVE_OBJECTION_UPHELD: (s) => removeListing(s, RemovalReason.OBJECTION_UPHELD, '2026-01-20', TERMS),
};

const needsObjection = (a: MatrixAction): boolean =>
  a === ListingAction.UPHOLD_OBJECTION || a === ListingAction.REJECT_OBJECTION;

// status × action → the resulting status, or the refusal code.
const matrix: [ListingStatus, MatrixAction, ListingStatus | ListingErrorCode][] = [
  [PROPOSED, ListingAction.NOTIFY, NOTIFIED],
  [PROPOSED, ListingAction.FILE_OBJECTION, IT],
  [PROPOSED, ListingAction.UPHOLD_OBJECTION, IT],
  [PROPOSED, ListingAction.REJECT_OBJECTION, IT],
  [PROPOSED, ListingAction.CONFIRM, IT],
  [PROPOSED, ListingAction.REMOVE_EXPIRED, IT],
  [PROPOSED, ListingAction.REMOVE_REPAIRED, IT],
  [PROPOSED, ListingAction.REMOVE_REVOKED, NOT_LISTED],
  [PROPOSED, ListingAction.REMOVE_BASIS_REVOKED, NOT_LISTED],
  [PROPOSED, 'REMOVE_OBJECTION_UPHELD', IT],
  [NOTIFIED, ListingAction.NOTIFY, IT],
  [NOTIFIED, ListingAction.FILE_OBJECTION, NOTIFIED],
  [NOTIFIED, ListingAction.UPHOLD_OBJECTION, NOT_LISTED],
  [NOTIFIED, ListingAction.REJECT_OBJECTION, NOTIFIED],
  [NOTIFIED, ListingAction.CONFIRM, LISTED],
  [NOTIFIED, ListingAction.REMOVE_EXPIRED, IT],
  [NOTIFIED, ListingAction.REMOVE_REPAIRED, IT],
  [NOTIFIED, ListingAction.REMOVE_REVOKED, NOT_LISTED],
  [NOTIFIED, ListingAction.REMOVE_BASIS_REVOKED, NOT_LISTED],
  [NOTIFIED, 'REMOVE_OBJECTION_UPHELD', IT],
  [LISTED, ListingAction.NOTIFY, IT],
  [LISTED, ListingAction.FILE_OBJECTION, IT],
  [LISTED, ListingAction.UPHOLD_OBJECTION, IT],
  [LISTED, ListingAction.REJECT_OBJECTION, IT],
  [LISTED, ListingAction.CONFIRM, IT],
  [LISTED, ListingAction.REMOVE_EXPIRED, REMOVED],
  [LISTED, ListingAction.REMOVE_REPAIRED, REMOVED],
  [LISTED, ListingAction.REMOVE_REVOKED, REMOVED],
  [LISTED, ListingAction.REMOVE_BASIS_REVOKED, REMOVED],
  [LISTED, 'REMOVE_OBJECTION_UPHELD', IT],
  [REMOVED, ListingAction.NOTIFY, IT],
  [REMOVED, ListingAction.FILE_OBJECTION, IT],
  [REMOVED, ListingAction.UPHOLD_OBJECTION, IT],
  [REMOVED, ListingAction.REJECT_OBJECTION, IT],
  [REMOVED, ListingAction.CONFIRM, IT],
  [REMOVED, ListingAction.REMOVE_EXPIRED, IT],
  [REMOVED, ListingAction.REMOVE_REPAIRED, IT],
  [REMOVED, ListingAction.REMOVE_REVOKED, IT],
  [REMOVED, ListingAction.REMOVE_BASIS_REVOKED, IT],
  [REMOVED, 'REMOVE_OBJECTION_UPHELD', IT],
  [NOT_LISTED, ListingAction.NOTIFY, IT],
  [NOT_LISTED, ListingAction.FILE_OBJECTION, IT],
  [NOT_LISTED, ListingAction.UPHOLD_OBJECTION, NOT_LISTED],
  [NOT_LISTED, ListingAction.REJECT_OBJECTION, NOT_LISTED],
  [NOT_LISTED, ListingAction.CONFIRM, IT],
  [NOT_LISTED, ListingAction.REMOVE_EXPIRED, IT],
  [NOT_LISTED, ListingAction.REMOVE_REPAIRED, IT],
  [NOT_LISTED, ListingAction.REMOVE_REVOKED, IT],
  [NOT_LISTED, ListingAction.REMOVE_BASIS_REVOKED, IT],
  [NOT_LISTED, 'REMOVE_OBJECTION_UPHELD', IT],
];

describe('listing lifecycle: every status × every action', () => {
  it('covers all 5 statuses × 10 actions exactly once', () => {
    const keys = new Set(matrix.map(([s, a]) => `${s}/${a}`));
    expect(keys.size).toBe(50);
    expect(matrix).toHaveLength(50);
  });

  it.each(matrix)('%s + %s → %s', (status, action, expected) => {
    const before = inStatus(status, needsObjection(action));
    const result = run[action](before);
    if (Object.values(ListingStatus).includes(expected as ListingStatus)) {
      expect(result.ok && result.state.status).toBe(expected);
    } else {
      expect(result.ok ? 'ok' : result.error.code).toBe(expected);
    }
  });

  it.each(matrix.filter(([, a]) => a !== 'REMOVE_OBJECTION_UPHELD'))(
    'the exported table agrees: %s + %s → %s',
    (status, action, expected) => {
      const row = findListingTransition(status, action as ListingAction);
      expect(row?.to ?? IT).toBe(expected);
    },
  );

  it('has no table row that the matrix does not exercise', () => {
    const exercised = new Set(matrix.filter(([, , e]) => e !== IT).map(([s, a]) => `${s}/${a}`));
    const rows = listingTransitions.filter((t) => t.from !== null).map((t) => `${t.from}/${t.action}`);
    expect(new Set(rows)).toEqual(exercised);
  });

  it('starts every listing with PROPOSE from nothing', () => {
    expect(findListingTransition(null, ListingAction.PROPOSE)?.to).toBe(PROPOSED);
    expect(unwrapStatus(proposeListing('2026-01-05'))).toBe(PROPOSED);
  });

  it('never lists OBJECTION_UPHELD as something removeListing can do', () => {
    expect(listingTransitions.filter((t) => t.fn.includes('OBJECTION_UPHELD'))).toEqual([]);
  });

  it('renders as a Markdown table for the README', () => {
    const markdown = formatListingTransitions().split('\n');
    expect(markdown[0]).toBe('| from | action | function | to | guards (error code: rule) | effect |');
    expect(markdown).toHaveLength(2 + listingTransitions.length);
    expect(markdown).toContain(
      '| NOTIFIED | CONFIRM | `confirmListing` | LISTED | INVALID_DATE: today ≥ latest date already on the listing' +
        '<br>OBJECTION_WINDOW_OPEN: today > objectionDeadline<br>OPEN_OBJECTION: openObjections = 0 ' +
        '| listedOn = today, expiresOn = today + termMonths (month-end clamped) |',
    );
  });
});

function unwrapStatus(result: ListingResult): ListingStatus | ListingErrorCode {
  return result.ok ? result.state.status : result.error.code;
}
