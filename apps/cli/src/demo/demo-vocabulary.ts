// Word lists for realistic synthetic 滁州 data, and the law the demo's penalties cite (VIOLATIONS). Nothing here
// is a real company or person; every citation below was read in the statute's text named in `source`.
import { IsoDate, PartyType } from '@credit/domain';

export const DEMO_DEPARTMENTS = [
  { code: 'CZ-SCJGJ', name: '滁州市市场监督管理局', org: '00300001' },
  { code: 'CZ-STHJJ', name: '滁州市生态环境局', org: '00300002' },
  { code: 'CZ-SWJ', name: '国家税务总局滁州市税务局', org: '00300003' },
  { code: 'CZ-YJGLJ', name: '滁州市应急管理局', org: '00300004' },
  { code: 'CZ-ZJJ', name: '滁州市住房和城乡建设局', org: '00300005' },
  { code: 'CZ-RSJ', name: '滁州市人力资源和社会保障局', org: '00300006' },
  { code: 'CZ-CZJ', name: '滁州市财政局', org: '00300007' },
  { code: 'CZ-FGW', name: '滁州市发展和改革委员会', org: '00300008' },
  { code: 'CZ-ZRZYJ', name: '滁州市自然资源和规划局', org: '00300009' },
] as const;

/** 滁州's county-level divisions (GB/T 2260). */
export const COUNTIES = [
  { code: '341102', name: '琅琊区' },
  { code: '341103', name: '南谯区' },
  { code: '341122', name: '来安县' },
  { code: '341124', name: '全椒县' },
  { code: '341125', name: '定远县' },
  { code: '341126', name: '凤阳县' },
  { code: '341181', name: '天长市' },
  { code: '341182', name: '明光市' },
] as const;

export const NAME_STEMS = ['恒信', '华瑞', '金穗', '润丰', '皖东', '琅琊', '明湖', '天成', '鑫源', '宏达', '瑞祥', '嘉禾', '中联', '同创', '兴旺', '长江', '江淮', '醉翁', '滁河', '凤华', '博远', '永安', '德润', '海川', '新誉'];
export const INDUSTRIES = ['食品', '建材', '化工', '物流', '机械制造', '电子科技', '餐饮管理', '农业开发', '医药', '纺织', '商贸', '房地产开发', '建筑工程', '新能源', '环保科技'];
export const SUFFIXES = ['有限公司', '有限责任公司', '股份有限公司'];
export const SHOP_KINDS = ['便利店', '小吃店', '五金店', '副食品经营部', '美容美发店', '药店', '烟酒商行', '建材经营部'];
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建国', '志强', '丽华'];

/**
 * 行政处罚决定书文号 prefixes: 滁 + the authority's usual abbreviation + 罚, then 〔year〕n号 (滁市监处罚〔2025〕1号).
 * One table for the generated records and the showcase, so no department numbers its decisions two ways.
 */
export const DECISION_NUMBER_PREFIX: Record<(typeof DEMO_DEPARTMENTS)[number]['code'], string> = {
  'CZ-SCJGJ': '滁市监处罚',
  'CZ-STHJJ': '滁环罚',
  'CZ-SWJ': '滁税稽罚',
  'CZ-YJGLJ': '滁应急罚',
  'CZ-ZJJ': '滁建罚',
  'CZ-RSJ': '滁人社罚',
  'CZ-CZJ': '滁财罚',
  'CZ-FGW': '滁发改罚',
  'CZ-ZRZYJ': '滁自然资罚',
};

/** A 文号 as the demo writes it: prefix, the decision's year, a sequence from 1 within that year. */
export const DECISION_NUMBER_PATTERN = /^滁[\u4e00-\u9fff]+罚〔(\d{4})〕([1-9]\d*)号$/;

/**
 * Sequence numbers kept for the showcase (demo-showcase.data.ts, 9001…) and the README's examples (9118, 9119):
 * generated records skip them, so a README example never overwrites a generated decision.
 */
export const SHOWCASE_SERIALS = { from: 9001, to: 9999 } as const;

/** One text of an article, and the decisions it governs: those dated from `from` to `until` (inclusive). */
export interface StatuteVersion {
  statute: string;
  article: string;
  /** Which text: the amendment it was read in. */
  text: string;
  from: IsoDate;
  until: IsoDate | null;
  /** Where the text was read (LawRefBook/Laws, path at HEAD). */
  source: string;
  /** The fine this demo's facts attract under the article, 万元, both ends inclusive (以上/以下 include the figure); null: no fine. */
  fine: { min: string; max: string } | null;
  /** A second provision the range comes from, when the article itself leaves the amount to a regulation. */
  rangeIn?: { statute: string; article: string; source: string };
}

export interface ViolationTemplate {
  department: (typeof DEMO_DEPARTMENTS)[number]['code'];
  type: string;
  /** Facts that put the case in the range below (货值金额, 投资额, 合同价款 … are stated where the range depends on them). */
  facts: string;
  categories: string[];
  severity?: 'MINOR' | 'GENERAL' | 'SERIOUS';
  /** Who the article punishes: 单位 only, or anyone. */
  parties: readonly PartyType[];
  /** PENALTY: a 行政处罚 record. ABNORMAL_OPERATION_LIST: 列入经营异常名录, not a penalty, so never a record here. */
  outcome: 'PENALTY' | 'ABNORMAL_OPERATION_LIST';
  versions: StatuteVersion[];
}

const UNITS = [PartyType.LEGAL_ENTITY, PartyType.INDIVIDUAL_BUSINESS] as const;
const ANYONE = [PartyType.LEGAL_ENTITY, PartyType.INDIVIDUAL_BUSINESS, PartyType.NATURAL_PERSON] as const;
const LAWS = 'LawRefBook/Laws:';
const FOOD_SAFETY = { statute: '《中华人民共和国食品安全法》', text: '2021年4月29日第二次修正', from: '2021-04-29', until: null, source: `${LAWS}行政法/食品安全法(2021-04-29).md` };
const SAFETY = { statute: '《中华人民共和国安全生产法》', text: '2021年6月10日第三次修正', from: '2021-09-01', until: null, source: `${LAWS}社会法/安全生产法(2021-06-10).md` };
const TAX = { statute: '《中华人民共和国税收征收管理法》', text: '2015年4月24日修正', from: '2015-04-24', until: null, source: `${LAWS}经济法/税收征收管理法(2015-04-24).md` };
const CONSTRUCTION = { statute: '《建设工程质量管理条例》', text: '2019年4月23日第二次修订', from: '2019-04-23', until: null, source: `${LAWS}行政法规/建设工程质量管理条例(2019-04-23).md` };

/**
 * Each violation the demo generates: statute, article, the fine range the stated facts attract, and the text in
 * force on the decision date. The generator cites the version in force on each record's date and draws the fine
 * inside its range; demo-law.spec.ts checks thousands of records against this table.
 *
 * Texts not read: 反不正当竞争法 2025年修订 (in force 2025-10-15; secondary reports say 虚假宣传 moved to art. 9 and
 * lost its 20万 floor), so no 虚假宣传 case is dated after 2025-10-14. 发票管理办法 2023年修订: its header dates it
 * 2023-07-20 but the 施行 date of 国务院令第764号 was not found, so no 虚开 case is dated 2023-07-20…2024-02-29.
 * 企业信息公示暂行条例 2024年修订 was not found either; 年报 cases are never generated, so nothing cites it. Later
 * amendments of the other statutes, if any, are not in the mirror read (2026-12).
 */
export const VIOLATIONS: ViolationTemplate[] = [
  { department: 'CZ-SCJGJ', type: '销售超过保质期的食品', facts: '当事人在其经营场所销售超过保质期的预包装食品，货值金额不足一万元。', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], parties: UNITS, outcome: 'PENALTY',
    // 货值金额不足一万元的，并处五万元以上十万元以下罚款
    versions: [{ ...FOOD_SAFETY, article: '第一百二十四条第一款第（五）项', fine: { min: '5', max: '10' } }] },
  { department: 'CZ-SCJGJ', type: '销售标签不符合规定的预包装食品', facts: '当事人销售的预包装食品标签未标注生产者名称和生产日期，货值金额不足一万元。', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], parties: UNITS, outcome: 'PENALTY',
    // 货值金额不足一万元的，并处五千元以上五万元以下罚款
    versions: [{ ...FOOD_SAFETY, article: '第一百二十五条第一款第（二）项', fine: { min: '0.5', max: '5' } }] },
  { department: 'CZ-SCJGJ', type: '未按规定建立进货查验记录制度', facts: '当事人采购食品时未查验供货者的许可证和产品合格证明，未建立进货查验记录。', categories: ['WARNING'], severity: 'MINOR', parties: UNITS, outcome: 'PENALTY',
    // 责令改正，给予警告；拒不改正的才处五千元以上五万元以下罚款: a first finding is a warning, no fine
    versions: [{ ...FOOD_SAFETY, article: '第一百二十六条第一款第（三）项', fine: null }] },
  { department: 'CZ-SCJGJ', type: '未取得食品生产许可从事食品生产', facts: '当事人未取得食品生产许可从事糕点生产活动，违法生产的食品货值金额二万元。', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'], severity: 'SERIOUS', parties: UNITS, outcome: 'PENALTY',
    // 货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款: 2万元 × 10…20
    versions: [{ ...FOOD_SAFETY, article: '第一百二十二条第一款', fine: { min: '20', max: '40' } }] },
  { department: 'CZ-SCJGJ', type: '生产超限量使用食品添加剂的食品', facts: '当事人生产的馒头中甜蜜素超限量使用，违法生产的食品货值金额二万元，情节严重。', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'REVOKE_LICENSE'], severity: 'SERIOUS', parties: UNITS, outcome: 'PENALTY',
    // 货值金额一万元以上的，并处货值金额十倍以上二十倍以下罚款；情节严重的，吊销许可证: 2万元 × 10…20
    versions: [{ ...FOOD_SAFETY, article: '第一百二十四条第一款第（三）项', fine: { min: '20', max: '40' } }] },
  { department: 'CZ-SCJGJ', type: '以次充好销售产品', facts: '当事人在销售的食用植物油中掺杂、掺假，以次充好，违法销售产品货值金额四万元。', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'], parties: UNITS, outcome: 'PENALTY',
    // 并处违法生产、销售产品货值金额百分之五十以上三倍以下的罚款: 4万元 × 0.5…3
    versions: [{ statute: '《中华人民共和国产品质量法》', article: '第五十条', text: '2018年12月29日第三次修正', from: '2018-12-29', until: null, source: `${LAWS}经济法/产品质量法(2018-12-29).md`, fine: { min: '2', max: '12' } }] },
  { department: 'CZ-SCJGJ', type: '虚假宣传', facts: '当事人在其网店对商品的功能作虚假的商业宣传，欺骗、误导消费者。', categories: ['FINE'], parties: UNITS, outcome: 'PENALTY',
    // 处二十万元以上一百万元以下的罚款 (情节严重的一百万元以上二百万元以下: not these facts)
    versions: [{ statute: '《中华人民共和国反不正当竞争法》', article: '第二十条第一款', text: '2019年4月23日第二次修正', from: '2019-04-23', until: '2025-10-14', source: `${LAWS}经济法/反不正当竞争法(2019-04-23).md`, fine: { min: '20', max: '100' } }] },
  { department: 'CZ-SCJGJ', type: '未按规定公示年度报告', facts: '当事人未按照规定的期限公示上一年度年度报告。', categories: [], parties: [PartyType.LEGAL_ENTITY], outcome: 'ABNORMAL_OPERATION_LIST',
    // 由县级以上工商行政管理部门列入经营异常名录 … 提醒其履行公示义务: a listing, not a 行政处罚 and never a fine
    versions: [{ statute: '《企业信息公示暂行条例》', article: '第十七条第一款第（一）项', text: '2014年8月7日国务院令第654号', from: '2014-10-01', until: null, source: `${LAWS}行政法规/企业信息公示暂行条例(2014-08-07).md`, fine: null }] },
  { department: 'CZ-STHJJ', type: '超标排放水污染物', facts: '经监测，当事人废水总排口化学需氧量浓度超过国家排放标准。', categories: ['FINE'], parties: UNITS, outcome: 'PENALTY',
    // 并处十万元以上一百万元以下的罚款
    versions: [{ statute: '《中华人民共和国水污染防治法》', article: '第八十三条第（二）项', text: '2017年6月27日第二次修正', from: '2018-01-01', until: null, source: `${LAWS}行政法/水污染防治法(2017-06-27).md`, fine: { min: '10', max: '100' } }] },
  { department: 'CZ-STHJJ', type: '未批先建', facts: '当事人未依法报批建设项目环境影响报告表，擅自开工建设，项目总投资额一千万元。', categories: ['FINE'], severity: 'SERIOUS', parties: UNITS, outcome: 'PENALTY',
    // 处建设项目总投资额百分之一以上百分之五以下的罚款: 1000万元 × 1%…5%
    versions: [{ statute: '《中华人民共和国环境影响评价法》', article: '第三十一条第一款', text: '2018年12月29日第二次修正', from: '2018-12-29', until: null, source: `${LAWS}行政法/环境影响评价法(2018-12-29).md`, fine: { min: '10', max: '50' } }] },
  { department: 'CZ-STHJJ', type: '未按规定贮存危险废物', facts: '当事人未按照国家环境保护标准贮存危险废物，且未设置危险废物识别标志。', categories: ['FINE'], parties: UNITS, outcome: 'PENALTY',
    // 第一项、第六项 … 处十万元以上一百万元以下的罚款
    versions: [{ statute: '《中华人民共和国固体废物污染环境防治法》', article: '第一百一十二条第一款第（一）项、第（六）项', text: '2020年4月29日修订', from: '2020-09-01', until: null, source: `${LAWS}行政法/固体废物污染环境防治法(2020-04-29).md`, fine: { min: '10', max: '100' } }] },
  { department: 'CZ-SWJ', type: '未按期申报纳税', facts: '当事人未按照规定的期限办理纳税申报和报送纳税资料。', categories: ['FINE'], severity: 'MINOR', parties: ANYONE, outcome: 'PENALTY',
    // 可以处二千元以下的罚款 (情节严重的二千元以上一万元以下: not these facts)
    versions: [{ ...TAX, article: '第六十二条', fine: { min: '0', max: '0.2' } }] },
  { department: 'CZ-SWJ', type: '虚开增值税专用发票', facts: '当事人在没有真实交易的情况下为他人虚开增值税专用发票，虚开金额超过一万元。', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], severity: 'SERIOUS', parties: ANYONE, outcome: 'PENALTY',
    // 虚开金额超过1万元的，并处5万元以上50万元以下的罚款
    versions: [
      { statute: '《中华人民共和国发票管理办法》', article: '第三十七条第一款', text: '2019年3月2日第二次修订', from: '2019-03-02', until: '2023-07-19', source: `${LAWS}行政法规/发票管理办法(2019-03-02).md`, fine: { min: '5', max: '50' } },
      { statute: '《中华人民共和国发票管理办法》', article: '第三十五条第一款', text: '2023年7月20日第三次修订', from: '2024-03-01', until: null, source: `${LAWS}行政法规/发票管理办法(2023-07-20).md`, fine: { min: '5', max: '50' } },
    ] },
  { department: 'CZ-SWJ', type: '偷税', facts: '当事人通过在账簿上少列收入的手段少缴应纳税款二十万元。', categories: ['FINE'], severity: 'SERIOUS', parties: ANYONE, outcome: 'PENALTY',
    // 并处不缴或者少缴的税款百分之五十以上五倍以下的罚款: 20万元 × 0.5…5
    versions: [{ ...TAX, article: '第六十三条第一款', fine: { min: '10', max: '100' } }] },
  { department: 'CZ-YJGLJ', type: '未如实记录安全生产教育和培训情况', facts: '当事人未如实记录从业人员安全生产教育和培训情况。', categories: ['FINE'], parties: UNITS, outcome: 'PENALTY',
    // 责令限期改正，处十万元以下的罚款
    versions: [{ ...SAFETY, article: '第九十七条第（四）项', fine: { min: '0', max: '10' } }] },
  { department: 'CZ-YJGLJ', type: '未采取措施消除事故隐患', facts: '当事人对生产经营场所存在的事故隐患未采取措施消除，拒不执行整改指令。', categories: ['FINE', 'SUSPEND_PRODUCTION'], severity: 'SERIOUS', parties: UNITS, outcome: 'PENALTY',
    // 处五万元以下的罚款；拒不执行的，责令停产停业整顿 (the 五万元以上十万元以下 fine is for the persons in charge)
    versions: [{ ...SAFETY, article: '第一百零二条', fine: { min: '0', max: '5' } }] },
  { department: 'CZ-ZJJ', type: '未取得施工许可证擅自施工', facts: '当事人作为建设单位未取得施工许可证擅自施工，工程合同价款二百万元。', categories: ['FINE'], parties: UNITS, outcome: 'PENALTY',
    // 处工程合同价款1%以上2%以下的罚款: 200万元 × 1%…2%
    versions: [{ ...CONSTRUCTION, article: '第五十七条', fine: { min: '2', max: '4' } }] },
  { department: 'CZ-ZJJ', type: '违法分包工程', facts: '当事人作为施工单位将承包的工程违法分包给不具备相应资质的单位，工程合同价款二千万元。', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'DOWNGRADE_QUALIFICATION'], severity: 'SERIOUS', parties: [PartyType.LEGAL_ENTITY], outcome: 'PENALTY',
    // 对施工单位处工程合同价款0.5%以上1%以下的罚款；可以责令停业整顿，降低资质等级: 2000万元 × 0.5%…1%
    versions: [{ ...CONSTRUCTION, article: '第六十二条第一款', fine: { min: '10', max: '20' } }] },
  { department: 'CZ-RSJ', type: '未编制农民工工资支付台账', facts: '当事人未编制农民工工资支付台账，经责令限期改正逾期未改正。', categories: ['FINE'], parties: UNITS, outcome: 'PENALTY',
    // 逾期不改正的，对单位处2万元以上5万元以下的罚款
    versions: [{ statute: '《保障农民工工资支付条例》', article: '第五十四条第（二）项', text: '2019年12月30日国务院令第724号', from: '2020-05-01', until: null, source: `${LAWS}行政法规/保障农民工工资支付条例(2019-12-30).md`, fine: { min: '2', max: '5' } }] },
  { department: 'CZ-ZRZYJ', type: '非法占用土地', facts: '当事人未经批准非法占用集体土地一千平方米建设厂房。', categories: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'], parties: ANYONE, outcome: 'PENALTY',
    // 第七十七条 可以并处罚款; 实施条例第五十七条 每平方米100元以上1000元以下: 1000平方米 → 10万…100万元
    versions: [{ statute: '《中华人民共和国土地管理法》', article: '第七十七条第一款', text: '2019年8月26日第三次修正', from: '2021-09-01', until: null, source: `${LAWS}行政法/土地管理法(2019-08-26).md`, fine: { min: '10', max: '100' },
      rangeIn: { statute: '《中华人民共和国土地管理法实施条例》', article: '第五十七条第一款', source: `${LAWS}行政法规/土地管理法实施条例(2021-07-02).md` } }] },
];

/** The text of a violation's article in force on `date`, or null when the demo read none for that day. */
export function versionInForce(violation: ViolationTemplate, date: IsoDate): StatuteVersion | null {
  return violation.versions.find((v) => v.from <= date && (v.until === null || date <= v.until)) ?? null;
}

/** 《法》第…条[；《条例》第…条]: what a decision cites as its 处罚依据. */
export function citationOf(version: StatuteVersion): string {
  const main = `${version.statute}${version.article}`;
  return version.rangeIn ? `${main}；${version.rangeIn.statute}${version.rangeIn.article}` : main;
}
