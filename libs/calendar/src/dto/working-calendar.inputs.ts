import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';
import { DateScalar } from '@credit/common';

@InputType({ description: 'The notice a year of the working calendar comes from (国务院办公厅关于X年部分节假日安排的通知).' })
export class CalendarSourceInput {
  @Field({ description: 'Title, e.g. 国务院办公厅关于2027年部分节假日安排的通知' })
  @IsString()
  @MaxLength(200)
  title!: string;

  @Field({ description: '发文字号, e.g. 国办发明电〔2026〕1号' })
  @IsString()
  @MaxLength(64)
  number!: string;

  @Field(() => DateScalar, { description: '印发日期' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'issuedOn must be a date YYYY-MM-DD（印发日期须为 YYYY-MM-DD）' })
  issuedOn!: string;
}
