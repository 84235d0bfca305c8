// What each portal page shows, read through the same services the anonymous GraphQL caller reaches
// (DisclosureSearchService for 双公示 decisions, ListingQueriesService.publicList for 严重失信主体名单,
// DepartmentsService for the authorities' 异议/信用修复 contacts, and through PortalInspectionsService the
// published 抽查检查结果 of a subject). No SQL and no publication rule of its own: what those services do not
// return, the portal cannot show.
import { Injectable } from '@nestjs/common';
import { ListingQueriesService } from '@credit/blacklist';
import { DomainError } from '@credit/common';
import { DepartmentsService } from '@credit/departments';
import { DisclosureConnection, DisclosureModel, DisclosureSearchService } from '@credit/disclosure';
import { PublicInspectionResultConnection } from '@credit/inspections';
import { AuthorityContact } from './portal.layout';
import { departmentNamesOf, PortalInspectionsService } from './portal-inspections.service';
import { PORTAL_PAGE_SIZE, SearchParams, toSearchArgs } from './portal-search.query';

export type PublicListPage = Awaited<ReturnType<ListingQueriesService['publicList']>>;
export type PublicListing = PublicListPage['edges'][number]['node'];

export { PUBLIC_COUNT_CAP } from '@credit/blacklist';

export const LATEST_ON_HOME = 10;
/** A subject page shows this many of its decisions and links to the search for the rest. */
export const SUBJECT_DISCLOSURES = 20;
/** …and this many of its published inspection results (抽查检查结果), linking to /inspections for the rest. */
export const SUBJECT_INSPECTIONS = 20;

export interface SearchOutcome {
  params: SearchParams;
  /** Null when the query itself was refused (too short, no words …): `problem` says why. */
  results: DisclosureConnection | null;
  problem: string | null;
  contacts: AuthorityContact[];
}

export interface SubjectView {
  uscc: string;
  name: string;
  regionCode: string | null;
  disclosures: DisclosureConnection;
  listings: PublicListing[];
  inspections: PublicInspectionResultConnection;
  contacts: AuthorityContact[];
}

@Injectable()
export class PortalService {
  constructor(
    private readonly disclosures: DisclosureSearchService,
    private readonly listings: ListingQueriesService,
    private readonly departments: DepartmentsService,
    private readonly inspections: PortalInspectionsService,
  ) {}

  async home(): Promise<{ latest: DisclosureConnection; listed: PublicListPage; contacts: AuthorityContact[] }> {
    const [latest, listed] = await Promise.all([this.disclosures.search({ first: LATEST_ON_HOME }), this.listings.publicList(null, 1)]);
    return { latest, listed, contacts: await this.contactsOf(latest.edges.map((e) => e.node)) };
  }

  async search(params: SearchParams): Promise<SearchOutcome> {
    const args = toSearchArgs(params);
    try {
      const results = await this.disclosures.search(args);
      return { params, results, problem: null, contacts: await this.contactsOf(results.edges.map((e) => e.node)) };
    } catch (error) {
      // A query the search refuses is said on the page, with the form to correct it, not as an error page.
      if (error instanceof DomainError && error.code === 'BAD_USER_INPUT' && error.details.field === 'query') {
        return { params, results: null, problem: error.message, contacts: [] };
      }
      throw error;
    }
  }

  async disclosure(id: string): Promise<{ disclosure: DisclosureModel; contacts: AuthorityContact[] } | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const disclosure = await this.disclosures.findOne(id);
    return disclosure ? { disclosure, contacts: await this.contactsOf([disclosure]) } : null;
  }

  /**
   * A legal person's public page: its published decisions, its entries on the public list and its published
   * inspection results (一公开), nothing else. A USCC with none of them is null, exactly like one never seen, so
   * the page is no existence oracle.
   */
  async subject(rawUscc: string): Promise<SubjectView | null> {
    const uscc = rawUscc.toUpperCase();
    if (!/^[0-9A-Z]{18}$/.test(uscc)) return null;
    const [disclosures, listed, inspections] = await Promise.all([
      this.disclosures.search({ filter: { uscc }, first: SUBJECT_DISCLOSURES }),
      this.listings.publicList(uscc, 50),
      this.inspections.subjectResults(uscc, SUBJECT_INSPECTIONS),
    ]);
    // The public list also matches the term inside names: keep the entries of this very code.
    const listings = listed.edges.map((e) => e.node).filter((listing) => listing.uscc === uscc);
    const named = disclosures.edges.find((e) => e.node.uscc === uscc)?.node;
    const inspected = inspections.edges.find((e) => e.node.uscc === uscc)?.node;
    if (!named && listings.length === 0 && !inspected) return null;
    const contacts = await this.departments.publicContacts([
      ...disclosures.edges.map((e) => e.node.departmentName),
      ...listings.map((listing) => listing.designatingDepartment),
      ...departmentNamesOf(inspections),
    ]);
    const name = named?.partyName ?? listings[0]?.name ?? inspected!.subjectName;
    return { uscc, name, regionCode: named?.regionCode ?? inspected?.regionCode ?? null, disclosures, listings, inspections, contacts };
  }

  async seriousDishonestyList(query: string | null, after: string | null): Promise<{ page: PublicListPage; contacts: AuthorityContact[] }> {
    const page = await this.listings.publicList(query, PORTAL_PAGE_SIZE, after ?? undefined);
    return { page, contacts: await this.departments.publicContacts(page.edges.map((e) => e.node.designatingDepartment)) };
  }

  private contactsOf(disclosures: DisclosureModel[]): Promise<AuthorityContact[]> {
    return this.departments.publicContacts(disclosures.map((d) => d.departmentName));
  }
}
