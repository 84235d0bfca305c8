import { Module } from '@nestjs/common';

/** The SearchIndex port and its adapters (PostgreSQL, Elasticsearch). */
@Module({})
export class SearchModule {}
