export * from './access.module';
export * from './access.service';
export * from './authorize.decorator';
export * from './capabilities';
export { Scope, scopeFor, systemScope } from './scope';
export type { RecordKind } from './access.repository';
