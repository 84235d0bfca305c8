// The demo's showcase: a handful of fixed subjects whose USCCs and names never change, so the README's examples
// can name them. Their records are dated relative to today, so each stays in its tier, and its listing in its
// state, whatever day the demo runs. Nothing here is a real company.
import { addDays, buildUscc, IsoDate, PenaltyRecordDraft } from '@credit/domain';
import { departmentUscc } from './demo-data.generator';
import { citationOf, DECISION_NUMBER_PREFIX, DEMO_DEPARTMENTS, versionInForce, VIOLATIONS } from './demo-vocabulary';

export type ShowcaseRole = 'A' | 'B' | 'C' | 'D' | 'LISTED' | 'READY_TO_CONFIRM' | 'REPAIRABLE';

/**
 * A showcase decision: its violation is one of VIOLATIONS (demo-vocabulary.ts), whose department, facts,
 * categories and article (in the text in force on the decision date) it takes; the fine is chosen inside that
 * article's range (demo-law.spec.ts checks it).
 */
export interface ShowcaseRecord {
  serial: number;
  daysAgo: number;
  violationType: string;
  penaltyContent: string;
  fineAmount: string | null;
  confiscatedAmount?: string;
  severity: 'MINOR' | 'GENERAL' | 'SERIOUS';
}

export interface ShowcaseListing {
  /** 拟列入 and 告知 this many days ago; confirmed `confirmDaysAgo` days ago when set (else left NOTIFIED). */
  proposedDaysAgo: number;
  confirmDaysAgo: number | null;
  serial: number;
}

export interface ShowcaseSubject {
  role: ShowcaseRole;
  name: string;
  uscc: string;
  legalRepresentative: string;
  records: ShowcaseRecord[];
  listing?: ShowcaseListing;
}

export const SHOWCASE_LIST_TYPE = 'SAMR-SERIOUS-ILLEGAL';
export const SHOWCASE_LISTING_DEPARTMENT = 'CZ-SCJGJ';

// Organisation bases in the MA… range the generated entities (numeric bases) never use.
export const SHOWCASE_SUBJECTS: ShowcaseSubject[] = [
  {
    role: 'A', name: '滁州明湖食品有限公司', uscc: buildUscc('91', '341102', 'MA2N4B7K'), legalRepresentative: '周明',
    records: [{ serial: 9001, daysAgo: 40, violationType: '未按规定建立进货查验记录制度', penaltyContent: '警告', fineAmount: null, severity: 'MINOR' }],
  },
  {
    role: 'B', name: '南谯区皖东建材有限公司', uscc: buildUscc('91', '341103', 'MA2P7C3D'), legalRepresentative: '陈志强',
    records: [{ serial: 9002, daysAgo: 60, violationType: '未取得施工许可证擅自施工', penaltyContent: '罚款人民币叁万元整', fineAmount: '3', severity: 'GENERAL' }],
  },
  {
    role: 'C', name: '天长市鑫源化工有限公司', uscc: buildUscc('91', '341181', 'MA2Q1E8F'), legalRepresentative: '刘建国',
    records: [{ serial: 9003, daysAgo: 90, violationType: '虚开增值税专用发票', penaltyContent: '罚款人民币贰拾万元整，没收违法所得', fineAmount: '20', confiscatedAmount: '1.5', severity: 'SERIOUS' }],
  },
  {
    role: 'D', name: '定远县宏达机械制造有限公司', uscc: buildUscc('91', '341125', 'MA2R5G2H'), legalRepresentative: '王磊',
    records: [
      { serial: 9004, daysAgo: 150, violationType: '未批先建', penaltyContent: '罚款人民币叁拾万元整', fineAmount: '30', severity: 'SERIOUS' },
      { serial: 9005, daysAgo: 100, violationType: '未采取措施消除事故隐患', penaltyContent: '罚款人民币伍万元整，责令停产停业整顿', fineAmount: '5', severity: 'SERIOUS' },
    ],
  },
  {
    role: 'LISTED', name: '滁州金穗食品有限公司', uscc: buildUscc('91', '341102', 'MA2T3J6K'), legalRepresentative: '张伟',
    records: [{ serial: 9006, daysAgo: 200, violationType: '未取得食品生产许可从事食品生产', penaltyContent: '没收违法所得、违法生产的食品和用于违法生产的工具设备，罚款人民币贰拾伍万元整', fineAmount: '25', confiscatedAmount: '2', severity: 'SERIOUS' }],
    listing: { proposedDaysAgo: 45, confirmDaysAgo: 35, serial: 1 },
  },
  {
    role: 'READY_TO_CONFIRM', name: '来安县润丰食品有限公司', uscc: buildUscc('91', '341122', 'MA2U8L4M'), legalRepresentative: '李秀英',
    records: [{ serial: 9007, daysAgo: 120, violationType: '以次充好销售产品', penaltyContent: '没收违法销售的产品和违法所得，罚款人民币拾万元整', fineAmount: '10', confiscatedAmount: '3', severity: 'SERIOUS' }],
    listing: { proposedDaysAgo: 14, confirmDaysAgo: null, serial: 2 },
  },
  {
    role: 'REPAIRABLE', name: '全椒县同创商贸有限公司', uscc: buildUscc('91', '341124', 'MA2W2N9P'), legalRepresentative: '吴芳',
    records: [{ serial: 9008, daysAgo: 120, violationType: '销售标签不符合规定的预包装食品', penaltyContent: '没收违法所得，罚款人民币叁万元整', fineAmount: '3', confiscatedAmount: '0.2', severity: 'GENERAL' }],
  },
];

/** The table entry and the article text a showcase record cites on its decision date; throws on a data mistake. */
export function showcaseLaw(record: ShowcaseRecord, today: IsoDate) {
  const violation = VIOLATIONS.find((v) => v.type === record.violationType && v.outcome === 'PENALTY');
  const version = violation && versionInForce(violation, addDays(today, -record.daysAgo));
  if (!violation || !version) throw new Error(`showcase record ${record.serial}: no article read for ${record.violationType} on that date`);
  return { violation, version };
}

export function showcaseDecisionNumber(record: ShowcaseRecord, today: IsoDate): string {
  return `${DECISION_NUMBER_PREFIX[showcaseLaw(record, today).violation.department]}〔${addDays(today, -record.daysAgo).slice(0, 4)}〕${record.serial}号`;
}

export function showcaseDrafts(subject: ShowcaseSubject, today: IsoDate): { department: string; draft: PenaltyRecordDraft }[] {
  return subject.records.map((record) => {
    const { violation, version } = showcaseLaw(record, today);
    const department = DEMO_DEPARTMENTS.find((d) => d.code === violation.department)!;
    return {
      department: department.code,
      draft: {
        decisionNumber: showcaseDecisionNumber(record, today),
        partyName: subject.name,
        partyType: 'LEGAL_ENTITY',
        uscc: subject.uscc,
        legalRepresentative: subject.legalRepresentative,
        violationType: record.violationType,
        violationFacts: `经查，${violation.facts}`,
        legalBasis: citationOf(version),
        penaltyCategories: violation.categories,
        penaltyContent: record.penaltyContent,
        fineAmount: record.fineAmount,
        confiscatedAmount: record.confiscatedAmount ?? null,
        decisionDate: addDays(today, -record.daysAgo),
        authorityName: department.name,
        authorityUscc: departmentUscc(department.org),
        severity: record.severity,
      },
    };
  });
}

/** 认定决定书文号 of a showcase listing, in the year it was proposed. */
export function showcaseListingNumber(listing: ShowcaseListing, today: IsoDate): string {
  return `滁市监信认〔${addDays(today, -listing.proposedDaysAgo).slice(0, 4)}〕${listing.serial}号`;
}
