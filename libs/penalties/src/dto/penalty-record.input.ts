// The "双公示" 行政处罚 data items as a department pushes them. Field checks are per item in the domain
// validation (each failure a FieldError on that item), so one bad item never fails the whole batch.
import { Field, InputType } from '@nestjs/graphql';
import { DateScalar, DecimalScalar } from '@credit/common';
import { IdType, PartyType, PenaltyCategory, Severity } from '@credit/domain';

@InputType({ description: 'One administrative penalty decision as a department pushes it (the national 双公示 data items).' })
export class PenaltyRecordInput {
  @Field({ description: '行政处罚决定书文号, unique per department.' }) decisionNumber!: string;
  @Field({ description: '行政相对人名称' }) partyName!: string;
  @Field(() => PartyType, { description: '行政相对人类别' }) partyType!: PartyType;
  @Field(() => String, { nullable: true, description: '统一社会信用代码; required unless NATURAL_PERSON. Individual businesses without one send 00000000000000000X with registrationNumber.' })
  uscc?: string | null;
  @Field(() => String, { nullable: true, description: '工商注册号 or other registration number (required with the sentinel USCC).' })
  registrationNumber?: string | null;
  @Field(() => String, { nullable: true, description: '法定代表人 / 经营者' }) legalRepresentative?: string | null;
  @Field(() => IdType, { nullable: true, description: "证件类型: the natural person's, or the legal representative's." }) idType?: IdType | null;
  @Field(() => String, { nullable: true, description: '证件号码; required for NATURAL_PERSON; checked when RESIDENT_ID. Stored encrypted, shown masked.' })
  idNumber?: string | null;
  @Field({ description: '违法行为类型' }) violationType!: string;
  @Field({ description: '违法事实' }) violationFacts!: string;
  @Field({ description: '处罚依据' }) legalBasis!: string;
  @Field(() => [PenaltyCategory], { description: '处罚类别 (one or more)' }) penaltyCategories!: PenaltyCategory[];
  @Field({ description: '处罚内容' }) penaltyContent!: string;
  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额 in 万元, exact decimal string.' }) fineAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '没收违法所得、没收非法财物的金额 in 万元.' }) confiscatedAmount?: string | null;
  @Field(() => String, { nullable: true, description: '暂扣或吊销证照名称及编号' }) licenseInfo?: string | null;
  @Field(() => DateScalar, { description: '处罚决定日期 YYYY-MM-DD' }) decisionDate!: string;
  @Field(() => DateScalar, { nullable: true, description: '处罚有效期' }) validUntil?: string | null;
  @Field(() => DateScalar, { nullable: true, description: '公示截止期' }) publicUntil?: string | null;
  @Field(() => String, { nullable: true, description: '处罚机关: the pushing department when omitted, else itself or an authority an admin allowed it to report for.' }) authorityName?: string | null;
  @Field(() => String, { nullable: true, description: '处罚机关统一社会信用代码: the pushing department\'s when omitted.' }) authorityUscc?: string | null;
  @Field(() => String, { nullable: true, description: '数据来源单位' }) dataSourceName?: string | null;
  @Field(() => String, { nullable: true, description: '数据来源单位统一社会信用代码' }) dataSourceUscc?: string | null;
  @Field(() => Severity, { nullable: true, description: '轻微 / 一般 / 严重; derived by the documented rule when omitted.' }) severity?: Severity | null;
  @Field(() => String, { nullable: true, description: '备注' }) remarks?: string | null;
  @Field(() => DateScalar, { nullable: true, description: '违法行为发生日期: when given, a natural person\'s age (minors are never published) is judged on it.' })
  actDate?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'The department states the natural person was an adult at the act. Needed to publish a party whose birth date is unknown (no resident ID).' })
  partyAdultConfirmed?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Publish a 轻微 penalty although the rule does not by default (信用修复管理办法 2026: at most 3 months).' })
  publishMinor?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The penalty may not be repaired early (特定严重失信, or excluded by law): approveCreditRepair refuses it.' })
  notRepairable?: boolean | null;
}
