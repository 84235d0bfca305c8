// Lint keeps the layers honest: libs/domain imports nothing of ours and no framework; libraries reach each
// other through @credit/* aliases, never ../../; tests never commit `.only`.
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
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@nestjs/*', '@mikro-orm/*', 'pg', '@credit/*', 'node:*', 'fastify'], message: 'libs/domain is pure: no framework, no I/O, nothing of ours above it.' }] }],
    },
  },
);
