export * from './actor';
export * from './auth.module';
export * from './decorators';
export * from './jwt-auth.guard';
export * from './passwords';
export * from './tokens';
