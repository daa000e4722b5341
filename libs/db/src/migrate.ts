import { DataSource } from 'typeorm';
import { dataSourceOptions, MigrationList } from './data-source-options';

/** Applies pending migrations (the caller's list, in order) as the schema owner. Returns the names applied. */
export async function runMigrations(url: string, migrations: MigrationList): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 1, migrations }));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
