// From the /inspections page's URL parameters to the same SearchInspectionResultsArgs the GraphQL caller of
// `searchInspectionResults` sends, checked by the same class-validator rules (the DTO's decorators).
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { badInput, validationExceptionFactory } from '@credit/common';
import { SearchInspectionResultsArgs } from '@credit/inspections';
import { PORTAL_PAGE_SIZE } from './portal-search.query';

const MAX_PAGE_NUMBER = 10_000;

export interface InspectionSearchParams {
  q: string | null;
  region: string | null;
  year: string | null;
  category: string | null;
  uscc: string | null;
  after: string | null;
  /** Which page this is, for display only (cursors carry the position). */
  page: number;
}

const NAMES = ['q', 'region', 'year', 'category', 'uscc', 'after'] as const;

export function readInspectionParams(query: Record<string, unknown>): InspectionSearchParams {
  const value = (name: string): string | null => {
    const raw = query[name];
    if (raw === undefined) return null;
    if (typeof raw !== 'string') throw badInput(`${name} may be given once`, name);
    return raw.trim() || null;
  };
  const params = Object.fromEntries(NAMES.map((name) => [name, value(name)])) as Omit<InspectionSearchParams, 'page'>;
  const page = value('page');
  if (page !== null && !/^\d{1,5}$/.test(page)) throw badInput('page must be a page number', 'page');
  return { ...params, page: Math.min(Math.max(Number(page ?? 1), 1), MAX_PAGE_NUMBER) };
}

export function toInspectionArgs(params: InspectionSearchParams, first = PORTAL_PAGE_SIZE): SearchInspectionResultsArgs {
  if (params.year !== null && !/^\d{4}$/.test(params.year)) throw badInput('年份须为四位数字，例如 2026（year must be a year such as 2026）', 'year');
  const filter = {
    query: params.q ?? undefined,
    regionCode: params.region ?? undefined,
    year: params.year ? Number(params.year) : undefined,
    category: params.category ?? undefined,
    uscc: params.uscc?.toUpperCase() ?? undefined,
  };
  const hasFilter = Object.values(filter).some((v) => v !== undefined);
  const args = plainToInstance(SearchInspectionResultsArgs, { filter: hasFilter ? filter : undefined, first, after: params.after ?? undefined });
  const errors = validateSync(args, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationExceptionFactory(errors);
  return args;
}

export function hasInspectionFilters(params: InspectionSearchParams): boolean {
  return Boolean(params.region || params.year || params.category || params.uscc);
}
