export * from './field-cipher';
export * from './crypto.module';
