import { Module } from '@nestjs/common';

/** Classified-supervision credit tiers (信用风险分类 A/B/C/D). */
@Module({})
export class CreditTiersModule {}
