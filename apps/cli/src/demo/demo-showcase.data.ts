// The demo's showcase: a handful of fixed subjects whose USCCs and names never change, so the README's examples
// can name them. Their records are dated relative to today, so each stays in its tier, and its listing in its
// state, whatever day the demo runs. Nothing here is a real company.
import { addDays, buildUscc, IsoDate, PenaltyRecordDraft } from '@credit/domain';
import { departmentUscc } from './demo-data.generator';
import { DEMO_DEPARTMENTS } from './demo-vocabulary';

export type ShowcaseRole = 'A' | 'B' | 'C' | 'D' | 'LISTED' | 'READY_TO_CONFIRM' | 'REPAIRABLE';

interface ShowcaseRecord {
  department: (typeof DEMO_DEPARTMENTS)[number]['code'];
  serial: number;
  daysAgo: number;
  violationType: string;
  violationFacts: string;
  legalBasis: string;
  penaltyCategories: string[];
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

/** The prefix of each department's real-looking decision numbers (滁市监处罚〔2026〕9001号). */
const NUMBER_PREFIX: Record<string, string> = {
  'CZ-SCJGJ': '滁市监处罚',
  'CZ-STHJJ': '滁环罚',
  'CZ-SWJ': '滁税稽罚',
  'CZ-YJGLJ': '滁应急罚',
  'CZ-ZJJ': '滁建罚',
};

export const SHOWCASE_LIST_TYPE = 'SAMR-SERIOUS-ILLEGAL';
export const SHOWCASE_LISTING_DEPARTMENT = 'CZ-SCJGJ';

// Organisation bases in the MA… range the generated entities (numeric bases) never use.
export const SHOWCASE_SUBJECTS: ShowcaseSubject[] = [
  {
    role: 'A', name: '滁州明湖食品有限公司', uscc: buildUscc('91', '341102', 'MA2N4B7K'), legalRepresentative: '周明',
    records: [{ department: 'CZ-SCJGJ', serial: 9001, daysAgo: 40, violationType: '未按规定公示年度报告', violationFacts: '当事人未按规定期限公示年度报告，经责令已改正。', legalBasis: '《企业信息公示暂行条例》第十八条', penaltyCategories: ['WARNING'], penaltyContent: '警告', fineAmount: null, severity: 'MINOR' }],
  },
  {
    role: 'B', name: '南谯区皖东建材有限公司', uscc: buildUscc('91', '341103', 'MA2P7C3D'), legalRepresentative: '陈志强',
    records: [{ department: 'CZ-ZJJ', serial: 9002, daysAgo: 60, violationType: '未取得施工许可证擅自施工', violationFacts: '当事人在未取得施工许可证的情况下擅自开工建设仓库。', legalBasis: '《建筑工程施工许可管理办法》第十二条', penaltyCategories: ['FINE'], penaltyContent: '罚款人民币叁万元整', fineAmount: '3', severity: 'GENERAL' }],
  },
  {
    role: 'C', name: '天长市鑫源化工有限公司', uscc: buildUscc('91', '341181', 'MA2Q1E8F'), legalRepresentative: '刘建国',
    records: [{ department: 'CZ-SWJ', serial: 9003, daysAgo: 90, violationType: '虚开增值税专用发票', violationFacts: '当事人在没有真实交易的情况下为他人虚开增值税专用发票12份。', legalBasis: '《中华人民共和国发票管理办法》第三十五条', penaltyCategories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], penaltyContent: '罚款人民币贰拾万元整，没收违法所得', fineAmount: '20', confiscatedAmount: '1.5', severity: 'SERIOUS' }],
  },
  {
    role: 'D', name: '定远县宏达机械制造有限公司', uscc: buildUscc('91', '341125', 'MA2R5G2H'), legalRepresentative: '王磊',
    records: [
      { department: 'CZ-STHJJ', serial: 9004, daysAgo: 150, violationType: '未批先建', violationFacts: '当事人铸造车间建设项目环境影响评价文件未经批准擅自开工建设。', legalBasis: '《中华人民共和国环境影响评价法》第三十一条', penaltyCategories: ['FINE', 'SUSPEND_PRODUCTION'], penaltyContent: '罚款人民币叁拾万元整，责令停止建设', fineAmount: '30', severity: 'SERIOUS' },
      { department: 'CZ-YJGLJ', serial: 9005, daysAgo: 100, violationType: '生产经营场所存在重大事故隐患', violationFacts: '当事人对铸造车间重大事故隐患未采取措施消除，拒不执行整改指令。', legalBasis: '《中华人民共和国安全生产法》第一百零二条', penaltyCategories: ['FINE', 'SUSPEND_PRODUCTION'], penaltyContent: '罚款人民币捌万元整，责令停产停业整顿', fineAmount: '8', severity: 'SERIOUS' },
    ],
  },
  {
    role: 'LISTED', name: '滁州金穗食品有限公司', uscc: buildUscc('91', '341102', 'MA2T3J6K'), legalRepresentative: '张伟',
    records: [{ department: 'CZ-SCJGJ', serial: 9006, daysAgo: 200, violationType: '无证生产食品', violationFacts: '当事人未取得食品生产许可从事糕点生产活动，情节严重。', legalBasis: '《中华人民共和国食品安全法》第一百二十二条', penaltyCategories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'ORDER_CLOSURE'], penaltyContent: '罚款人民币贰拾伍万元整，没收违法所得，责令关闭', fineAmount: '25', confiscatedAmount: '2', severity: 'SERIOUS' }],
    listing: { proposedDaysAgo: 45, confirmDaysAgo: 35, serial: 1 },
  },
  {
    role: 'READY_TO_CONFIRM', name: '来安县润丰食品有限公司', uscc: buildUscc('91', '341122', 'MA2U8L4M'), legalRepresentative: '李秀英',
    records: [{ department: 'CZ-SCJGJ', serial: 9007, daysAgo: 120, violationType: '生产经营假冒伪劣产品', violationFacts: '当事人生产销售假冒他人注册商标的食用油，涉案货值较大。', legalBasis: '《中华人民共和国产品质量法》第五十条', penaltyCategories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'], penaltyContent: '罚款人民币拾伍万元整，没收违法所得和违法生产的产品', fineAmount: '15', confiscatedAmount: '3', severity: 'SERIOUS' }],
    listing: { proposedDaysAgo: 14, confirmDaysAgo: null, serial: 2 },
  },
  {
    role: 'REPAIRABLE', name: '全椒县同创商贸有限公司', uscc: buildUscc('91', '341124', 'MA2W2N9P'), legalRepresentative: '吴芳',
    records: [{ department: 'CZ-SCJGJ', serial: 9008, daysAgo: 120, violationType: '虚假宣传', violationFacts: '当事人在其网店对保健食品作虚假的功能宣传，欺骗、误导消费者。', legalBasis: '《中华人民共和国反不正当竞争法》第二十条', penaltyCategories: ['FINE'], penaltyContent: '罚款人民币叁万元整', fineAmount: '3', severity: 'GENERAL' }],
  },
];

export function showcaseDecisionNumber(record: ShowcaseRecord, today: IsoDate): string {
  return `${NUMBER_PREFIX[record.department]}〔${addDays(today, -record.daysAgo).slice(0, 4)}〕${record.serial}号`;
}

export function showcaseDrafts(subject: ShowcaseSubject, today: IsoDate): { department: string; draft: PenaltyRecordDraft }[] {
  return subject.records.map((record) => {
    const department = DEMO_DEPARTMENTS.find((d) => d.code === record.department)!;
    return {
      department: department.code,
      draft: {
        decisionNumber: showcaseDecisionNumber(record, today),
        partyName: subject.name,
        partyType: 'LEGAL_ENTITY',
        uscc: subject.uscc,
        legalRepresentative: subject.legalRepresentative,
        violationType: record.violationType,
        violationFacts: record.violationFacts,
        legalBasis: record.legalBasis,
        penaltyCategories: record.penaltyCategories,
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
