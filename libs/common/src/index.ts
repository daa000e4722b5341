export * from './domain';
export * from './errors';
export * from './pagination';
export * from './decorators';
