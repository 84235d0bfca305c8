// The benchmark's records: the demo generator's realistic Chinese records, renumbered to reach the total, with
// unique facts per record (as real decisions have) so the workbook's shared-string table is as large as real
// exports make it. Yielded chunk by chunk: neither the writer nor the direct push holds all of them.
import { ID_TYPE_LABELS, PARTY_TYPE_LABELS, PENALTY_CATEGORY_LABELS, PenaltyRecordDraft, SEVERITY_LABELS } from '@credit/domain';
import { generateDemoData } from '../../apps/cli/src/demo/demo-data.generator';

/**
 * The department the benchmark registers and imports as. Its records name it as their authority: a department may
 * publish only as an authority registered for it (AUTHORITY_NOT_ALLOWED otherwise), and the demo's records name
 * the demo's departments.
 */
export const BENCH_DEPARTMENT = { code: 'BENCH-IMPORT', name: '基准测试导入部门', uscc: '113411000030000142', regionCode: '341100' };

export function* benchDrafts(total: number): Generator<PenaltyRecordDraft[]> {
  let produced = 0;
  for (let seed = 1; produced < total; seed++) {
    const chunk: PenaltyRecordDraft[] = [];
    for (const records of generateDemoData({ entities: 20_000, seed }).recordsByDepartment.values()) {
      for (const record of records) {
        if (produced >= total) break;
        const decisionNumber = `基准导入〔${seed}〕${produced}号`;
        chunk.push({ ...record, decisionNumber, violationFacts: `${record.violationFacts}（案号${decisionNumber}）`, authorityName: BENCH_DEPARTMENT.name, authorityUscc: BENCH_DEPARTMENT.uscc });
        produced += 1;
      }
    }
    yield chunk;
  }
}

export const WORKBOOK_HEADERS = [
  '行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实',
  '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '没收违法所得、没收非法财物的金额（万元）', '处罚决定日期', '处罚机关',
  '处罚机关统一社会信用代码', '严重程度',
];

const label = <E extends string>(labels: Readonly<Record<E, readonly string[]>>, code: string | null | undefined) => (code ? labels[code as E][0] : null);

/** One draft as a department's export lays it out: Chinese labels, categories in one cell, numbers and dates typed. */
export function workbookRow(draft: PenaltyRecordDraft): unknown[] {
  return [
    draft.partyName, label(PARTY_TYPE_LABELS, draft.partyType), draft.uscc ?? null, draft.legalRepresentative ?? null, label(ID_TYPE_LABELS, draft.idType),
    draft.idNumber ?? null, draft.decisionNumber, draft.violationType, draft.violationFacts, draft.legalBasis,
    (draft.penaltyCategories ?? []).map((code) => label(PENALTY_CATEGORY_LABELS, code)).join('；'), draft.penaltyContent,
    draft.fineAmount ? Number(draft.fineAmount) : null, draft.confiscatedAmount ? Number(draft.confiscatedAmount) : null,
    new Date(`${draft.decisionDate}T00:00:00Z`), draft.authorityName, draft.authorityUscc, label(SEVERITY_LABELS, draft.severity),
  ];
}
