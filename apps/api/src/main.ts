import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { ensureAppLoginRole, runMigrations, withCredentials } from '@juntos/db';
import { MIGRATIONS } from '../../../migrations';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';
import { DEMO_ACCOUNTS, DEMO_LOCAL_NAME, seedDemoLocal } from './demo-local';
import { loadDevSecrets } from './config/dev-secrets';
import { ConfigProblems, Env, validateEnv } from './config/env';
import { EmbeddedPostgres, EmbeddedPostgresRefused, startEmbeddedPostgres } from './embedded-postgres';

/** The embedded database's login role for the API, a member of juntos_app. */
const EMBEDDED_API_ROLE = 'juntos_api';

/** Prints one line per problem and exits non-zero, with no stack trace. */
function refuseToStart(problems: string[]): never {
  for (const p of problems) process.stderr.write(`juntos: ${p}\n`);
  process.stderr.write('juntos: not started. See the configuration table in README.md.\n');
  process.exit(1);
}

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  let env: Env;
  try {
    env = validateEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigProblems) refuseToStart(e.problems);
    throw e;
  }

  let embedded: EmbeddedPostgres | undefined;
  let embeddedApiPassword: string | undefined;
  if (env.NODE_ENV !== 'production') {
    const secrets = loadDevSecrets(env.DATA_DIR);
    env.JWT_SECRET ??= secrets.JWT_SECRET;
    env.NOTES_ENCRYPTION_KEY ??= secrets.NOTES_ENCRYPTION_KEY;
    if (!env.DATABASE_URL) {
      process.stdout.write(`juntos: starting the embedded Postgres in ${env.DATA_DIR}/pg\n`);
      try {
        embedded = await startEmbeddedPostgres({
          dataDir: env.DATA_DIR,
          password: secrets.EMBEDDED_PG_PASSWORD,
          database: 'juntos',
          notice: (line) => process.stdout.write(`juntos: ${line}\n`),
        });
      } catch (e) {
        // One line, never a stack: what went wrong and, when we know it, what to do.
        const reason = (e as Error)?.message?.split('\n')[0] || String(e);
        process.stderr.write(
          e instanceof EmbeddedPostgresRefused
            ? `juntos: ${reason}\n`
            : `juntos: the embedded Postgres in ${env.DATA_DIR}/pg did not start: ${reason}\n`,
        );
        process.exit(1);
      }
      // Migrations run as the owner; the API signs in as a role that owns nothing (RLS applies).
      env.MIGRATION_DATABASE_URL = embedded.url;
      env.DATABASE_URL = withCredentials(embedded.url, EMBEDDED_API_ROLE, secrets.EMBEDDED_APP_PASSWORD);
      embeddedApiPassword = secrets.EMBEDDED_APP_PASSWORD;
    }
  }

  let stopping = false;
  const stopDatabase = async () => {
    await embedded?.stop().catch(() => undefined);
  };
  try {
    const applied = await runMigrations(env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL!, MIGRATIONS);
    if (applied.length) process.stdout.write(`juntos: applied migrations ${applied.join(', ')}\n`);
    if (embedded && embeddedApiPassword)
      await ensureAppLoginRole(embedded.url, EMBEDDED_API_ROLE, embeddedApiPassword);

    const app = await NestFactory.create(AppModule.forRoot(env), { bufferLogs: true });
    app.useLogger(app.get(Logger));
    configureApp(app, env);
    // The API stops first, then the database it was using.
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.get(Logger).log(`${signal}: shutting down`);
      await app.close().catch(() => undefined);
      await stopDatabase();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen(env.PORT);
    app.get(Logger).log(`Juntos API on http://localhost:${env.PORT}/graphql`);
    // After the platform admin's bootstrap, which only runs on a database without users.
    if (embedded && env.DEMO_LOCAL) await announceDemo(await seedDemoLocal(embedded.url), env.PORT);
  } catch (e) {
    process.stderr.write(`juntos: failed to start: ${(e as Error).message}\n`);
    await stopDatabase();
    process.exit(1);
  }
}

/** The demo's accounts, printed once, like the generated admin password. */
async function announceDemo(password: string | null, port: number): Promise<void> {
  if (!password) return;
  const lines = [
    `created the demo local "${DEMO_LOCAL_NAME}" (DEMO_LOCAL=false skips it). Open http://localhost:${port} and sign in as:`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.email}  (${a.role.toLowerCase().replace('_', ' ')})`),
    `with the password ${password} (the same for the three; it is not shown again)`,
  ];
  process.stdout.write(`\n${lines.map((l) => `juntos: ${l}`).join('\n')}\n\n`);
}

void main();
