import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, DateScalar, DecimalScalar } from '@credit/common';
import { PenaltyCategory } from '@credit/domain';

@ObjectType('WithdrawalNotice', { description: '行政处罚决定撤回说明 (行政处罚法 第四十八条第二款).' })
export class WithdrawalNoticeModel {
  @Field(() => DateScalar, { description: 'Day the decision was revoked (撤销).' }) withdrawnOn!: string;
  @Field({ description: 'The reason the deciding authority stated.' }) reason!: string;
}

@ObjectType('Disclosure', { description: '一条公示的行政处罚决定: the public projection only (natural persons masked, never an ID number).' })
export class DisclosureModel {
  @Field(() => ID) id!: string;
  @Field({ description: '行政相对人名称 (自然人 masked, e.g. 张*)' }) partyName!: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码 (null for natural persons and the individual-business sentinel)' }) uscc!: string | null;
  @Field(() => String, { nullable: true, description: '法定代表人 (organisations only)' }) legalRepresentative!: string | null;
  @Field({ description: '行政处罚决定书文号' }) decisionNumber!: string;
  @Field({ description: '违法行为类型' }) violationType!: string;
  @Field({ description: '违法事实 (personal data scrubbed)' }) violationFacts!: string;
  @Field({ description: '处罚依据' }) legalBasis!: string;
  @Field(() => [PenaltyCategory]) penaltyCategories!: PenaltyCategory[];
  @Field({ description: '处罚内容' }) penaltyContent!: string;
  @Field(() => DecimalScalar, { nullable: true, description: '罚款金额（万元）' }) fineAmount!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '没收金额（万元）' }) confiscatedAmount!: string | null;
  @Field(() => DateScalar) decisionDate!: string;
  @Field(() => DateScalar, { description: 'Last day of publication (公示截止期, inclusive).' }) publishedUntil!: string;
  @Field({ description: '处罚机关' }) authorityName!: string;
  @Field({ description: 'The department that pushed the decision.' }) departmentName!: string;
  @Field(() => String, { nullable: true, description: "GB/T 2260 code: the party's registration region, else the department's." }) regionCode!: string | null;
  @Field(() => [String], { description: 'Snippets with the matched text in <em>…</em> (the rest HTML-escaped); empty without a query.' })
  highlights!: string[];
  @Field(() => WithdrawalNoticeModel, {
    nullable: true,
    description: '撤回说明: set when the decision was revoked after publication (行政处罚法 art. 48). The entry then only says who decided what, when it was withdrawn and why; facts, basis, content and amounts are empty.',
  })
  withdrawal!: WithdrawalNoticeModel | null;
}

@ObjectType('FacetBucket', { description: 'One value of a facet and how many disclosures carry it.' })
export class FacetBucketModel {
  @Field() value!: string;
  @Field(() => String, { nullable: true }) label!: string | null;
  @Field(() => Int) count!: number;
}

@ObjectType('DisclosureFacets', { description: 'Counts over the matches; over the first matches only when totalCountIsLowerBound.' })
export class DisclosureFacetsModel {
  @Field(() => [FacetBucketModel]) departments!: FacetBucketModel[];
  @Field(() => [FacetBucketModel]) regions!: FacetBucketModel[];
  @Field(() => [FacetBucketModel]) years!: FacetBucketModel[];
  @Field(() => [FacetBucketModel]) categories!: FacetBucketModel[];
}

@ObjectType({ description: 'A page of public penalty disclosures, best match first (Relay connection).' })
export class DisclosureConnection extends Connection(DisclosureModel) {
  @Field({ description: 'True when there are more matches than totalCount says (counting stops at a bound).' })
  totalCountIsLowerBound!: boolean;
  @Field(() => DisclosureFacetsModel) facets!: DisclosureFacetsModel;
}
