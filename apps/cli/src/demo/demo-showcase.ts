// Loads the showcase subjects (demo-showcase.data.ts) through the same services the API uses, and answers what
// the demo prints about them: each subject's actual tier, the listings' ids and the decision open to credit repair.
import type { INestApplicationContext } from '@nestjs/common';
import { ListingClock, ListingLifecycleService, ListingQueriesService } from '@credit/blacklist';
import { DepartmentPrincipal } from '@credit/common';
import { TierQueriesService } from '@credit/credit-tiers';
import { addDays, IsoDate, todayInChina } from '@credit/domain';
import { PenaltyIngestService } from '@credit/penalties';
import {
  SHOWCASE_LIST_TYPE,
  SHOWCASE_LISTING_DEPARTMENT,
  SHOWCASE_SUBJECTS,
  showcaseDrafts,
  showcaseListingNumber,
  ShowcaseRole,
  ShowcaseSubject,
} from './demo-showcase.data';

export interface ShowcaseEntry {
  role: ShowcaseRole;
  uscc: string;
  name: string;
  tier: string | null;
  score: number | null;
  decisionNumbers: string[];
  listingId: string | null;
  listingNumber: string | null;
}

export async function seedShowcase(app: INestApplicationContext, principalOf: (departmentCode: string) => DepartmentPrincipal): Promise<ShowcaseEntry[]> {
  const ingest = app.get(PenaltyIngestService);
  const today = todayInChina();
  const seeded: { subject: ShowcaseSubject; subjectId: string; recordIds: string[]; decisionNumbers: string[] }[] = [];
  for (const subject of SHOWCASE_SUBJECTS) {
    const recordIds: string[] = [];
    const decisionNumbers: string[] = [];
    let subjectId = '';
    for (const { department, draft } of showcaseDrafts(subject, today)) {
      const [result] = (await ingest.submit(principalOf(department), [draft])).results;
      // A rejected showcase record is a bug in the data above: the README would point at nothing.
      if (!result.recordId || !result.subjectId) throw new Error(`showcase record ${draft.decisionNumber} rejected: ${JSON.stringify(result.errors)}`);
      recordIds.push(result.recordId);
      decisionNumbers.push(draft.decisionNumber as string);
      subjectId = result.subjectId;
    }
    seeded.push({ subject, subjectId, recordIds, decisionNumbers });
  }

  const listingIds = new Map<ShowcaseRole, string>();
  const proposer = principalOf(SHOWCASE_LISTING_DEPARTMENT);
  for (const { subject, recordIds } of seeded) {
    if (!subject.listing) continue;
    const existing = await app.get(ListingQueriesService).list(proposer, { uscc: subject.uscc, listTypeCode: SHOWCASE_LIST_TYPE }, 1);
    listingIds.set(subject.role, existing.edges[0]?.node.id ?? (await createListing(app, proposer, subject, recordIds, today)));
  }

  const tiers = await app.get(TierQueriesService).current(seeded.map((s) => s.subjectId));
  return seeded.map(({ subject, subjectId, decisionNumbers }) => ({
    role: subject.role,
    uscc: subject.uscc,
    name: subject.name,
    tier: tiers.get(subjectId)?.level ?? null,
    score: tiers.get(subjectId)?.score ?? null,
    decisionNumbers,
    listingId: listingIds.get(subject.role) ?? null,
    listingNumber: subject.listing ? showcaseListingNumber(subject.listing, today) : null,
  }));
}

async function createListing(app: INestApplicationContext, proposer: DepartmentPrincipal, subject: ShowcaseSubject, recordIds: string[], today: IsoDate): Promise<string> {
  const listing = subject.listing!;
  const lifecycle = app.get(ListingLifecycleService);
  const proposedOn = addDays(today, -listing.proposedDaysAgo);
  const id = await asOf(app, proposedOn, () =>
    lifecycle.propose(proposer, {
      uscc: subject.uscc,
      listTypeCode: SHOWCASE_LIST_TYPE,
      decisionDocumentNumber: showcaseListingNumber(listing, today),
      reasons: `当事人${subject.records[0].violationFacts}`,
      legalBasis: '《市场监督管理严重违法失信名单管理办法》第九条',
      penaltyRecordIds: recordIds,
    }),
  );
  await asOf(app, proposedOn, () => lifecycle.notify(proposer, id, proposedOn));
  if (listing.confirmDaysAgo !== null) await asOf(app, addDays(today, -listing.confirmDaysAgo), () => lifecycle.confirm(proposer, id));
  return id;
}

/**
 * Runs `work` with the listing lifecycle's "today" set to `date`. The demo back-dates its showcase listings so
 * one is already LISTED and one has its objection window behind it; the lifecycle itself has no back-dating
 * operation, and no other caller shares this app while the demo seeds it.
 */
async function asOf<T>(app: INestApplicationContext, date: IsoDate, work: () => Promise<T>): Promise<T> {
  const clock = app.get(ListingClock);
  const own = Object.getOwnPropertyDescriptor(clock, 'today'); // a test's stand-in clock, if any, comes back after
  clock.today = () => date;
  try {
    return await work();
  } finally {
    if (own) Object.defineProperty(clock, 'today', own);
    else delete (clock as Partial<ListingClock>).today; // back to the prototype's China calendar
  }
}
