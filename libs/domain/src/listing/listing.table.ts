// The listing lifecycle as data: every allowed (from, action) pair, where it leads and what must hold.
// Any pair not in this table is refused with INVALID_TRANSITION. A spec checks the functions agree with it,
// and `formatListingTransitions` renders it for the README.
import { ListingAction, ListingErrorCode, ListingStatus } from './listing.types';

export interface ListingGuard {
  /** The error code returned when the guard fails */
  code: ListingErrorCode;
  rule: string;
}

export interface ListingTransition {
  /** null: the action creates the listing */
  from: ListingStatus | null;
  action: ListingAction;
  /** The function that performs it */
  fn: string;
  to: ListingStatus;
  guards: readonly ListingGuard[];
  /** What the transition records */
  effect: string;
}

const { INVALID_DATE, OBJECTION_WINDOW_CLOSED, OBJECTION_WINDOW_OPEN, OPEN_OBJECTION, REMOVAL_NOT_YET_ALLOWED } =
  ListingErrorCode;
const { PROPOSED, NOTIFIED, LISTED, REMOVED, NOT_LISTED } = ListingStatus;

const todayNotBack: ListingGuard = { code: INVALID_DATE, rule: 'today ≥ latest date already on the listing' };
const objectionOpen: ListingGuard = {
  code: ListingErrorCode.INVALID_TRANSITION,
  rule: 'objection is OPEN, openObjections ≥ 1, today ≥ objection.filedOn',
};

export const listingTransitions: readonly ListingTransition[] = [
  {
    from: null,
    action: ListingAction.PROPOSE,
    fn: 'proposeListing',
    to: PROPOSED,
    guards: [{ code: INVALID_DATE, rule: 'today is a real YYYY-MM-DD date' }],
    effect: 'proposedOn = today',
  },
  {
    from: PROPOSED,
    action: ListingAction.NOTIFY,
    fn: 'notifyParty',
    to: NOTIFIED,
    guards: [todayNotBack, { code: INVALID_DATE, rule: 'proposedOn ≤ noticeDate ≤ today' }],
    // 告知之日起 N 日内: the notice day is not counted, the deadline day is the last day objections are accepted
    effect: 'objectionDeadline = noticeDate + objectionDays in the list type’s unit (working days skip holidays; last day, inclusive)',
  },
  {
    from: NOTIFIED,
    action: ListingAction.FILE_OBJECTION,
    fn: 'fileObjection',
    to: NOTIFIED,
    guards: [todayNotBack, { code: OBJECTION_WINDOW_CLOSED, rule: 'today ≤ objectionDeadline' }],
    effect: 'openObjections + 1; a new OPEN objection filedOn today',
  },
  {
    from: NOTIFIED,
    action: ListingAction.UPHOLD_OBJECTION,
    fn: 'resolveObjection(upheld = true)',
    to: NOT_LISTED,
    guards: [objectionOpen, todayNotBack],
    effect: 'removedOn = today, removalReason = OBJECTION_UPHELD (不予列入); openObjections − 1',
  },
  {
    from: NOTIFIED,
    action: ListingAction.REJECT_OBJECTION,
    fn: 'resolveObjection(upheld = false)',
    to: NOTIFIED,
    guards: [objectionOpen, todayNotBack],
    effect: 'openObjections − 1',
  },
  // Objections left open when a listing ends are still answered; only the count changes.
  // Only NOT_LISTED can have them: objections are filed before listing, and a listing is confirmed only when
  // every one is answered.
  ...[NOT_LISTED].flatMap((ended): ListingTransition[] => [
    {
      from: ended,
      action: ListingAction.UPHOLD_OBJECTION,
      fn: 'resolveObjection(upheld = true)',
      to: ended,
      guards: [objectionOpen, todayNotBack],
      effect: 'openObjections − 1 (removal reason unchanged)',
    },
    {
      from: ended,
      action: ListingAction.REJECT_OBJECTION,
      fn: 'resolveObjection(upheld = false)',
      to: ended,
      guards: [objectionOpen, todayNotBack],
      effect: 'openObjections − 1 (removal reason unchanged)',
    },
  ]),
  {
    from: NOTIFIED,
    action: ListingAction.CONFIRM,
    fn: 'confirmListing',
    to: LISTED,
    guards: [
      todayNotBack,
      { code: OBJECTION_WINDOW_OPEN, rule: 'today > objectionDeadline' },
      { code: OPEN_OBJECTION, rule: 'openObjections = 0' },
    ],
    effect: 'listedOn = today, expiresOn = today + termMonths (month-end clamped)',
  },
  {
    from: LISTED,
    action: ListingAction.REMOVE_EXPIRED,
    fn: 'removeListing(EXPIRED)',
    to: REMOVED,
    guards: [todayNotBack, { code: REMOVAL_NOT_YET_ALLOWED, rule: 'today ≥ expiresOn' }],
    effect: 'removedOn = today, removalReason = EXPIRED',
  },
  {
    from: LISTED,
    action: ListingAction.REMOVE_REPAIRED,
    fn: 'removeListing(REPAIRED)',
    to: REMOVED,
    guards: [todayNotBack, { code: REMOVAL_NOT_YET_ALLOWED, rule: 'today ≥ listedOn + earliestRemovalMonths' }],
    effect: 'removedOn = today, removalReason = REPAIRED',
  },
  ...[PROPOSED, NOTIFIED, LISTED].flatMap((from): ListingTransition[] =>
    (['REVOKED', 'BASIS_REVOKED'] as const).map((reason) => ({
      from,
      action: reason === 'REVOKED' ? ListingAction.REMOVE_REVOKED : ListingAction.REMOVE_BASIS_REVOKED,
      fn: `removeListing(${reason})`,
      // Before listing nothing is removed from the list: the outcome is 不予列入.
      to: from === LISTED ? REMOVED : NOT_LISTED,
      guards: [todayNotBack],
      effect: `removedOn = today, removalReason = ${reason}`,
    })),
  ),
];

/** The allowed transition for (from, action), or undefined when the pair is refused. */
export function findListingTransition(
  from: ListingStatus | null,
  action: ListingAction,
): ListingTransition | undefined {
  return listingTransitions.find((t) => t.from === from && t.action === action);
}

/** The table as Markdown, one row per transition. */
export function formatListingTransitions(): string {
  const header = '| from | action | function | to | guards (error code: rule) | effect |\n|---|---|---|---|---|---|';
  const rows = listingTransitions.map((t) => {
    const guards = t.guards.map((g) => `${g.code}: ${g.rule}`).join('<br>') || '—';
    return `| ${t.from ?? '(new)'} | ${t.action} | \`${t.fn}\` | ${t.to} | ${guards} | ${t.effect} |`;
  });
  return [header, ...rows].join('\n');
}
