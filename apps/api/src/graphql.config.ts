import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { introspectionPlugin, retryAfterPlugin } from '@credit/auth';
import { AppConfig, DateScalar, DateTimeScalar, DecimalScalar, formatGraphQLError, queryLimitsPlugin } from '@credit/common';
import { graphqlMetricsPlugin } from './metrics/graphql-metrics.plugin';

// Hard ceiling applied while parsing, before any per-caller check: no document this large is legitimate.
const MAX_PARSE_TOKENS = 20_000;

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const production = config.nodeEnv === 'production';
  return {
    driver: ApolloDriver,
    path: '/graphql',
    // Built in memory; the committed schema.graphql is checked against it by a test.
    autoSchemaFile: true,
    sortSchema: true,
    resolvers: { Date: DateScalar, DateTime: DateTimeScalar, Decimal: DecimalScalar },
    playground: false, // no landing page
    // Field resolvers (CreditSubject.penaltyRecords, .tier …) get the exception filter too, so their coded
    // errors keep their codes. Not guards: fields are reached only through guarded operations.
    fieldResolverEnhancers: ['interceptors', 'filters'],
    // Introspection stays on for authenticated callers (tooling); introspectionPlugin refuses it in production
    // to callers without a verified principal (a bogus credential header never gets this far: the
    // credential gate refuses it first).
    introspection: true,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries are off: no client of ours sends them, and a document stored by one caller
    // and run by hash alone by another escaped the token limit checked on the request body. (queryLimitsPlugin
    // also counts the tokens of every source it did not see in the body, so turning this on stays safe.)
    persistedQueries: false,
    parseOptions: { maxTokens: MAX_PARSE_TOKENS },
    // No HTTP cache hints are used; Apollo's cache-control plugin cost ~11% of a cached public search.
    plugins: [
      introspectionPlugin({ production }),
      queryLimitsPlugin({ production }),
      retryAfterPlugin(),
      graphqlMetricsPlugin(),
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: (formatted) => formatGraphQLError(formatted, { hideSuggestions: production }),
  };
}
