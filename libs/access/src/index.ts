export * from './access.module';
export * from './access.service';
export * from './authorize.decorator';
export * from './capabilities';
export type { RecordKind } from './access.repository';
