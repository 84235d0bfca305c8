import { COMPANY_USCC, RESIDENT_ID, TODAY } from '../testing/penalty-draft.fixtures';
import { validatePenaltyRecord } from '../penalty-record.validation';
import { columnOfIssue, decisionNumberKey, isBlankRow, rowToDraft } from './spreadsheet-row';
import { mapHeaderRow } from './template-columns';

const HEADERS = [
  '序号', '行政相对人名称', '行政相对人类别', '行政相对人代码_1(统一社会信用代码)', '法定代表人', '法定代表人证件类型', '法定代表人证件号码',
  '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额（元）',
  '处罚决定日期', '处罚机关', '处罚机关统一社会信用代码',
];
const AUTHORITY = '113411000030000142';

function row(overrides: Record<string, unknown> = {}): unknown[] {
  const values: Record<string, unknown> = {
    序号: 1, 行政相对人名称: '滁州某某食品有限公司', 行政相对人类别: '法人及非法人组织', '行政相对人代码_1(统一社会信用代码)': COMPANY_USCC,
    法定代表人: '张三', 法定代表人证件类型: '居民身份证', 法定代表人证件号码: RESIDENT_ID, 证件类型: null, 证件号码: null,
    行政处罚决定书文号: ' 滁市监处罚〔2024〕12号 ', 违法行为类型: '销售不符合食品安全标准的食品', 违法事实: '销售过期食品。',
    处罚依据: '《食品安全法》第一百二十四条', 处罚类别: '警告；罚款', 处罚内容: '警告，罚款5000元', '罚款金额（元）': 5000,
    处罚决定日期: '2024年5月20日', 处罚机关: '滁州市市场监督管理局', 处罚机关统一社会信用代码: AUTHORITY,
    ...overrides,
  };
  return HEADERS.map((header) => values[header] ?? null);
}

describe('spreadsheet row → draft', () => {
  const mapping = mapHeaderRow(HEADERS);

  it('reads a company row into a draft the validator accepts', () => {
    const { draft } = rowToDraft(row() as never, mapping);
    expect(draft).toMatchObject({
      partyType: '法人及非法人组织', uscc: COMPANY_USCC, idType: '居民身份证', idNumber: RESIDENT_ID, penaltyCategories: ['警告', '罚款'],
      fineAmount: '0.5', decisionDate: '2024-05-20',
    });
    const outcome = validatePenaltyRecord(draft, TODAY);
    expect(outcome.ok && outcome.record).toMatchObject({ decisionNumber: '滁市监处罚〔2024〕12号', penaltyCategories: ['WARNING', 'FINE'], fineAmount: '0.5' });
  });

  it("prefers the person's own ID columns to the legal representative's", () => {
    const { draft, sourceOf } = rowToDraft(row({ 证件类型: '护照', 证件号码: 'E12345678' }) as never, mapping);
    expect(draft).toMatchObject({ idType: '护照', idNumber: 'E12345678' });
    expect(sourceOf.idNumber?.header).toBe('证件号码');
  });

  it('names the column of each error as the file wrote it', () => {
    const { draft, sourceOf } = rowToDraft(row({ 处罚类别: '警告；罚单', '行政相对人代码_1(统一社会信用代码)': '91341100MA2N0001X0' }) as never, mapping);
    const outcome = validatePenaltyRecord(draft, TODAY);
    expect(outcome.ok).toBe(false);
    const columns = !outcome.ok ? outcome.errors.map((issue) => [issue.field, columnOfIssue(issue.field, sourceOf, mapping)]) : [];
    expect(columns).toEqual([
      ['uscc', '行政相对人代码_1(统一社会信用代码)'],
      ['penaltyCategories[1]', '处罚类别'],
    ]);
    expect(columnOfIssue('registrationNumber', sourceOf, mapping)).toBe('工商注册号或其他登记证号');
  });

  it('spots blank rows and keys decision numbers as the validator stores them', () => {
    expect(isBlankRow([null, '  ', '\u3000'])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
    expect(decisionNumberKey({ decisionNumber: '\u3000滁市监处罚〔2024〕 12号 ' })).toBe('滁市监处罚〔2024〕 12号');
  });
});

describe('spreadsheet row → draft: the day of the act', () => {
  it('reads a 违法行为发生日期 column as a date like the decision date', () => {
    const headers = [...HEADERS, '违法行为发生日期'];
    const cells = [...row(), '2024年3月1日'];
    const { draft } = rowToDraft(cells as never, mapHeaderRow(headers));
    expect(draft.actDate).toBe('2024-03-01');
    const result = validatePenaltyRecord(draft, TODAY);
    expect(result.ok && result.record.actDate).toBe('2024-03-01');
  });
});
