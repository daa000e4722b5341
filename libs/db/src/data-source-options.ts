import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';

export interface DbOptions {
  url: string;
  poolSize?: number;
  /** Statement timeout in ms: a stuck query fails cleanly instead of holding a connection. */
  statementTimeoutMs?: number;
  logging?: boolean;
}

/** One options object for the app, the tests and the migration CLI. synchronize is never on. */
export function dataSourceOptions(o: DbOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Extensions are the migrations' business, as the owner; the API's role may not create them.
    installExtensions: false,
    migrationsRun: false,
    logging: o.logging ? ['query', 'error'] : false,
    extra: {
      max: o.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      statement_timeout: o.statementTimeoutMs ?? 15000,
      application_name: 'juntos',
    },
  };
}
