import { copyField, PenaltyColumns, packCopyTails, sqlArrayLiteral } from './penalty-columns';

describe('sqlArrayLiteral', () => {
  it('writes what node-postgres sends for the same array (its output, pasted), quotes and backslashes escaped', () => {
    const values = ['滁市监罚〔2026〕1号', 'a"b', 'c\\d', '\\"', null, 'NULL', '', ' ', '{x,y}', 'tab\there', true, false, '2026-11-28', '12.5'];
    expect(sqlArrayLiteral(values)).toBe(
      '{"滁市监罚〔2026〕1号","a\\"b","c\\\\d","\\\\\\"",NULL,"NULL",""," ","{x,y}","tab\there","true","false","2026-11-28","12.5"}',
    );
    expect(sqlArrayLiteral([])).toBe('{}');
  });
});

describe('copyField', () => {
  it('writes NULL as \\N and escapes what COPY text would read otherwise (a literal \\N stays text)', () => {
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField('a\tb\nc\r\nd\\e')).toBe('a\\tb\\nc\\r\\nd\\\\e');
    expect(copyField('滁市监罚〔2026〕1号 "引号" {x,y}')).toBe('滁市监罚〔2026〕1号 "引号" {x,y}');
    expect(copyField('')).toBe('');
    expect(copyField(true)).toBe('true');
    expect(copyField(false)).toBe('false');
    expect(copyField(12.5)).toBe('12.5');
  });
});

describe('PenaltyColumns', () => {
  const key = (decisionNumber: string) => ({ decisionNumber, contentHash: 'h', severity: 'GENERAL', penaltyCategories: ['FINE'] });
  const rows = [key('甲〔2026〕1号'), key('乙〔2026〕2号'), key('丙〔2026〕3号')];
  const tails = ['甲\t𠀀罚', '', 'c\\n'].map((text) => Buffer.from(text, 'utf8'));

  it('puts each row\'s head before its own COPY data, for all the rows or some, in the order asked', () => {
    const columns = PenaltyColumns.of(rows, packCopyTails(tails));
    expect(columns.copyData(['1\t', '2\t', '3\t']).toString('utf8')).toBe('1\t甲\t𠀀罚\n2\t\n3\tc\\n\n');
    const some = columns.only([rows[2], rows[0]]);
    expect(some.rows).toEqual([rows[2], rows[0]]);
    expect(some.copyData(['7\t\\N\t', '8\t9\t']).toString('utf8')).toBe('7\t\\N\tc\\n\n8\t9\t甲\t𠀀罚\n');
    expect(() => columns.only([key('丁〔2026〕4号')])).toThrow('not one of this batch');
  });

  it('packs the rows\' data into a buffer of its own, so a thread can hand it over whole', () => {
    const packed = packCopyTails(tails);
    expect(packed.ends).toEqual([tails[0].length, tails[0].length, tails[0].length + tails[2].length]);
    expect(packed.bytes.byteOffset).toBe(0);
    expect(packed.bytes.buffer.byteLength).toBe(packed.bytes.length);
  });
});
