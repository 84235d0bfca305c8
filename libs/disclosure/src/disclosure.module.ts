import { Module } from '@nestjs/common';

/** Public disclosure of penalty decisions (行政处罚信息公示) and its outbox. */
@Module({})
export class DisclosureModule {}
