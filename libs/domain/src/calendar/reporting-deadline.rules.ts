// How fast a penalty decision must reach the platform (报送时限), in working days from the decision date, as
// data with source and effective date. Provincial platforms are assessed on it (双公示 timeliness).
import { IsoDate } from '../penalty/penalty.types';
import { CalendarWarning, WorkingCalendar, workingDaysBetween } from './working-days';

export enum ReportingRuleCode {
  /** 双公示: every department, 7 working days */
  DOUBLE_PUBLICITY = 'DOUBLE_PUBLICITY',
  /** 市场监管: penalties of market regulators, 20 working days */
  SAMR_PENALTY = 'SAMR_PENALTY',
}

export interface ReportingRule {
  code: ReportingRuleCode;
  workingDays: number;
  source: string;
  /** Decisions dated from this day on fall under the rule. */
  effectiveFrom: IsoDate;
  /** Which departments it binds: null = every department; else a pattern on the department's name. */
  departmentNamePattern: RegExp | null;
}

export const REPORTING_RULES: readonly ReportingRule[] = [
  {
    code: ReportingRuleCode.SAMR_PENALTY,
    workingDays: 20,
    // Read in its text (LawRefBook/Laws 部门规章). Art. 9 is the same-province case; art. 10 (another
    // province: 10 + 10 working days through the other regulator) is not distinguished here.
    source: '《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）第九条：自作出行政处罚决定之日起二十个工作日内公示',
    effectiveFrom: '2021-09-01',
    departmentNamePattern: /市场监督管理|市场监管/,
  },
  {
    code: ReportingRuleCode.DOUBLE_PUBLICITY,
    workingDays: 7,
    // Not read in the original: the wording was read as quoted by a municipal credit office (credit.shiyan.gov.cn),
    // which names 国办发〔2015〕51号 (十八) and 国发〔2016〕33号 (十七); the earlier of the two is taken as the start.
    source: '《国务院办公厅关于运用大数据加强对市场主体服务和监管的若干意见》（国办发〔2015〕51号）；《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）：行政许可、行政处罚等信息自作出行政决定之日起7个工作日内上网公开',
    effectiveFrom: '2015-06-24',
    departmentNamePattern: null,
  },
];

/**
 * The rule a decision of this department falls under: the specific one for its kind of department when in
 * force on the decision date, else the general one, else none (decisions before any rule are not assessed).
 */
export function reportingRuleFor(departmentName: string, decisionDate: IsoDate, rules: readonly ReportingRule[] = REPORTING_RULES): ReportingRule | null {
  const inForce = rules.filter((r) => r.effectiveFrom <= decisionDate);
  return (
    inForce.find((r) => r.departmentNamePattern !== null && r.departmentNamePattern.test(departmentName)) ??
    inForce.find((r) => r.departmentNamePattern === null) ??
    null
  );
}

export interface ReportingDelay {
  rule: ReportingRule | null;
  /** Working days from the decision to the day it reached the platform (same day = 0). */
  delayWorkingDays: number;
  late: boolean;
  warning: CalendarWarning | null;
}

/** 报送时效 of one decision: late when it arrived after the rule's last working day. */
export function reportingDelay(departmentName: string, decisionDate: IsoDate, receivedOn: IsoDate, calendar: WorkingCalendar): ReportingDelay {
  const rule = reportingRuleFor(departmentName, decisionDate);
  const { days, warning } = workingDaysBetween(decisionDate, receivedOn, calendar);
  return { rule, delayWorkingDays: days, late: rule !== null && days > rule.workingDays, warning };
}
