export * from './factories';
export * from './test-database';
export * from './statements';
export * from './snapshot';
export * from './held-row';
export * from './cipher';
export * from './receivers';
