// GraphQL enums of the blacklist capability, registered once. ListingStatus and RemovalReason are the pure
// domain enums; Scenario is where a joint-punishment measure applies (惩戒场景).
import { registerEnumType } from '@nestjs/graphql';
import { DayUnit, ListingStatus, RemovalReason } from '@credit/domain';

export enum Scenario {
  LICENSING = 'LICENSING',
  PROCUREMENT = 'PROCUREMENT',
  TENDERING = 'TENDERING',
  SUBSIDY = 'SUBSIDY',
  HONORS = 'HONORS',
  FINANCING = 'FINANCING',
  INSPECTION = 'INSPECTION',
  OTHER = 'OTHER',
}

registerEnumType(Scenario, {
  name: 'Scenario',
  description: '联合惩戒场景: what the checking department is about to do.',
  valuesMap: {
    LICENSING: { description: '行政许可' },
    PROCUREMENT: { description: '政府采购' },
    TENDERING: { description: '招标投标' },
    SUBSIDY: { description: '财政补贴 / 政策扶持' },
    HONORS: { description: '评优评先 / 表彰' },
    FINANCING: { description: '融资授信' },
    INSPECTION: { description: '日常监管 / 检查' },
    OTHER: { description: '其他' },
  },
});

registerEnumType(ListingStatus, {
  name: 'ListingStatus',
  description: '名单状态',
  valuesMap: {
    PROPOSED: { description: '拟列入: decision drafted, party not yet notified' },
    NOTIFIED: { description: '已告知: party notified, objection window running' },
    LISTED: { description: '已列入: on the list, joint punishment applies' },
    REMOVED: { description: '已移出: was on the list, taken off' },
    NOT_LISTED: { description: '不予列入: ended before listing (objection upheld, decision or its basis withdrawn)' },
  },
});

registerEnumType(RemovalReason, {
  name: 'RemovalReason',
  description: '移出原因',
  valuesMap: {
    EXPIRED: { description: '期满移出' },
    REPAIRED: { description: '信用修复后提前移出 (not before earliestRemovalMonths)' },
    REVOKED: { description: '认定决定被撤销' },
    OBJECTION_UPHELD: { description: '异议成立 (only by answering an objection)' },
    BASIS_REVOKED: { description: '认定依据已撤销: every penalty decision the listing rested on was revoked or corrected away' },
  },
});

export enum ObjectionStatus {
  OPEN = 'OPEN',
  UPHELD = 'UPHELD',
  REJECTED = 'REJECTED',
}
registerEnumType(ObjectionStatus, { name: 'ObjectionStatus', description: '异议状态' });

registerEnumType(DayUnit, {
  name: 'DayUnit',
  description: 'The unit a rule states a period in.',
  valuesMap: { WORKING: { description: '工作日: working days of the mainland calendar (holidays and 调休 applied)' }, CALENDAR: { description: '自然日: calendar days' } },
});

export enum SuggestionStatus {
  OPEN = 'OPEN',
  PROPOSED = 'PROPOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SuggestionStatus, {
  name: 'ListingSuggestionStatus',
  description: 'Where a listing suggestion raised by a serious penalty stands.',
  valuesMap: {
    OPEN: { description: 'Waiting for the designating department to decide' },
    PROPOSED: { description: 'A listing resting on this penalty record has been proposed' },
    WITHDRAWN: { description: 'The penalty record was revoked' },
  },
});
