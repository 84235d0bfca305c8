// The facets of a search's sample: facetsFromGroups reads the statement's grouping-set rows (FACET_GROUPS), and
// facetsOf is the tests' reference count of the same sample, which the int-specs compare the statement with.
import { FacetGroupRow, facetsFromGroups } from './postgres-search.sql';
import { facetsOf, SampleRow } from './testing/sample-rows';

describe('facetsFromGroups', () => {
  // FACET_GROUPS' rows: grouping() bits 3 a department, 5 a region, 6 a year, 7 the whole sample (its categories).
  it("reads the statement's groups: each facet most frequent first, then by value; the sample's size and categories from its last row", () => {
    const { sampled, facets } = facetsFromGroups([
      [3, 'CZ-SWJ', '滁州市税务局', 2], [3, 'CZ-AJJ', '滁州市应急管理局', 1], [3, 'CZ-HBJ', '滁州市生态环境局', 1], [3, null, null, 1],
      [5, '341122', null, 1], [5, '341102', null, 2], [5, null, null, 2],
      [6, '2025', null, 1], [6, '2026', null, 3],
      [7, 'FINE,FINE,WARNING,,WARNING', null, 5],
    ]);
    expect(sampled).toBe(5);
    expect(facets).toEqual({
      departments: [{ value: 'CZ-SWJ', label: '滁州市税务局', count: 2 }, { value: 'CZ-AJJ', label: '滁州市应急管理局', count: 1 }, { value: 'CZ-HBJ', label: '滁州市生态环境局', count: 1 }],
      regions: [{ value: '341102', label: null, count: 2 }, { value: '341122', label: null, count: 1 }],
      years: [{ value: '2026', label: null, count: 3 }, { value: '2025', label: null, count: 1 }],
      categories: [{ value: 'FINE', label: null, count: 2 }, { value: 'WARNING', label: null, count: 2 }],
    });
  });
  it('keeps 20 buckets a facet, and reads an empty sample (or none) as nothing counted', () => {
    const many = Array.from({ length: 30 }, (_, i): FacetGroupRow => [3, `D${String(i).padStart(2, '0')}`, null, 1 + (i % 3)]);
    expect(facetsFromGroups(many).facets.departments).toHaveLength(20);
    const empty = { sampled: 0, facets: { departments: [], regions: [], years: [], categories: [] } };
    expect([facetsFromGroups([[7, null, null, 0]]), facetsFromGroups(null)]).toEqual([empty, empty]);
  });
});

describe("facetsOf (the tests' reference count)", () => {
  it('counts departments (with their names), regions, years and categories, most frequent first, then by value', () => {
    const facets = facetsOf([
      ['CZ-SWJ', '滁州市税务局', '341102', 2026, ['FINE']],
      ['CZ-HBJ', '滁州市生态环境局', '341122', 2025, ['FINE', 'WARNING']],
      ['CZ-SWJ', '滁州市税务局', '341102', 2026, ['WARNING']],
      ['CZ-AJJ', '滁州市应急管理局', null, 2026, null],
    ]);
    expect(facets.departments).toEqual([
      { value: 'CZ-SWJ', label: '滁州市税务局', count: 2 },
      { value: 'CZ-AJJ', label: '滁州市应急管理局', count: 1 },
      { value: 'CZ-HBJ', label: '滁州市生态环境局', count: 1 },
    ]);
    expect(facets.regions).toEqual([{ value: '341102', label: null, count: 2 }, { value: '341122', label: null, count: 1 }]);
    expect(facets.years).toEqual([{ value: '2026', label: null, count: 3 }, { value: '2025', label: null, count: 1 }]);
    expect(facets.categories).toEqual([{ value: 'FINE', label: null, count: 2 }, { value: 'WARNING', label: null, count: 2 }]);
  });
  it('keeps at most 20 buckets per facet', () => {
    const sample = Array.from({ length: 30 }, (_, i): SampleRow => [`D${String(i).padStart(2, '0')}`, null, null, null, null]);
    expect(facetsOf(sample).departments).toHaveLength(20);
  });
});
