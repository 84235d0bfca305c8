import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@InputType({ description: 'Lets a department report decisions in the name of another deciding authority.' })
export class AllowReportingInput {
  @Field({ description: 'The department that will push the decisions.' })
  @IsString()
  @MaxLength(64)
  departmentCode!: string;

  @Field({ description: '处罚机关统一社会信用代码 of the authority it may report for.' })
  @IsString()
  @MaxLength(18)
  authorityUscc!: string;

  @Field({ description: '处罚机关 exactly as the decisions name it.' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  authorityName!: string;
}

@InputType({ description: 'Withdraws a department\'s permission to report for another authority.' })
export class RevokeReportingInput {
  @Field()
  @IsString()
  @MaxLength(64)
  departmentCode!: string;

  @Field()
  @IsString()
  @MaxLength(18)
  authorityUscc!: string;
}
