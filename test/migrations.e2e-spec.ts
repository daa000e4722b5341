import { DataSource, getMetadataArgsStorage } from 'typeorm';
import { dataSourceOptions, entitiesOf } from '@juntos/db';
import { createEmptyDatabase, dropTestDatabase } from '@juntos/test-support';
import { MIGRATIONS } from '../migrations';
import { FEATURE_MODULES } from '../apps/api/src/modules';

describe('migrations', () => {
  it('knows every entity class from the feature module that registers it', () => {
    // A class no module registers would be missing from the app's DataSource, and the comparison
    // below would not see it. By name: TypeORM's decorator storage is process-wide, so under jest it
    // also holds the same classes as loaded by earlier test files.
    const declared = getMetadataArgsStorage()
      .tables.map((t) => t.target)
      .filter((t) => typeof t === 'function')
      .map((t) => (t as { name: string }).name);
    const registered = entitiesOf(FEATURE_MODULES).map((e) => e.name);
    expect(registered.length).toBeGreaterThan(0);
    expect(registered.length).toBe(new Set(registered).size);
    expect([...registered].sort()).toEqual([...new Set(declared)].sort());
  });

  it('run up, all the way down, and up again on an empty database, matching the entities', async () => {
    const db = await createEmptyDatabase();
    // The entities as the feature modules register them, the list the app's DataSource loads.
    const entities = entitiesOf(FEATURE_MODULES);
    const ds = new DataSource(
      dataSourceOptions({ url: db.url, poolSize: 1, migrations: MIGRATIONS, entities }),
    );
    await ds.initialize();
    try {
      const tables = async () =>
        (
          await ds.query(
            `select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name <> 'typeorm_migrations'`,
          )
        )[0].n;

      expect((await ds.runMigrations({ transaction: 'each' })).length).toBe(MIGRATIONS.length);
      const afterUp = await tables();
      expect(afterUp).toBeGreaterThan(0);

      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toBe(0);

      expect((await ds.runMigrations({ transaction: 'each' })).length).toBe(MIGRATIONS.length);
      expect(await tables()).toBe(afterUp);

      // What `npm run migration:generate` would write: nothing, when entities and SQL agree.
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
      await dropTestDatabase(db.name);
    }
  });
});
