export * from './access.module';
export * from './access.service';
export * from './authorize.decorator';
export * from './capabilities';
export { Scope, scopeFor, systemScope } from './scope';
export { recordKinds, RecordKindRegistry } from './record-kinds';
export type { RecordKind, RecordKinds, RecordPlaceSql } from './record-kinds';
