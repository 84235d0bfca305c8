// Word lists for synthetic but realistic 行政处罚 disclosures (names, violation types, ~120-character facts).
// Picked in SQL by multiplicative hashing of the row number, so the data is the same on every run.

export const REGIONS: [string, string][] = [
  ['341102', '琅琊区'], ['341103', '南谯区'], ['341122', '来安县'], ['341124', '全椒县'],
  ['341125', '定远县'], ['341126', '凤阳县'], ['341181', '天长市'], ['341182', '明光市'],
];

export const DEPARTMENTS: [string, string, string][] = [
  ['CZ-SCJGJ', '滁州市市场监督管理局', '市监'], ['CZ-SWJ', '国家税务总局滁州市税务局', '税'], ['CZ-HBJ', '滁州市生态环境局', '环'],
  ['CZ-YJJ', '滁州市药品监督管理局', '药'], ['CZ-JTJ', '滁州市交通运输局', '交'], ['CZ-ZJJ', '滁州市住房和城乡建设局', '建'],
  ['CZ-YJGLJ', '滁州市应急管理局', '应急'], ['CZ-WJW', '滁州市卫生健康委员会', '卫'], ['CZ-RSJ', '滁州市人力资源和社会保障局', '人社'],
  ['CZ-NYJ', '滁州市农业农村局', '农'], ['CZ-ZRZYJ', '滁州市自然资源和规划局', '自然'], ['CZ-WLJ', '滁州市文化和旅游局', '文旅'],
];

export const TRADE_NAMES = [
  '华星', '永盛', '鑫达', '宏发', '金源', '恒通', '瑞丰', '百川', '天成', '国泰', '中兴', '东方', '新宇', '佳和', '盛世', '嘉禾',
  '德润', '隆昌', '兴旺', '富民', '利民', '安康', '万家', '顺达', '汇丰', '宝丰', '康泰', '润华', '广源', '腾飞', '振华', '联创',
  '长江', '琅琊', '醉翁', '皖东', '明湖', '清流', '凤凰', '紫薇', '春晖', '同心', '和美', '鼎盛', '新亚', '远航', '锦程', '福源',
];

export const INDUSTRIES = [
  '食品', '电器', '建材', '餐饮', '药房', '五金', '服装', '农资', '汽修', '超市', '烟酒', '化工', '物流', '水产', '粮油', '家具',
  '装饰', '印刷', '养殖', '酒店', '眼镜', '母婴', '文具', '茶叶', '家电', '钢材', '塑料', '纺织', '医疗器械', '机械',
];

export const SUFFIXES = ['有限公司', '商行', '经营部', '门市部', '店', '厂', '批发部', '有限责任公司', '商贸有限公司', '科技有限公司'];

export const VIOLATION_TYPES = [
  '销售不符合食品安全标准的食品', '销售假冒注册商标的商品', '未取得食品经营许可从事食品经营', '发布虚假广告', '无照经营',
  '未按规定公示年度报告', '销售不合格产品', '超标排放大气污染物', '未按规定申报纳税', '虚开增值税发票', '销售劣药',
  '未按规定使用特种设备', '违法建设', '未依法为职工缴纳社会保险', '使用不合格计量器具', '价格违法', '未按规定设置安全警示标志',
  '超限运输', '非法占用耕地', '未经许可经营旅行社业务',
];

export const FACT_OPENINGS = [
  '经执法人员现场检查发现，当事人在其经营场所', '根据群众举报，执法人员依法对当事人进行检查，发现当事人', '经查，当事人自去年以来',
  '在专项整治行动中，执法人员发现当事人', '经调查核实，当事人在未经许可的情况下',
];

export const FACT_ACTIONS = [
  '销售超过保质期的预包装食品', '销售假冒他人注册商标的电器产品', '未取得食品经营许可证从事餐饮服务', '在网络平台发布含有虚假内容的广告',
  '销售标签不符合规定的农资产品', '将未经检验的建筑材料用于施工', '向大气违规排放超标废气', '未如实申报应税收入', '销售过期的医疗器械',
  '使用未经检定的电子计价秤', '擅自改变房屋主体结构', '未对从业人员进行安全生产教育培训', '哄抬物价并囤积居奇', '经营场所未设置消防安全标志',
  '非法收购并销售野生水产品', '销售假冒伪劣的汽车配件', '生产销售不符合标准的儿童玩具', '违规储存危险化学品',
];

export const FACT_DETAILS = [
  '，共计查获涉案商品一百余件，货值金额约三万元', '，违法所得共计人民币一万二千元', '，涉案金额较大，社会影响恶劣', '，持续时间达三个月之久',
  '，涉及消费者投诉多起', '，经抽样检验结论为不合格', '，现场扣押相关物品若干',
];

export const FACT_CLOSINGS = [
  '。上述行为违反了相关法律法规的规定，当事人对违法事实无异议，积极配合调查。',
  '。当事人的行为已构成违法，鉴于其能够主动改正违法行为，依法从轻处罚。',
  '。以上事实有现场检查笔录、询问笔录、照片等证据证实，足以认定。',
  '。当事人在规定期限内未提出陈述申辩意见，本机关依法作出处罚决定。',
];

export const LEGAL_BASES = [
  '《中华人民共和国食品安全法》第一百二十四条', '《中华人民共和国商标法》第六十条', '《中华人民共和国广告法》第五十五条',
  '《中华人民共和国大气污染防治法》第九十九条', '《中华人民共和国税收征收管理法》第六十三条', '《中华人民共和国产品质量法》第四十九条',
];

export const CATEGORY_SETS = ['{FINE}', '{WARNING,FINE}', '{FINE,CONFISCATE_ILLEGAL_GAINS}', '{FINE,SUSPEND_LICENSE}', '{FINE,CONFISCATE_ILLEGAL_PROPERTY}', '{REVOKE_LICENSE,FINE}'];

/** A SQL array literal of Chinese strings. */
export function sqlArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}

/**
 * A deterministic pick for row i from a seeded hash, so that picks with different seeds (and the decision date)
 * are independent: multiplicative picks were correlated through common factors of the list lengths.
 */
export function pick(values: readonly string[], seed: number, row = 'i'): string {
  return `(${sqlArray(values)})[1 + ${hashMod(row, seed, values.length)}]`;
}

/** `abs(hashint8extended(row, seed)) % n` as SQL: a well-spread integer in [0, n). */
export function hashMod(row: string, seed: number, n: number): string {
  return `(abs(hashint8extended(${row}::bigint, ${seed})) % ${n})::int`;
}
