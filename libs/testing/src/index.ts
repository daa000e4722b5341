export * from './factories';
export * from './test-app';
export * from './test-database';
export * from './world';
export * from './statements';
export * from './snapshot';
