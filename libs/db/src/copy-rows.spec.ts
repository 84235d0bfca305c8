import { copyField } from './copy-rows';

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
