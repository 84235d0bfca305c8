// 报送时效 (departmentTimeliness): per department, how many decisions dated in a period reached the platform, how
// many late under their reporting rule (双公示 7 / 市场监管 20 working days, REPORTING_RULES of @credit/domain),
// the median delay in working days and the oldest late ones. A regulator sees departments of its region only.
import { Injectable } from '@nestjs/common';
import { WorkingCalendarService } from '@credit/calendar';
import { badInput, confineRegion, Principal } from '@credit/common';
import { Database } from '@credit/db';
import { addYears, isIsoDate, regionSubtreePrefix, reportingDelay, ReportingRule } from '@credit/domain';
import { DepartmentTimelinessModel, LateReportModel, ReportingRuleModel } from './reporting-timeliness.models';
import { ReportedPair, ReportingTimelinessRepository } from './reporting-timeliness.repository';

const OLDEST_LATE = 5;

interface Tally {
  model: DepartmentTimelinessModel;
  delays: { days: number; records: number }[];
  rules: Map<string, ReportingRule>;
  warnings: Set<string>;
  allowed: Map<string, number>; // decisionDate|receivedOn → allowed working days, for the late list
}

@Injectable()
export class ReportingTimelinessService {
  constructor(
    private readonly db: Database,
    private readonly repository: ReportingTimelinessRepository,
    private readonly workingCalendar: WorkingCalendarService,
  ) {}

  async departmentTimeliness(principal: Principal, regionCode: string, from: string, to: string): Promise<DepartmentTimelinessModel[]> {
    if (!/^\d{6}$/.test(regionCode)) throw badInput('行政区划代码须为 6 位数字（regionCode must be six digits）', 'regionCode');
    if (!isIsoDate(from)) throw badInput(`起始日期无效：${from}（from is not a valid date）`, 'from');
    if (!isIsoDate(to)) throw badInput(`截止日期无效：${to}（to is not a valid date）`, 'to');
    if (to < from) throw badInput('截止日期不能早于起始日期（to must not be before from）', 'to');
    if (to > addYears(from, 2)) throw badInput('统计期间不能超过两年（the period must not exceed two years）', 'to');
    const region = confineRegion(principal, regionCode);
    if (region === undefined) return [];

    const calendar = await this.workingCalendar.calendar();
    const pairs = await this.repository.pairs(this.db, region === null ? null : regionSubtreePrefix(region), from, to);
    const tallies = new Map<string, Tally>();
    const late: { departmentId: string; decisionDate: string; receivedOn: string }[] = [];
    for (const pair of pairs) {
      const tally = tallies.get(pair.department_id) ?? newTally(pair);
      tallies.set(pair.department_id, tally);
      const delay = reportingDelay(pair.department_name, pair.decision_date, pair.received_on, calendar);
      tally.model.records += pair.records;
      tally.delays.push({ days: delay.delayWorkingDays, records: pair.records });
      if (delay.warning) tally.warnings.add(delay.warning.message);
      if (delay.rule === null) continue;
      tally.model.assessed += pair.records;
      tally.rules.set(delay.rule.code, delay.rule);
      if (delay.late) {
        tally.model.reportedLate += pair.records;
        tally.allowed.set(`${pair.decision_date}|${pair.received_on}`, delay.rule.workingDays);
        late.push({ departmentId: pair.department_id, decisionDate: pair.decision_date, receivedOn: pair.received_on });
      }
    }

    const lateRows = await this.repository.lateRecords(this.db, late, OLDEST_LATE);
    for (const row of lateRows) {
      const tally = tallies.get(row.department_id) as Tally;
      const allowed = tally.allowed.get(`${row.decision_date}|${row.received_on}`) as number;
      const delay = reportingDelay(tally.model.department.name, row.decision_date, row.received_on, calendar);
      const report: LateReportModel = {
        recordId: row.id,
        decisionNumber: row.decision_number,
        decisionDate: row.decision_date,
        receivedOn: row.received_on,
        delayWorkingDays: delay.delayWorkingDays,
        allowedWorkingDays: allowed,
      };
      tally.model.oldestLate.push(report);
    }
    return [...tallies.values()].map(finish);
  }
}

function newTally(pair: ReportedPair): Tally {
  return {
    model: {
      department: { code: pair.department_code, name: pair.department_name },
      regionCode: pair.region_code,
      records: 0,
      assessed: 0,
      reportedLate: 0,
      medianDelayWorkingDays: null,
      oldestLate: [],
      rules: [],
      calendarWarning: null,
    },
    delays: [],
    rules: new Map(),
    warnings: new Set(),
    allowed: new Map(),
  };
}

function finish(tally: Tally): DepartmentTimelinessModel {
  const rules: ReportingRuleModel[] = [...tally.rules.values()].map((r) => ({ code: r.code, workingDays: r.workingDays, source: r.source, effectiveFrom: r.effectiveFrom }));
  return {
    ...tally.model,
    medianDelayWorkingDays: weightedMedian(tally.delays),
    rules,
    calendarWarning: tally.warnings.size > 0 ? [...tally.warnings].join('；') : null,
  };
}

/** Median of values given with their counts (the mean of the two middle values when the total is even). */
export function weightedMedian(values: { days: number; records: number }[]): number | null {
  const total = values.reduce((sum, v) => sum + v.records, 0);
  if (total === 0) return null;
  const sorted = [...values].sort((a, b) => a.days - b.days);
  const at = (index: number): number => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.records;
      if (index < seen) return v.days;
    }
    return sorted[sorted.length - 1].days;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}
