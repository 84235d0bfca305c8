import { Module } from '@nestjs/common';

/** Serious-dishonesty list and joint punishment (严重失信主体名单 / 联合惩戒). */
@Module({})
export class BlacklistModule {}
