import 'tsconfig-paths/register'; // globalSetup runs outside jest's module mapper
import { rmSync } from 'node:fs';
import { withAdmin } from '@juntos/testing';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.JUNTOS_TEST_TEMPLATE;
  if (template) {
    await withAdmin(async (c) => {
      await c.query(`alter database "${template}" is_template false`);
      await c.query(`drop database if exists "${template}" with (force)`);
    }).catch(() => undefined);
  }
  const pg = (globalThis as { __juntosPg?: { stop(): Promise<void>; dataDir: string } }).__juntosPg;
  if (pg) {
    await pg.stop();
    rmSync(pg.dataDir, { recursive: true, force: true });
  }
}
