// From the /search page's URL parameters to the same SearchDisclosuresArgs the GraphQL caller sends, checked by
// the same class-validator rules (the DTO's decorators), so the portal accepts exactly what GraphQL accepts.
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { badInput, validationExceptionFactory } from '@credit/common';
import { SearchDisclosuresArgs } from '@credit/disclosure';

export const PORTAL_PAGE_SIZE = 20;
const MAX_PAGE_NUMBER = 10_000;

/** The parameters a /search URL may carry; each is a single short string. */
export interface SearchParams {
  q: string | null;
  region: string | null;
  category: string | null;
  dept: string | null;
  year: string | null;
  severity: string | null;
  uscc: string | null;
  after: string | null;
  /** Which page this is, for display only (cursors carry the position). */
  page: number;
}

const NAMES = ['q', 'region', 'category', 'dept', 'year', 'severity', 'uscc', 'after'] as const;

export function readSearchParams(query: Record<string, unknown>): SearchParams {
  const value = (name: string): string | null => {
    const raw = query[name];
    if (raw === undefined) return null;
    if (typeof raw !== 'string') throw badInput(`${name} may be given once`, name);
    return raw.trim() || null;
  };
  const params = Object.fromEntries(NAMES.map((name) => [name, value(name)])) as Omit<SearchParams, 'page'>;
  const page = value('page');
  if (page !== null && !/^\d{1,5}$/.test(page)) throw badInput('page must be a page number', 'page');
  return { ...params, page: Math.min(Math.max(Number(page ?? 1), 1), MAX_PAGE_NUMBER) };
}

export function toSearchArgs(params: SearchParams, first = PORTAL_PAGE_SIZE): SearchDisclosuresArgs {
  if (params.year !== null && !/^(19|20)\d{2}$/.test(params.year)) throw badInput('year must be a year such as 2026', 'year');
  const filter = {
    regionCode: params.region ?? undefined,
    penaltyCategory: params.category ?? undefined,
    departmentCode: params.dept ?? undefined,
    severity: params.severity ?? undefined,
    uscc: params.uscc ?? undefined,
    decisionDateFrom: params.year ? `${params.year}-01-01` : undefined,
    decisionDateTo: params.year ? `${params.year}-12-31` : undefined,
  };
  const hasFilter = Object.values(filter).some((v) => v !== undefined);
  const args = plainToInstance(SearchDisclosuresArgs, { query: params.q ?? undefined, filter: hasFilter ? filter : undefined, first, after: params.after ?? undefined });
  const errors = validateSync(args, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationExceptionFactory(errors);
  return args;
}

export function hasFilters(params: SearchParams): boolean {
  return Boolean(params.region || params.category || params.dept || params.year || params.severity || params.uscc);
}
