import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { Env, validateEnv } from '../../apps/api/src/config/env';
import { withCredentials } from '@juntos/db';
import { createTestDatabase, dropTestDatabase, TEST_APP_ROLE } from '@juntos/testing';

export const TEST_JWT_SECRET = 'juntos-test-secret-that-is-long-enough-for-hs256';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: string[]; extensions: { code: string; field?: string } }[] | undefined;
  body: Record<string, unknown>;
}

/** A real Nest app on its own cloned database, driven over HTTP with supertest. */
export class TestApp {
  private constructor(
    readonly app: INestApplication,
    readonly env: Env,
    /** Raw SQL as the database owner (RLS does not apply), for factories and for asserting what is stored. */
    readonly db: Pool,
    /** The database to drop on close, when this app created it. */
    private readonly dbName: string | null,
  ) {}

  static async create(overrides: Record<string, string> = {}): Promise<TestApp> {
    return TestApp.build(await createTestDatabase(), overrides, true);
  }

  /** On a database the test made itself (already migrated, with the app role), left in place on close. */
  static onDatabase(url: string, overrides: Record<string, string> = {}): Promise<TestApp> {
    return TestApp.build({ name: new URL(url).pathname.slice(1), url }, overrides, false);
  }

  private static async build(
    database: { name: string; url: string },
    overrides: Record<string, string>,
    owned: boolean,
  ): Promise<TestApp> {
    const env = validateEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: withCredentials(database.url, TEST_APP_ROLE.user, TEST_APP_ROLE.password),
      MIGRATION_DATABASE_URL: database.url,
      JWT_SECRET: TEST_JWT_SECRET,
      NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      DB_POOL_SIZE: '5',
      ...overrides,
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    configureApp(app, env);
    try {
      await app.init();
    } catch (e) {
      // A start refused (the notes key check): what did start (the job queue's workers) stops too.
      await app.close().catch(() => undefined);
      throw e;
    }
    const db = new Pool({ connectionString: database.url, max: 3 });
    // Dropping a database with (force) ends its idle clients: expected here, not a crash.
    db.on('error', () => undefined);
    return new TestApp(app, env, db, owned ? database.name : null);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async gql<T = Record<string, unknown>>(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GqlResult<T>> {
    const req = this.http().post('/graphql').set('content-type', 'application/json');
    if (token) {
      await this.sessionsWritten();
      req.set('authorization', `Bearer ${token}`);
    }
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors, body: res.body };
  }

  /**
   * A valid access token for the user, as the login endpoint would issue it: in a new session
   * (a real row, written before this app's next request), or in `sessionId` when given.
   */
  tokenFor(userId: string, opts: { expiresIn?: number; secret?: string; sessionId?: string } = {}): string {
    const sid = opts.sessionId ?? randomUUID();
    if (!opts.sessionId) {
      const written = this.db
        .query(`insert into session (id, user_id, expires_at) values ($1, $2, now() + interval '30 days')`, [
          sid,
          userId,
        ])
        // A user that does not exist gets a token without a session, which is refused all the same.
        .then(
          () => undefined,
          (e: { code?: string }) => {
            if (e.code !== '23503') throw e;
          },
        );
      this.pendingSessions.push(written);
    }
    return new JwtService({ secret: opts.secret ?? TEST_JWT_SECRET }).sign(
      { sub: userId, sid, typ: 'access' },
      { algorithm: 'HS256', expiresIn: opts.expiresIn ?? 900 },
    );
  }

  /** The session an access token names (its `sid` claim). */
  static sessionOf(token: string): string {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;
  }

  private pendingSessions: Promise<void>[] = [];

  /** Waits for the session rows tokenFor() wrote, so a token is never used before its session. */
  async sessionsWritten(): Promise<void> {
    const pending = this.pendingSessions;
    this.pendingSessions = [];
    await Promise.all(pending);
  }

  private closed = false;

  /** Closes the app and the owner pool, and drops the database if this app made it. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.sessionsWritten().catch(() => undefined);
    await this.app.close();
    if (!this.db.ended) await this.db.end();
    if (this.dbName) await dropTestDatabase(this.dbName);
  }
}
