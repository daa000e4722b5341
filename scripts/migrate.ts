/**
 * npm run migration:run | migration:revert | migration:show | migration:generate -- <Name>
 *
 * Works against MIGRATION_DATABASE_URL (or DATABASE_URL), else the embedded database in DATA_DIR:
 * attached to when `npm start` is running it, started for the command otherwise.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, entitiesOf } from '@juntos/db';
import { MIGRATIONS } from '../migrations';
import { ownerDatabaseUrl } from './database-url';

function migrationFile(name: string, up: string[], down: string[]): string {
  const ts = Date.now();
  const cls = `${name.replace(/[^A-Za-z0-9]/g, '')}${ts}`;
  const lines = (qs: string[]) => qs.map((q) => `    await q.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entities: review every statement, and add RLS policies by hand. */
export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(q: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const { url, embedded } = await ownerDatabaseUrl();
  // Only generate compares the entities with the database: they come from the feature modules,
  // loaded for that command alone so run and show stay light.
  const entities =
    command === 'generate' ? entitiesOf((await import('../apps/api/src/modules')).FEATURE_MODULES) : [];
  const ds = new DataSource(dataSourceOptions({ url, poolSize: 1, migrations: MIGRATIONS, entities }));
  await ds.initialize();
  try {
    switch (command) {
      case 'run': {
        const applied = await ds.runMigrations({ transaction: 'each' });
        console.log(
          applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'no pending migrations',
        );
        break;
      }
      case 'revert':
        await ds.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        break;
      case 'show': {
        const done = new Set<string>(
          (await ds.query('select name from typeorm_migrations')).map((r: { name: string }) => r.name),
        );
        for (const m of ds.migrations) console.log(`${done.has(m.name!) ? '[X]' : '[ ]'} ${m.name}`);
        break;
      }
      case 'generate': {
        if (!name || !/^[A-Za-z][A-Za-z0-9-]*$/.test(name))
          throw new Error('usage: npm run migration:generate -- <Name>');
        const sql = await ds.driver.createSchemaBuilder().log();
        if (!sql.upQueries.length) {
          console.log('the entities match the database: nothing to generate');
          break;
        }
        const file = join('migrations', `${Date.now()}-${name.toLowerCase()}.ts`);
        writeFileSync(
          file,
          migrationFile(
            name,
            sql.upQueries.map((q) => q.query),
            sql.downQueries.reverse().map((q) => q.query),
          ),
        );
        console.log(`wrote ${file}: review it, then add its class to MIGRATIONS in migrations/index.ts`);
        break;
      }
      default:
        throw new Error('usage: scripts/migrate.ts run|revert|show|generate <Name>');
    }
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((e: Error) => {
  console.error(`migrate: ${e.message}`);
  process.exit(1);
});
