/** @type {import('jest').Config} */
const aliases = Object.fromEntries(
  ['common', 'auth', 'access', 'db', 'crypto', 'testing'].flatMap((lib) => [
    [`^@juntos/${lib}$`, `<rootDir>/libs/${lib}/src`],
    [`^@juntos/${lib}/(.*)$`, `<rootDir>/libs/${lib}/src/$1`],
  ]),
);

module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
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
