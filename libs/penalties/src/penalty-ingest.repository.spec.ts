import { sqlArrayLiteral } from './penalty-ingest.repository';

describe('sqlArrayLiteral', () => {
  it('writes what node-postgres sends for the same array (its output, pasted), quotes and backslashes escaped', () => {
    const values = ['滁市监罚〔2026〕1号', 'a"b', 'c\\d', '\\"', null, 'NULL', '', ' ', '{x,y}', 'tab\there', true, false, '2026-11-28', '12.5'];
    expect(sqlArrayLiteral(values)).toBe(
      '{"滁市监罚〔2026〕1号","a\\"b","c\\\\d","\\\\\\"",NULL,"NULL",""," ","{x,y}","tab\there","true","false","2026-11-28","12.5"}',
    );
    expect(sqlArrayLiteral([])).toBe('{}');
  });
});
