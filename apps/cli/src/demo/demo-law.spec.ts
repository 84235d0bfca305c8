// The demo cites real law: every generated and showcase decision cites the article in force on its date, its
// fine lies inside that article's range, its 文号 reads like a real one, and 年报 failures never carry a fine.
import { compareAmounts, PenaltyRecordDraft, todayInChina } from '@credit/domain';
import { generateDemoData } from './demo-data.generator';
import { SHOWCASE_SUBJECTS, showcaseDrafts } from './demo-showcase.data';
import { citationOf, DECISION_NUMBER_PATTERN, DECISION_NUMBER_PREFIX, SHOWCASE_SERIALS, versionInForce, VIOLATIONS } from './demo-vocabulary';

const today = todayInChina();
const bySeed = [2026, 7].map((seed) =>
  [...generateDemoData({ entities: 2000, seed }).recordsByDepartment].flatMap(([department, drafts]) => drafts.map((draft) => ({ department, draft }))),
);
const generated = bySeed.flat();
const showcase = SHOWCASE_SUBJECTS.flatMap((subject) => showcaseDrafts(subject, today));

/** What is wrong with one decision against the law table; empty when nothing is. */
function problemsOf({ department, draft }: { department: string; draft: PenaltyRecordDraft }): string[] {
  const problems: string[] = [];
  const decisionDate = draft.decisionDate as string;
  const violation = VIOLATIONS.find((v) => v.type === draft.violationType);
  const version = violation && versionInForce(violation, decisionDate);
  if (!violation || !version) return [`${draft.decisionNumber}: no article read for ${draft.violationType} on ${decisionDate}`];
  if (violation.outcome !== 'PENALTY') problems.push(`${draft.decisionNumber}: ${draft.violationType} is not a 行政处罚`);
  if (violation.department !== department) problems.push(`${draft.decisionNumber}: decided by ${department}, not ${violation.department}`);
  if (draft.legalBasis !== citationOf(version)) problems.push(`${draft.decisionNumber}: cites ${draft.legalBasis}, in force: ${citationOf(version)}`);
  const fine = draft.fineAmount as string | null;
  if (version.fine === null) {
    if (fine !== null || draft.penaltyCategories?.includes('FINE')) problems.push(`${draft.decisionNumber}: a fine the article does not impose`);
  } else if (fine === null) {
    problems.push(`${draft.decisionNumber}: no fine`);
  } else if (compareAmounts(fine, '0') <= 0 || compareAmounts(fine, version.fine.min) < 0 || compareAmounts(fine, version.fine.max) > 0) {
    problems.push(`${draft.decisionNumber}: fine ${fine} outside ${version.fine.min}–${version.fine.max} of ${citationOf(version)}`);
  }
  if (!violation.parties.includes(draft.partyType as never)) problems.push(`${draft.decisionNumber}: ${citationOf(version)} does not reach a ${draft.partyType}`);
  const number = DECISION_NUMBER_PATTERN.exec(draft.decisionNumber as string);
  if (!number) problems.push(`${draft.decisionNumber}: not a 文号`);
  else if (number[1] !== decisionDate.slice(0, 4)) problems.push(`${draft.decisionNumber}: year is not the decision's (${decisionDate})`);
  if (!(draft.decisionNumber as string).startsWith(`${DECISION_NUMBER_PREFIX[department as keyof typeof DECISION_NUMBER_PREFIX]}〔`)) problems.push(`${draft.decisionNumber}: not ${department}'s prefix`);
  return problems;
}

describe('demo data cites real law', () => {
  it('generates a few thousand decisions, each citing the article in force that day with a fine inside its range', () => {
    expect(generated.length).toBeGreaterThan(4000);
    expect(generated.flatMap(problemsOf)).toEqual([]);
    // Every penalty type in the table appears, so none of its ranges goes unchecked.
    const seen = new Set(generated.map(({ draft }) => draft.violationType));
    expect(VIOLATIONS.filter((v) => v.outcome === 'PENALTY' && !seen.has(v.type)).map((v) => v.type)).toEqual([]);
  });

  it('the showcase decisions obey the same table', () => {
    expect(showcase.flatMap(problemsOf)).toEqual([]);
  });

  it('文号 run from 1 within each department and year, never twice, never on a serial kept for the showcase and the README', () => {
    const numbers = bySeed[0].map(({ draft }) => draft.decisionNumber as string);
    expect(new Set(numbers).size).toBe(numbers.length);
    const serial = (n: string) => Number(DECISION_NUMBER_PATTERN.exec(n)![2]);
    expect(showcase.map(({ draft }) => serial(draft.decisionNumber as string)).filter((n) => n < SHOWCASE_SERIALS.from || n > SHOWCASE_SERIALS.to)).toEqual([]);
    expect(numbers.filter((n) => serial(n) >= SHOWCASE_SERIALS.from && serial(n) <= SHOWCASE_SERIALS.to)).toEqual([]);
    const series = new Set(numbers.map((n) => n.replace(/\d+号$/, '')));
    for (const prefix of series) expect(numbers).toContain(`${prefix}1号`);
    expect(DECISION_NUMBER_PATTERN.test('滁市监罚〔2025〕1号')).toBe(true);
    for (const wrong of ['滁SCJGJ罚〔2025〕1号', '滁市监处罚[2025]1号', '滁市监处罚〔2025〕0号', '滁市监处罚〔25〕1号']) expect(DECISION_NUMBER_PATTERN.test(wrong)).toBe(false);
  });

  it('a 年报 failure leads to the 经营异常名录 under 企业信息公示暂行条例 art. 17, never to a fine', () => {
    const annualReport = VIOLATIONS.filter((v) => v.type.includes('年度报告'));
    expect(annualReport.map((v) => [v.outcome, v.versions.map((x) => [x.statute, x.article, x.fine])])).toEqual([
      ['ABNORMAL_OPERATION_LIST', [['《企业信息公示暂行条例》', '第十七条第一款第（一）项', null]]],
    ]);
    const annualReportDecisions = [...generated, ...showcase].filter(({ draft }) => `${draft.violationType}${draft.legalBasis}`.match(/年度报告|企业信息公示暂行条例/));
    expect(annualReportDecisions.filter(({ draft }) => draft.fineAmount !== null || draft.penaltyCategories?.includes('FINE'))).toEqual([]);
  });

  it.each([
    // [statute, article, decision date, min, max] — the figures as the article's text states them.
    ['《中华人民共和国食品安全法》', '第一百二十四条第一款第（五）项', '2026-06-01', '5', '10'],
    ['《中华人民共和国食品安全法》', '第一百二十二条第一款', '2026-06-01', '20', '40'],
    ['《中华人民共和国反不正当竞争法》', '第二十条第一款', '2025-10-14', '20', '100'],
    ['《中华人民共和国发票管理办法》', '第三十七条第一款', '2023-07-19', '5', '50'],
    ['《中华人民共和国发票管理办法》', '第三十五条第一款', '2024-03-01', '5', '50'],
    ['《中华人民共和国安全生产法》', '第一百零二条', '2026-06-01', '0', '5'],
    ['《保障农民工工资支付条例》', '第五十四条第（二）项', '2026-06-01', '2', '5'],
  ])('%s%s on %s: %s–%s 万元', (statute, article, date, min, max) => {
    const versions = VIOLATIONS.flatMap((v) => v.versions.map((version) => ({ version, inForce: versionInForce(v, date) === version })));
    const found = versions.find(({ version }) => version.statute === statute && version.article === article);
    expect(found?.inForce).toBe(true);
    expect(found?.version.fine).toEqual({ min, max });
    expect(found?.version.source).toMatch(/^LawRefBook\/Laws:.+\.md$/);
  });

  it('cites no text it did not read: no 虚假宣传 after the 2025 revision, no 虚开 while the 2023 text’s start is unknown', () => {
    const unfair = VIOLATIONS.find((v) => v.type === '虚假宣传')!;
    expect(versionInForce(unfair, '2025-10-15')).toBeNull();
    const invoices = VIOLATIONS.find((v) => v.type === '虚开增值税专用发票')!;
    expect(['2023-07-20', '2024-02-29'].map((d) => versionInForce(invoices, d))).toEqual([null, null]);
    for (const v of VIOLATIONS) {
      const windows = [...v.versions].sort((a, b) => a.from.localeCompare(b.from));
      for (let i = 1; i < windows.length; i++) expect(windows[i - 1].until !== null && windows[i - 1].until! < windows[i].from).toBe(true);
      for (const w of windows) if (w.fine) expect(compareAmounts(w.fine.min, w.fine.max)).toBeLessThanOrEqual(0);
    }
  });
});
