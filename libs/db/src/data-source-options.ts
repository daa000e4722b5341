import { Client, ClientConfig } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { EntityClass } from './feature-entities';

/** The migration classes, in order; the root migrations/index.ts lists them (a lib never imports it). */
export type MigrationList = NonNullable<DataSourceOptions['migrations']>;

export interface DbOptions {
  url: string;
  /** Only a DataSource that runs or shows migrations needs them: the caller passes MIGRATIONS. */
  migrations?: MigrationList;
  /**
   * Entity classes, for a DataSource made outside Nest that compares or maps them (the migration
   * CLI's generate, the migrations test): entitiesOf(FEATURE_MODULES). The app's DataSource takes
   * its entities from the modules instead (autoLoadEntities), and SQL-only callers need none.
   */
  entities?: EntityClass[];
  poolSize?: number;
  /** Statement timeout in ms: a stuck query fails cleanly instead of holding a connection. */
  statementTimeoutMs?: number;
  logging?: boolean;
}

/**
 * A pg client that always has an 'error' listener. pg-pool removes its idle listener when it hands
 * a client out, and TypeORM attaches its own a moment later: a connection terminated in between
 * would emit 'error' to nobody, which crashes the process. The pool and TypeORM still see the
 * error and discard the client; this only closes that gap.
 */
class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/** One options object for the app, the tests and the migration CLI. synchronize is never on. */
export function dataSourceOptions(o: DbOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: o.url,
    entities: o.entities ?? [],
    migrations: o.migrations ?? [],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Extensions are the migrations' business, as the owner; the API's role may not create them.
    installExtensions: false,
    migrationsRun: false,
    logging: o.logging ? ['query', 'error'] : false,
    extra: {
      Client: GuardedClient,
      max: o.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      statement_timeout: o.statementTimeoutMs ?? 15000,
      application_name: 'juntos',
    },
  };
}
