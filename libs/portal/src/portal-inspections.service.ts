// What the portal's 双随机、一公开 pages show, read through the inspections' public services: the search of
// published results (InspectionResultsService.search, the `searchInspectionResults` query's service) and the
// public view of a drawn plan (PublicInspectionPlanService). No SQL and no publication rule of its own.
import { Injectable } from '@nestjs/common';
import { DomainError } from '@credit/common';
import { DepartmentsService } from '@credit/departments';
import { InspectionResultsService, PublicInspectionPlan, PublicInspectionPlanService, PublicDrawVerdict, PublicInspectionResultConnection, PublicSelectionPage } from '@credit/inspections';
import { AuthorityContact } from './portal.layout';
import { InspectionSearchParams, toInspectionArgs } from './portal-inspections.query';

export interface InspectionSearchOutcome {
  params: InspectionSearchParams;
  /** Null when the query itself was refused (too short …): `problem` says why. */
  results: PublicInspectionResultConnection | null;
  problem: string | null;
  contacts: AuthorityContact[];
}

export interface InspectionPlanView {
  plan: PublicInspectionPlan;
  selection: PublicSelectionPage;
  verdict: PublicDrawVerdict;
  after: string | null;
  contacts: AuthorityContact[];
}

/** Executing departments are joined with 、 in a published result (departmentNames). */
export function departmentNamesOf(results: PublicInspectionResultConnection): string[] {
  return results.edges.flatMap((e) => e.node.departmentNames.split('、'));
}

@Injectable()
export class PortalInspectionsService {
  constructor(
    private readonly results: InspectionResultsService,
    private readonly plans: PublicInspectionPlanService,
    private readonly departments: DepartmentsService,
  ) {}

  async search(params: InspectionSearchParams): Promise<InspectionSearchOutcome> {
    const args = toInspectionArgs(params);
    try {
      const results = await this.results.search(args.filter, args.first!, args.after);
      return { params, results, problem: null, contacts: await this.departments.publicContacts(departmentNamesOf(results)) };
    } catch (error) {
      // A query the search refuses is said on the page, with the form to correct it, not as an error page.
      if (error instanceof DomainError && error.code === 'BAD_USER_INPUT' && error.details.field === 'filter.query') {
        return { params, results: null, problem: error.message, contacts: [] };
      }
      throw error;
    }
  }

  /** A published result list of one subject (the subject page's section). */
  subjectResults(uscc: string, first: number): Promise<PublicInspectionResultConnection> {
    return this.results.search({ uscc }, first, undefined);
  }

  /** A drawn plan's public page, or null (no such plan, or not drawn yet: the same 404). */
  async plan(planId: string, after: string | null): Promise<InspectionPlanView | null> {
    const plan = await this.plans.drawnPlan(planId);
    if (!plan) return null;
    const [selection, verdict, contacts] = await Promise.all([
      this.plans.selection(plan.id, after),
      this.plans.verdict(plan),
      this.departments.publicContacts(plan.departments.map((d) => d.name)),
    ]);
    return { plan, selection, verdict, after, contacts };
  }
}
