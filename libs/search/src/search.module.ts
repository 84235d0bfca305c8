import { Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { Client } from '@elastic/elasticsearch';
import { APP_CONFIG, AppConfig } from '@credit/common';
import { Database, DATABASE_URL } from '@credit/db';
import { ElasticsearchSearchIndex } from './elasticsearch/elasticsearch-search.index';
import { PostgresSearchIndex, SEARCH_READER_MAX_LIFETIME_SECONDS, SEARCH_READER_MAX_USES, searchReaderUrl } from './postgres/postgres-search.index';
import { SEARCH_INDEX, SearchIndex } from './search-index.port';
import { CachedSearchIndex } from './search-result.cache';

/** The SearchIndex port bound to the configured backend: PostgreSQL by default, Elasticsearch when set. */
const SEARCH_READER = Symbol('SEARCH_READER');

@Module({
  providers: [
    // Public searches get their own small pool with planner settings of their own (see SEARCH_SESSION_OPTIONS),
    // so a burst of anonymous searches also cannot take every connection of the writers.
    {
      provide: SEARCH_READER,
      // SEARCH_READER_POOL connections (default 4, for a database on two cores): searches are CPU-bound in
      // PostgreSQL, so more connections than about twice the database's cores only take turns on its cores, and
      // each turn costs CPU (libs/search/README.md, "Search pool"). The pool also bounds how many searches a burst
      // has in flight at once; the API's writers keep their own pool.
      inject: [APP_CONFIG, DATABASE_URL],
      useFactory: (config: AppConfig, url: string) =>
        new Database(searchReaderUrl(url), config.searchReaderPool, { maxUses: SEARCH_READER_MAX_USES, maxLifetimeSeconds: SEARCH_READER_MAX_LIFETIME_SECONDS }),
    },
    {
      provide: SEARCH_INDEX,
      inject: [APP_CONFIG, Database, SEARCH_READER],
      useFactory: (config: AppConfig, db: Database, reader: Database): SearchIndex =>
        new CachedSearchIndex(
          config.searchBackend === 'elasticsearch' && config.elasticsearchUrl
            ? new ElasticsearchSearchIndex(new Client({ node: config.elasticsearchUrl, requestTimeout: 10_000 }))
            : new PostgresSearchIndex(db, reader),
          config.searchCacheTtlMs,
        ),
    },
  ],
  exports: [SEARCH_INDEX],
})
export class SearchModule implements OnModuleDestroy {
  private closed = false;

  constructor(@Inject(SEARCH_READER) private readonly reader: Database) {}

  async onModuleDestroy(): Promise<void> {
    // Nest may call this once per importing module (bootstrap and disclosure both import this module).
    if (this.closed) return;
    this.closed = true;
    await this.reader.close();
  }
}
