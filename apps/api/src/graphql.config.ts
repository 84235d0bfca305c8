import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { AppConfig, DateScalar, DateTimeScalar, DecimalScalar, formatGraphQLError } from '@credit/common';

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const production = config.nodeEnv === 'production';
  return {
    driver: ApolloDriver,
    path: '/graphql',
    // Built in memory; the committed schema.graphql is checked against it by a test.
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { dateScalarMode: 'isoDate' },
    resolvers: { Date: DateScalar, DateTime: DateTimeScalar, Decimal: DecimalScalar },
    playground: false,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    formatError: formatGraphQLError,
  };
}
