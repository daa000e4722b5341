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
  moduleNameMapper: aliases,
  testEnvironment: 'node',
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30000,
  slowTestThreshold: 20,
};
