// A realistic starting catalogue for `npm run demo`: three list types with their legal bases and the
// joint-punishment measures other departments must apply, for the demo's 滁州 department codes.
// Idempotent: codes that already exist are left as they are.
import { Actor, SYSTEM_ACTOR } from '@credit/audit';
import { DayUnit } from '@credit/domain';
import { CatalogueService } from '../catalogue.service';
import { Scenario } from '../dto/blacklist.enums';
import { CreateListTypeInput, CreateMeasureInput } from '../dto/catalogue.inputs';

const GUIDING_OPINION = '《国务院关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》（国发〔2016〕33号）';

export const DEMO_LIST_TYPES: CreateListTypeInput[] = [
  {
    code: 'SAMR-SERIOUS-ILLEGAL',
    name: '市场监督管理严重违法失信名单',
    legalBasis: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）',
    designatingDepartmentCodes: ['CZ-SCJGJ'],
    termMonths: 36, // 列入期限三年
    earliestRemovalMonths: 12, // 列入满一年可申请提前移出
    // 告知后五个工作日内陈述申辩 as the seed has always cited 总局令第44号; the text of the order was not found in
    // the reference library here, so the unit follows the citation (工作日, the longer reading for the party).
    objectionDays: 5,
    objectionDayUnit: DayUnit.WORKING,
    // No rule was found that sets how soon a listing objection must be answered: a demo setting, not a citation.
    objectionAnswerDays: 10,
  },
  {
    code: 'GOV-PROCUREMENT-SERIOUS',
    name: '政府采购严重违法失信行为记录名单',
    legalBasis: '《中华人民共和国政府采购法》第七十七条；《中华人民共和国政府采购法实施条例》第七十二条',
    designatingDepartmentCodes: ['CZ-CZJ'],
    termMonths: 36, // 禁止一至三年内参加政府采购活动
    earliestRemovalMonths: 12,
    objectionDays: 10, // no rule cited for this list's window: calendar days, as entered
    objectionDayUnit: DayUnit.CALENDAR,
  },
  {
    code: 'TAX-MAJOR-DISHONEST',
    name: '重大税收违法失信主体',
    legalBasis: '《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）',
    designatingDepartmentCodes: ['CZ-SWJ'],
    termMonths: 36, // 自公布之日起满三年停止公布
    earliestRemovalMonths: 0, // 缴清税款、滞纳金和罚款后可提前停止公布
    objectionDays: 5, // 收到告知书之日起五日内陈述申辩 (日, not 工作日: calendar days)
    objectionDayUnit: DayUnit.CALENDAR,
    objectionAnswerDays: 10, // demo setting, not a citation (as above)
  },
];

const ALL_DEMO_DEPARTMENTS = ['CZ-SCJGJ', 'CZ-SWJ', 'CZ-CZJ', 'CZ-FGW', 'CZ-ZRZYJ'];

export const DEMO_MEASURES: CreateMeasureInput[] = [
  {
    code: 'SAMR-PROCUREMENT-LIMIT',
    listTypeCode: 'SAMR-SERIOUS-ILLEGAL',
    description: '依法限制参加政府采购活动',
    legalBasis: `《中华人民共和国政府采购法》第二十二条；${GUIDING_OPINION}`,
    executingDepartmentCodes: ['CZ-CZJ'],
    scenarios: [Scenario.PROCUREMENT],
  },
  {
    code: 'SAMR-LAND-SUPPLY-LIMIT',
    listTypeCode: 'SAMR-SERIOUS-ILLEGAL',
    description: '依法限制取得政府供应土地',
    legalBasis: GUIDING_OPINION,
    executingDepartmentCodes: ['CZ-ZRZYJ'],
    scenarios: [Scenario.TENDERING, Scenario.OTHER],
  },
  {
    code: 'SAMR-LICENSING-STRICT',
    listTypeCode: 'SAMR-SERIOUS-ILLEGAL',
    description: '从严审核行政许可审批项目，不适用告知承诺制',
    legalBasis: `《市场监督管理严重违法失信名单管理办法》第十二条；${GUIDING_OPINION}`,
    executingDepartmentCodes: ['CZ-SCJGJ', 'CZ-FGW', 'CZ-ZRZYJ'],
    scenarios: [Scenario.LICENSING],
  },
  {
    code: 'SAMR-SUBSIDY-LIMIT',
    listTypeCode: 'SAMR-SERIOUS-ILLEGAL',
    description: '限制申请财政性资金项目，限制享受税收优惠等政策扶持',
    legalBasis: GUIDING_OPINION,
    executingDepartmentCodes: ['CZ-CZJ', 'CZ-FGW'],
    scenarios: [Scenario.SUBSIDY],
  },
  {
    code: 'SAMR-HONORS-LIMIT',
    listTypeCode: 'SAMR-SERIOUS-ILLEGAL',
    description: '限制参加评优评先，不授予相关荣誉称号',
    legalBasis: `《市场监督管理严重违法失信名单管理办法》第十二条；${GUIDING_OPINION}`,
    executingDepartmentCodes: ALL_DEMO_DEPARTMENTS,
    scenarios: [Scenario.HONORS],
  },
  {
    code: 'SAMR-INSPECTION-FOCUS',
    listTypeCode: 'SAMR-SERIOUS-ILLEGAL',
    description: '列为重点监管对象，提高抽查检查比例和频次',
    legalBasis: '《市场监督管理严重违法失信名单管理办法》第十二条',
    executingDepartmentCodes: ['CZ-SCJGJ'],
    scenarios: [Scenario.INSPECTION],
  },
  {
    code: 'PROCUREMENT-BAN',
    listTypeCode: 'GOV-PROCUREMENT-SERIOUS',
    description: '在一至三年内禁止参加政府采购活动',
    legalBasis: '《中华人民共和国政府采购法》第七十七条',
    executingDepartmentCodes: ['CZ-CZJ'],
    scenarios: [Scenario.PROCUREMENT],
  },
  {
    code: 'PROCUREMENT-TENDERING-LIMIT',
    listTypeCode: 'GOV-PROCUREMENT-SERIOUS',
    description: '依法限制参与政府投资工程建设项目招标投标',
    legalBasis: GUIDING_OPINION,
    executingDepartmentCodes: ['CZ-FGW'],
    scenarios: [Scenario.TENDERING],
  },
  {
    code: 'TAX-INVOICE-STRICT',
    listTypeCode: 'TAX-MAJOR-DISHONEST',
    description: '从严审核发票领用，严格限量供应发票，列为纳税信用D级',
    legalBasis: '《重大税收违法失信主体信息公布管理办法》第十四条',
    executingDepartmentCodes: ['CZ-SWJ'],
    scenarios: [Scenario.LICENSING, Scenario.INSPECTION],
  },
  {
    code: 'TAX-PROCUREMENT-LIMIT',
    listTypeCode: 'TAX-MAJOR-DISHONEST',
    description: '依法限制参加政府采购活动',
    legalBasis: `《重大税收违法失信主体信息公布管理办法》第十四条；${GUIDING_OPINION}`,
    executingDepartmentCodes: ['CZ-CZJ'],
    scenarios: [Scenario.PROCUREMENT],
  },
  {
    code: 'TAX-LAND-SUPPLY-LIMIT',
    listTypeCode: 'TAX-MAJOR-DISHONEST',
    description: '依法限制取得政府供应土地',
    legalBasis: GUIDING_OPINION,
    executingDepartmentCodes: ['CZ-ZRZYJ'],
    scenarios: [Scenario.TENDERING, Scenario.OTHER],
  },
  {
    code: 'TAX-HONORS-LIMIT',
    listTypeCode: 'TAX-MAJOR-DISHONEST',
    description: '不得参加评优评先',
    legalBasis: GUIDING_OPINION,
    executingDepartmentCodes: ALL_DEMO_DEPARTMENTS,
    scenarios: [Scenario.HONORS],
  },
];

/**
 * Creates the demo list types and measures through the catalogue service (validated and audited like an
 * admin's calls). Returns how many of each were created; existing codes are skipped.
 */
export async function seedBlacklistCatalogue(
  catalogue: CatalogueService,
  actor: Actor = SYSTEM_ACTOR,
): Promise<{ listTypesCreated: number; measuresCreated: number }> {
  const haveTypes = new Set((await catalogue.listTypes()).map((t) => t.code));
  const haveMeasures = new Set((await catalogue.measures()).map((m) => m.code));
  let listTypesCreated = 0;
  let measuresCreated = 0;
  for (const listType of DEMO_LIST_TYPES.filter((t) => !haveTypes.has(t.code))) {
    await catalogue.createListType(listType, actor);
    listTypesCreated++;
  }
  for (const measure of DEMO_MEASURES.filter((m) => !haveMeasures.has(m.code))) {
    await catalogue.createMeasure(measure, actor);
    measuresCreated++;
  }
  return { listTypesCreated, measuresCreated };
}
