import { isPortalPath } from './portal.controller';
import { readSearchParams, toSearchArgs } from './portal-search.query';
import { PORTAL_CSS_PATH } from './portal.stylesheet';

describe('portal search parameters', () => {
  it('maps URL parameters onto the GraphQL arguments, a year onto its decision dates', () => {
    const params = readSearchParams({ q: ' 食品 ', region: '341102', category: 'FINE', dept: 'CZ-SCJGJ', year: '2026', severity: 'GENERAL', page: '3' });
    expect(params.page).toBe(3);
    expect(toSearchArgs(params)).toMatchObject({
      query: '食品',
      first: 20,
      filter: { regionCode: '341102', penaltyCategory: 'FINE', departmentCode: 'CZ-SCJGJ', severity: 'GENERAL', decisionDateFrom: '2026-01-01', decisionDateTo: '2026-12-31' },
    });
    expect(toSearchArgs(readSearchParams({})).filter).toBeUndefined();
  });

  it('refuses what GraphQL refuses, naming the field', () => {
    const field = (query: Record<string, unknown>) => {
      try {
        toSearchArgs(readSearchParams(query));
        return null;
      } catch (error) {
        return (error as { code: string; details: { field?: string } }).details.field;
      }
    };
    expect(field({ region: '34x' })).toBe('filter.regionCode');
    expect(field({ category: 'NOPE' })).toBe('filter.penaltyCategory');
    expect(field({ year: '99' })).toBe('year');
    expect(field({ q: ['a', 'b'] })).toBe('q');
    expect(field({ page: '-1' })).toBe('page');
  });

  it('knows the portal\u2019s own paths (credentials are not read there) and nothing else', () => {
    for (const path of ['/', '/search', '/disclosures/12', '/subjects/91341100MA2TEST000', '/lists/serious-dishonesty', PORTAL_CSS_PATH]) expect([path, isPortalPath(path)]).toEqual([path, true]);
    for (const path of ['/graphql', '/ide', '/schema.graphql', '/health', '/disclosures/1/x', '/templates/penalties.csv']) expect([path, isPortalPath(path)]).toEqual([path, false]);
  });
});
