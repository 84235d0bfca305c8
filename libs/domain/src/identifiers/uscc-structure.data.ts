// The structure of a 统一社会信用代码 as data: which registration authorities (position 1) exist and which
// institution categories (position 2) each may issue, and the GB/T 2260 divisions positions 3–8 may name.
//
// Source: GB 32100-2015《法人和其他组织统一社会信用代码编码规则》表1 (登记管理部门代码) and 表2 (机构类别代码),
// as reproduced in this repository's design brief; the standard's own text was not read here. Where a later
// notice added a category we do not know of, the code is rejected as INVALID_USCC with the position named, so
// the department sees exactly which character to check; the table is data and can take the new category.

/** Position 1 → the categories (position 2) that authority issues. */
export const USCC_AUTHORITY_CATEGORIES: Readonly<Record<string, { name: string; categories: string }>> = {
  '1': { name: '机构编制', categories: '1239' }, // 机关, 事业单位, 中央编办直管的群众团体, 其他
  '2': { name: '外交', categories: '19' }, // 外国常驻新闻机构, 其他
  '3': { name: '司法行政', categories: '1234569' }, // 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, (6: see note), 其他
  '4': { name: '文化', categories: '19' }, // 外国在华文化中心, 其他
  '5': { name: '民政', categories: '1239' }, // 社会团体, 民办非企业单位, 基金会, 其他
  '6': { name: '旅游', categories: '129' }, // 外国/港澳台旅游部门常驻代表机构, 其他
  '7': { name: '宗教', categories: '129' }, // 宗教活动场所, 宗教院校, 其他
  '8': { name: '工会', categories: '19' }, // 基层工会, 其他
  '9': { name: '市场监管（工商）', categories: '123' }, // 企业, 个体工商户, 农民专业合作社
  A: { name: '中央军委改革和编制办公室', categories: '19' }, // 军队事业单位, 其他
  N: { name: '农业', categories: '1239' }, // 组级、村级、乡镇级集体经济组织, 其他
  Y: { name: '其他', categories: '1' },
};
// Note on 3-6: 司法行政 codes in category 6 are issued in practice (other legal-service bodies); accepting a real
// code matters more than the letter of the 2015 table, and a wrong one still fails the check character.

/**
 * GB/T 2260 provincial-level divisions (the first two digits of any division code), plus 10 for the national
 * code 100000 used by central registration authorities. Source: GB/T 2260-2007 and the 民政部 行政区划代码
 * list; these 34 have not changed since 重庆 (50) in 1997. Only this level is shipped: a code whose province
 * is unknown is warned about, never rejected (divisions are renamed and renumbered every year).
 */
export const GB2260_PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
};

/**
 * True when the six digits name a division the shipped table knows: 100000 (全国), or a code under a known
 * province whose prefecture and county pairs are not "00" in a way no code uses (e.g. 340001 is not a level).
 */
export function isKnownRegionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  if (code === '100000') return true;
  if (!(code.slice(0, 2) in GB2260_PROVINCES)) return false;
  // 34 00 01: a county under no prefecture does not exist in GB/T 2260 (直辖 counties use 90 as prefecture).
  return !(code.slice(2, 4) === '00' && code.slice(4, 6) !== '00');
}
