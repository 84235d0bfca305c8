import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '@credit/common';

@ObjectType('CalendarSource', { description: 'A notice of the State Council on a year’s holidays.' })
export class CalendarSourceModel {
  @Field() title!: string;
  @Field({ description: '发文字号' }) number!: string;
  @Field(() => DateScalar) issuedOn!: string;
}

@ObjectType('WorkingCalendarYear', { description: 'One year of the mainland working calendar (工作日历).' })
export class WorkingCalendarYearModel {
  @Field(() => Int) year!: number;
  @Field(() => [CalendarSourceModel]) sources!: CalendarSourceModel[];
  @Field(() => [DateScalar], { description: 'Days off (法定节假日 blocks, weekend days inside them included).' }) holidays!: string[];
  @Field(() => [DateScalar], { description: '调休上班日: weekend days that are working days.' }) workdays!: string[];
}
