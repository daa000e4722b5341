export * from './data-source-options';
export * from './db.module';
export * from './entities';
export * from './transaction-host';
export * from './migrate';
export * from './roles';
export * from './connection-failure';
export * from './keyset';
