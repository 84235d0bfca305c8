// Word lists for realistic synthetic 滁州 data. Nothing here is a real company or person.

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

export interface ViolationTemplate {
  department: string;
  type: string;
  facts: string;
  basis: string;
  categories: string[];
  fineRange: [number, number] | null; // 万元
  severity?: 'MINOR' | 'GENERAL' | 'SERIOUS';
}

export const VIOLATIONS: ViolationTemplate[] = [
  { department: 'CZ-SCJGJ', type: '销售不符合食品安全标准的食品', facts: '当事人在其经营场所销售超过保质期的预包装食品，货值金额较小。', basis: '《中华人民共和国食品安全法》第一百二十四条第一款', categories: ['WARNING', 'FINE'], fineRange: [0.5, 5] },
  { department: 'CZ-SCJGJ', type: '生产经营假冒伪劣产品', facts: '当事人生产销售假冒他人注册商标的产品，涉案货值较大。', basis: '《中华人民共和国产品质量法》第五十条', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'CONFISCATE_ILLEGAL_PROPERTY'], fineRange: [5, 60] },
  { department: 'CZ-SCJGJ', type: '虚假宣传', facts: '当事人在其网店对商品作虚假的功能宣传，欺骗、误导消费者。', basis: '《中华人民共和国反不正当竞争法》第二十条', categories: ['FINE'], fineRange: [2, 20] },
  { department: 'CZ-SCJGJ', type: '未按规定公示年度报告', facts: '当事人未按规定期限公示年度报告，经责令仍未改正。', basis: '《企业信息公示暂行条例》第十八条', categories: ['WARNING'], fineRange: null, severity: 'MINOR' },
  { department: 'CZ-SCJGJ', type: '无证生产食品', facts: '当事人未取得食品生产许可从事食品生产活动，情节严重。', basis: '《中华人民共和国食品安全法》第一百二十二条', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS', 'ORDER_CLOSURE'], fineRange: [10, 50], severity: 'SERIOUS' },
  { department: 'CZ-STHJJ', type: '超标排放水污染物', facts: '经监测，当事人废水总排口化学需氧量浓度超过国家排放标准。', basis: '《中华人民共和国水污染防治法》第八十三条', categories: ['FINE'], fineRange: [10, 100] },
  { department: 'CZ-STHJJ', type: '未批先建', facts: '当事人建设项目环境影响评价文件未经批准擅自开工建设。', basis: '《中华人民共和国环境影响评价法》第三十一条', categories: ['FINE', 'SUSPEND_PRODUCTION'], fineRange: [5, 50], severity: 'SERIOUS' },
  { department: 'CZ-STHJJ', type: '未按规定贮存危险废物', facts: '当事人将危险废物露天堆放，未设置识别标志。', basis: '《中华人民共和国固体废物污染环境防治法》第一百一十二条', categories: ['FINE'], fineRange: [10, 100] },
  { department: 'CZ-SWJ', type: '未按期申报纳税', facts: '当事人未按照规定期限办理纳税申报和报送纳税资料。', basis: '《中华人民共和国税收征收管理法》第六十二条', categories: ['FINE'], fineRange: [0.05, 0.2], severity: 'MINOR' },
  { department: 'CZ-SWJ', type: '虚开增值税专用发票', facts: '当事人在没有真实交易的情况下为他人虚开增值税专用发票。', basis: '《中华人民共和国发票管理办法》第三十五条', categories: ['FINE', 'CONFISCATE_ILLEGAL_GAINS'], fineRange: [20, 50], severity: 'SERIOUS' },
  { department: 'CZ-SWJ', type: '偷税', facts: '当事人通过在账簿上少列收入的手段不缴或者少缴应纳税款。', basis: '《中华人民共和国税收征收管理法》第六十三条', categories: ['FINE'], fineRange: [10, 200], severity: 'SERIOUS' },
  { department: 'CZ-YJGLJ', type: '未按规定开展安全生产教育培训', facts: '当事人未如实记录从业人员安全生产教育和培训情况。', basis: '《中华人民共和国安全生产法》第九十七条', categories: ['FINE'], fineRange: [1, 10] },
  { department: 'CZ-YJGLJ', type: '生产经营场所存在重大事故隐患', facts: '当事人对重大事故隐患未采取措施消除，拒不执行整改指令。', basis: '《中华人民共和国安全生产法》第一百零二条', categories: ['FINE', 'SUSPEND_PRODUCTION'], fineRange: [5, 10], severity: 'SERIOUS' },
  { department: 'CZ-ZJJ', type: '未取得施工许可证擅自施工', facts: '当事人在未取得施工许可证的情况下擅自开工建设。', basis: '《建筑工程施工许可管理办法》第十二条', categories: ['FINE'], fineRange: [1, 5] },
  { department: 'CZ-ZJJ', type: '违法分包工程', facts: '当事人将承包的工程违法分包给不具备相应资质的单位。', basis: '《建设工程质量管理条例》第六十二条', categories: ['FINE', 'DOWNGRADE_QUALIFICATION'], fineRange: [5, 20], severity: 'SERIOUS' },
  { department: 'CZ-RSJ', type: '拖欠劳动者工资', facts: '当事人拖欠劳动者劳动报酬，经责令限期支付逾期未支付。', basis: '《保障农民工工资支付条例》第五十四条', categories: ['FINE'], fineRange: [2, 10] },
  { department: 'CZ-ZRZYJ', type: '非法占用土地', facts: '当事人未经批准非法占用集体土地建设厂房。', basis: '《中华人民共和国土地管理法》第七十七条', categories: ['FINE', 'CONFISCATE_ILLEGAL_PROPERTY'], fineRange: [5, 50] },
];
