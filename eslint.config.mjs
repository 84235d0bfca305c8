// Lint keeps the layers honest: libs/domain imports nothing of ours and no framework; libraries reach each
// other through @credit/* aliases, never ../../; tests never commit `.only`.
import graphqlPlugin from '@graphql-eslint/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'var/**', 'coverage/**', 'bench/results/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off', // row mappers and test payloads; strict mode still applies
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['../../libs/*', '../../../*', '**/libs/*/src/*'], message: 'Import another library through its @credit/* alias.' }] }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name='only']", message: 'Do not commit .only' }],
    },
  },
  // The committed schema as GraphQL tooling reads it: the schema and Relay rules of @graphql-eslint.
  {
    files: ['schema.graphql'],
    languageOptions: { parser: graphqlPlugin.parser, parserOptions: { graphQLConfig: { schema: 'schema.graphql' } } },
    plugins: { '@graphql-eslint': graphqlPlugin },
    rules: {
      ...graphqlPlugin.configs['flat/schema-recommended'].rules,
      ...graphqlPlugin.configs['flat/schema-relay'].rules,
      // Query and Mutation are documented field by field (every root field has a description).
      '@graphql-eslint/require-description': ['error', { types: true, rootField: true, ignoredSelectors: ['[type=ObjectTypeDefinition][name.value=/^(Query|Mutation)$/]'] }],
      // Backward pagination (last/before) is optional in the Relay connection spec; every list here pages forward.
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      // No global object identification (Node/node(id)): ids are per type, and nothing refetches by global id.
      // Lists of plain values (categories, reasons, facet buckets) are values, not connections.
      '@graphql-eslint/relay-edge-types': 'off',
      // Value objects (tier reasons, statistics, payloads) have no identity of their own.
      '@graphql-eslint/strict-id-in-types': 'off',
      // `User.username` is the login name's established word, not a prefix stutter.
      '@graphql-eslint/no-typename-prefix': 'off',
      // The recommended conventions, except the "Type" suffix: `ListType` is the domain's word (名单类型), and
      // renaming it would break clients.
      '@graphql-eslint/naming-convention': [
        'error',
        (() => {
          const [, options] = graphqlPlugin.configs['flat/schema-recommended'].rules['@graphql-eslint/naming-convention'];
          return { ...options, 'ObjectTypeDefinition,ObjectTypeExtension': { forbiddenPrefixes: ['Type'] } };
        })(),
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', '@mikro-orm/*', 'pg', '@credit/*', 'node:*', 'fastify'], message: 'libs/domain is pure: no framework, no I/O, nothing of ours above it.' }] }],
    },
  },
);
