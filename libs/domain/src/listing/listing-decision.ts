// What a listing decision (严重失信主体名单认定决定) must state. 国务院办公厅关于进一步完善失信约束制度构建诚信建设
// 长效机制的指导意见（国办发〔2020〕49号）: the 认定决定书 states 认定理由 (事由), 认定依据, 失信惩戒措施提示, 移出条件
// 和程序, and 救济措施. Only summaries of the document were read here (its text was not); the five items are as
// they are cited throughout the later rules. The department states each; where it leaves one out the platform
// states it from the list type's catalogue entry, so no decision ever goes out without it.
import { ListTypeTerms } from './listing.types';

export interface ListingDecisionStatements {
  /** 失信惩戒措施提示 */
  punishmentNotice: string;
  /** 移出条件和程序 */
  removalConditions: string;
  /** 救济措施 */
  remedies: string;
}

export const LISTING_DECISION_SOURCE = '国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见（国办发〔2020〕49号）';

/** The platform's wording of each statement for a list type, used where the department gave none. */
export function defaultListingStatements(listType: { name: string; legalBasis: string }, terms: ListTypeTerms): ListingDecisionStatements {
  return {
    punishmentNotice: `列入${listType.name}期间，有关部门将依照${listType.legalBasis}及联合惩戒措施清单对当事人实施相应惩戒措施。`,
    removalConditions:
      `列入期限为${terms.termMonths}个月，期满自动移出；` +
      (terms.earliestRemovalMonths > 0 ? `列入满${terms.earliestRemovalMonths}个月后，` : '') +
      `当事人纠正失信行为、履行相关义务并作出信用承诺的，可以向认定部门申请信用修复，经审核后提前移出；认定所依据的决定被撤销的，依法移出。`,
    remedies: '当事人对认定决定不服的，可以依法申请行政复议或者提起行政诉讼。',
  };
}
