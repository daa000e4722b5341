/** @type {import('jest').Config} */
const aliases = Object.fromEntries(
  ['common', 'auth', 'access', 'db', 'crypto', 'testing'].flatMap((lib) => [
    [`^@juntos/${lib}$`, `<rootDir>/libs/${lib}/src`],
    [`^@juntos/${lib}/(.*)$`, `<rootDir>/libs/${lib}/src/$1`],
  ]),
);

// On a Postgres server (TEST_DATABASE_URL), the suites about the embedded Postgres itself (how it
// starts, recovers and reports) have nothing to test: it is not the database there.
const EMBEDDED_ONLY = ['<rootDir>/test/startup\\.e2e-spec\\.ts$'];
// BROWSER_TESTS=off leaves out the browser suites (.ci/run's second database run does: they drive
// the web app through the same API whose SQL the other suites check on both databases).
const BROWSER = ['<rootDir>/test/web/'];

module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: [
    '/node_modules/',
    ...(process.env.TEST_DATABASE_URL ? EMBEDDED_ONLY : []),
    ...(process.env.BROWSER_TESTS === 'off' ? BROWSER : []),
  ],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }] },
  moduleNameMapper: { ...aliases, '^@juntos/test-support$': '<rootDir>/test/support' },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30000,
  slowTestThreshold: 20,
};
