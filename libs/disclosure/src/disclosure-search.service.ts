// The public search (公示查询): anonymous, served from the search index, with the publication window checked
// again on the way out so an expired record never shows, even before the expiry sweep has withdrawn it.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { badInput, DomainError, errorMessage, pageInfoOf, requireIsoDate } from '@credit/common';
import { IsoDate, PENALTY_CATEGORY_LABELS, PenaltyCategory, regionName, todayInChina } from '@credit/domain';
import { DEFAULT_COUNT_BOUND, DisclosureDocument, DisclosureFacets, DisclosureSearchFilter, parseQuery, SEARCH_INDEX, SearchIndex } from '@credit/search';
import { DEFAULT_DISCLOSURE_PAGE, DisclosureFilter, MAX_DISCLOSURE_PAGE, SearchDisclosuresArgs } from './dto/disclosure.inputs';
import { DisclosureConnection, DisclosureFacetsModel, DisclosureModel } from './dto/disclosure.models';
import { searchUnavailable } from './disclosure.errors';

const QUERY_PROBLEMS: Record<string, string> = {
  TOO_SHORT: '查询词至少两个字（the query needs at least 2 characters）',
  TOO_LONG: '查询词不超过100个字（the query may have at most 100 characters）',
  NO_WORDS: '查询词不含可检索的文字（the query has no letters, digits or Chinese characters）',
};

/**
 * What a caller needs beyond the page. Both default to true, so a caller that passes nothing gets the count and
 * the facets as before; the GraphQL resolver passes what the selection asks for (the facets and the count read
 * up to DEFAULT_COUNT_BOUND more matches, the page only first + 1).
 */
export interface DisclosureSearchOptions {
  /** totalCount and totalCountIsLowerBound counted up to the bound (else: the page, as a lower bound). */
  count?: boolean;
  /** The facets (else: every facet empty). Implies count. */
  facets?: boolean;
}

@Injectable()
export class DisclosureSearchService {
  private readonly logger = new Logger('DisclosureSearch');

  constructor(@Inject(SEARCH_INDEX) private readonly index: SearchIndex) {}

  async search(args: SearchDisclosuresArgs, asOf: IsoDate = todayInChina(), options: DisclosureSearchOptions = {}): Promise<DisclosureConnection> {
    const first = args.first ?? DEFAULT_DISCLOSURE_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_DISCLOSURE_PAGE) throw badInput(`first must be from 1 to ${MAX_DISCLOSURE_PAGE}`, 'first');
    const query = args.query?.trim() ? args.query.trim() : null;
    if (query !== null) {
      const parsed = parseQuery(query);
      if (typeof parsed === 'string') throw badInput(QUERY_PROBLEMS[parsed], 'query');
    }
    const filter = checkFilter(args.filter ?? null);
    const page = await this.guard(() => this.index.search({ query, filter, first, after: args.after ?? null, asOf, countBound: DEFAULT_COUNT_BOUND, count: options.count ?? true, facets: options.facets ?? options.count ?? true }));
    const hits = page.hits.filter((hit) => isInWindow(hit.doc, asOf));
    const edges = hits.map((hit) => ({ cursor: hit.cursor, node: toModel(hit.doc, hit.highlights) }));
    return {
      totalCount: page.totalCount,
      totalCountIsLowerBound: page.totalCountIsLowerBound,
      edges,
      pageInfo: pageInfoOf(page.hits, page.hasNextPage),
      facets: labelled(page.facets),
    };
  }

  async findOne(id: string, asOf: IsoDate = todayInChina()): Promise<DisclosureModel | null> {
    if (!/^\d{1,18}$/.test(id)) throw badInput('id must be the numeric id of a disclosure', 'id');
    const [doc] = await this.guard(() => this.index.getVisible([id], asOf));
    return doc && isInWindow(doc, asOf) ? toModel(doc, []) : null;
  }

  /** A backend outage is a coded, retryable error for the public, not an internal one. */
  private async guard<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      this.logger.error(`search backend failed: ${errorMessage(error)}`);
      throw searchUnavailable();
    }
  }
}

function checkFilter(filter: DisclosureFilter | null): DisclosureSearchFilter {
  if (!filter) return {};
  const from = filter.decisionDateFrom ? requireIsoDate(filter.decisionDateFrom, 'filter.decisionDateFrom') : null;
  const to = filter.decisionDateTo ? requireIsoDate(filter.decisionDateTo, 'filter.decisionDateTo') : null;
  if (from && to && from > to) throw badInput('decisionDateFrom must not be after decisionDateTo', 'filter.decisionDateFrom');
  return {
    regionCode: filter.regionCode ?? null,
    departmentCode: filter.departmentCode?.trim() || null,
    penaltyCategory: filter.penaltyCategory ?? null,
    severity: filter.severity ?? null,
    decisionDateFrom: from,
    decisionDateTo: to,
    uscc: filter.uscc ? filter.uscc.toUpperCase() : null,
  };
}

/** publishedUntil is the last visible day (inclusive). */
export function isInWindow(doc: DisclosureDocument, asOf: IsoDate): boolean {
  return doc.publishedFrom <= asOf && asOf <= doc.publishedUntil;
}

function toModel(doc: DisclosureDocument, highlights: string[]): DisclosureModel {
  return {
    id: doc.id,
    partyName: doc.partyName,
    uscc: doc.uscc,
    legalRepresentative: doc.legalRepresentative,
    decisionNumber: doc.decisionNumber,
    violationType: doc.violationType,
    violationFacts: doc.violationFacts,
    legalBasis: doc.legalBasis,
    penaltyCategories: doc.penaltyCategories as PenaltyCategory[],
    penaltyContent: doc.penaltyContent,
    fineAmount: doc.fineAmount,
    confiscatedAmount: doc.confiscatedAmount,
    decisionDate: doc.decisionDate,
    publishedUntil: doc.publishedUntil,
    authorityName: doc.authorityName,
    departmentName: doc.departmentName,
    regionCode: doc.regionCode,
    highlights,
    withdrawal: doc.withdrawnOn ? { withdrawnOn: doc.withdrawnOn, reason: doc.withdrawalReason ?? '' } : null,
  };
}

function labelled(facets: DisclosureFacets): DisclosureFacetsModel {
  return {
    departments: facets.departments,
    regions: facets.regions.map((b) => ({ ...b, label: regionName(b.value) })),
    years: facets.years,
    categories: facets.categories.map((b) => ({ ...b, label: PENALTY_CATEGORY_LABELS[b.value as PenaltyCategory]?.[0] ?? null })),
  };
}
