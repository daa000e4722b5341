import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@juntos/db';
import { createEmptyDatabase, dropTestDatabase } from '@juntos/test-support';
import { MIGRATIONS } from '../migrations';

describe('migrations', () => {
  it('run up, all the way down, and up again on an empty database, matching the entities', async () => {
    const db = await createEmptyDatabase();
    const ds = new DataSource(dataSourceOptions({ url: db.url, poolSize: 1, migrations: MIGRATIONS }));
    await ds.initialize();
    try {
      const tables = async () =>
        (
          await ds.query(
            `select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name <> 'typeorm_migrations'`,
          )
        )[0].n;

      expect((await ds.runMigrations()).length).toBe(MIGRATIONS.length);
      const afterUp = await tables();
      expect(afterUp).toBeGreaterThan(0);

      for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
      expect(await tables()).toBe(0);

      expect((await ds.runMigrations()).length).toBe(MIGRATIONS.length);
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
