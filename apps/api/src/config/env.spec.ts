import { ConfigProblems, validateEnv } from './env';

const problemsOf = (raw: Record<string, unknown>): string[] => {
  try {
    validateEnv(raw);
    return [];
  } catch (e) {
    if (e instanceof ConfigProblems) return e.problems;
    throw e;
  }
};

describe('validateEnv', () => {
  it('applies the defaults in development', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATA_DIR: './.data',
      LOG_LEVEL: 'info',
    });
  });

  it('names each missing production secret on its own line', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      'DATABASE_URL is required in production',
      'MIGRATION_DATABASE_URL is required in production',
      'JWT_SECRET is required in production',
      'NOTES_ENCRYPTION_KEY is required in production',
    ]);
  });

  it('accepts a complete production configuration', () => {
    const env = validateEnv({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://juntos_api:pw@db:5432/juntos',
      MIGRATION_DATABASE_URL: 'postgres://juntos:pw@db:5432/juntos',
      JWT_SECRET: 'x'.repeat(40),
      NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      PORT: '8080',
    });
    expect(env.PORT).toBe(8080);
  });

  it('checks BOOTSTRAP_ADMIN_PASSWORD against the password policy before anything starts', () => {
    expect(
      problemsOf({
        BOOTSTRAP_ADMIN_EMAIL: 'maria@example.org',
        BOOTSTRAP_ADMIN_PASSWORD: 'aaaaaaaaaaaaaaaa',
      }),
    ).toEqual([
      'BOOTSTRAP_ADMIN_PASSWORD is refused by the password policy: Use more different characters: this password repeats too much.',
    ]);
    expect(
      problemsOf({
        BOOTSTRAP_ADMIN_EMAIL: 'maria@example.org',
        BOOTSTRAP_ADMIN_PASSWORD: 'maria-organiza-2026',
      }),
    ).toEqual([expect.stringContaining('Do not put your email address in your password.')]);
    expect(
      problemsOf({
        BOOTSTRAP_ADMIN_EMAIL: 'maria@example.org',
        BOOTSTRAP_ADMIN_PASSWORD: 'la huelga sigue en pie',
      }),
    ).toEqual([]);
  });

  it('reads TRUST_PROXY as a number of proxies, true as one', () => {
    expect(validateEnv({}).TRUST_PROXY).toBe(0);
    expect(validateEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(validateEnv({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(validateEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(problemsOf({ TRUST_PROXY: 'yes' })).toEqual([
      'TRUST_PROXY must be false, true (one proxy) or the number of proxies in front of the API',
    ]);
  });

  it('refuses DB_LOG in production, where it would log personal data', () => {
    expect(validateEnv({ DB_LOG: 'true' }).DB_LOG).toBe(true);
    expect(
      problemsOf({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://juntos_api:pw@db:5432/juntos',
        MIGRATION_DATABASE_URL: 'postgres://juntos:pw@db:5432/juntos',
        JWT_SECRET: 'x'.repeat(40),
        NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
        DB_LOG: '1',
      }),
    ).toEqual(['DB_LOG is refused in production: it would log personal data from SQL parameters']);
  });

  it('refuses malformed values', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      JWT_SECRET: 'short',
      NOTES_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'),
      LOG_LEVEL: 'loud',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('PORT'),
        'DATABASE_URL must be a postgres:// URL',
        'JWT_SECRET must be at least 32 characters',
        'NOTES_ENCRYPTION_KEY must be 32 bytes, base64-encoded',
        expect.stringContaining('LOG_LEVEL'),
      ]),
    );
  });
});
