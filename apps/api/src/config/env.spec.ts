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
  describe('alert channels', () => {
    const PRODUCTION = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://juntos_api:pw@db:5432/juntos',
      MIGRATION_DATABASE_URL: 'postgres://juntos:pw@db:5432/juntos',
      JWT_SECRET: 'x'.repeat(40),
      NOTES_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    const SECRET = 's'.repeat(32);
    const TWILIO = {
      TWILIO_ACCOUNT_SID: `AC${'0a'.repeat(16)}`,
      TWILIO_AUTH_TOKEN: 'f'.repeat(32),
      TWILIO_FROM: '+15550001111',
    };

    it('needs no channel, and applies the delivery defaults', () => {
      const env = validateEnv({});
      expect(env).toMatchObject({
        ALERT_SEND_TIMEOUT_MS: 10_000,
        ALERT_DELIVERY_CONCURRENCY: 20,
        INCIDENT_RETENTION_HOURS: 72,
      });
      expect(env.ALERT_WEBHOOK_URL).toBeUndefined();
      expect(env.TWILIO_ACCOUNT_SID).toBeUndefined();
      expect(validateEnv({ ALERT_WEBHOOK_URL: '', TWILIO_FROM: '' }).ALERT_WEBHOOK_URL).toBeUndefined();
    });

    it('takes an http or https webhook URL, with its secret of at least 32 characters', () => {
      for (const url of [
        'https://gateway.example.org/alerts',
        'http://127.0.0.1:8080/hook',
        'http://signal-gw:8080/x',
      ])
        expect(validateEnv({ ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_SECRET: SECRET }).ALERT_WEBHOOK_URL).toBe(
          url,
        );
      expect(problemsOf({ ALERT_WEBHOOK_URL: 'ftp://example.org/x', ALERT_WEBHOOK_SECRET: SECRET })).toEqual([
        'ALERT_WEBHOOK_URL must be an http:// or https:// URL',
      ]);
      expect(problemsOf({ ALERT_WEBHOOK_URL: 'gateway.example.org', ALERT_WEBHOOK_SECRET: SECRET })).toEqual([
        'ALERT_WEBHOOK_URL must be an http:// or https:// URL',
      ]);
      expect(
        problemsOf({ ALERT_WEBHOOK_URL: 'https://gw.example.org', ALERT_WEBHOOK_SECRET: 'short' }),
      ).toEqual(['ALERT_WEBHOOK_SECRET must be at least 32 characters']);
    });

    it('requires the secret when the webhook URL is set', () => {
      expect(problemsOf({ ALERT_WEBHOOK_URL: 'https://gw.example.org/alerts' })).toEqual([
        'ALERT_WEBHOOK_SECRET is required when ALERT_WEBHOOK_URL is set: the gateway checks the signature',
      ]);
    });

    it('refuses an http:// webhook in production unless it stays on this machine', () => {
      expect(
        problemsOf({
          ...PRODUCTION,
          ALERT_WEBHOOK_URL: 'http://gw.example.org/alerts',
          ALERT_WEBHOOK_SECRET: SECRET,
        }),
      ).toEqual(['ALERT_WEBHOOK_URL must be https:// in production (http:// only to a loopback address)']);
      for (const url of [
        'https://gw.example.org/alerts',
        'http://127.0.0.1:9000/a',
        'http://localhost:9000/a',
      ])
        expect(problemsOf({ ...PRODUCTION, ALERT_WEBHOOK_URL: url, ALERT_WEBHOOK_SECRET: SECRET })).toEqual(
          [],
        );
      // Development may point at a gateway on the local network.
      expect(problemsOf({ ALERT_WEBHOOK_URL: 'http://gw.lan/alerts', ALERT_WEBHOOK_SECRET: SECRET })).toEqual(
        [],
      );
    });

    it('takes complete Twilio settings, the sender a number or a Messaging Service', () => {
      expect(validateEnv(TWILIO)).toMatchObject(TWILIO);
      const service = `MG${'ab'.repeat(16)}`;
      expect(validateEnv({ ...TWILIO, TWILIO_FROM: service }).TWILIO_FROM).toBe(service);
      expect(validateEnv({ ...TWILIO, TWILIO_API_BASE: 'http://127.0.0.1:4010' }).TWILIO_API_BASE).toBe(
        'http://127.0.0.1:4010',
      );
    });

    it('refuses malformed Twilio settings', () => {
      expect(
        problemsOf({
          TWILIO_ACCOUNT_SID: 'AC123',
          TWILIO_AUTH_TOKEN: 'token',
          TWILIO_FROM: '5550001111',
          TWILIO_API_BASE: 'api.twilio.com',
        }),
      ).toEqual([
        'TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits',
        'TWILIO_FROM must be an E.164 number (+15551234567) or a Messaging Service SID (MG…)',
        'TWILIO_API_BASE must be an http:// or https:// URL',
      ]);
      expect(problemsOf({ ...TWILIO, TWILIO_FROM: `MG${'z'.repeat(32)}` })).toEqual([
        expect.stringContaining('TWILIO_FROM must be'),
      ]);
    });

    it('names the missing Twilio settings when only some are set', () => {
      expect(problemsOf({ TWILIO_ACCOUNT_SID: TWILIO.TWILIO_ACCOUNT_SID })).toEqual([
        'Twilio needs all of TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM: missing TWILIO_AUTH_TOKEN, TWILIO_FROM',
      ]);
      expect(problemsOf({ ...TWILIO, TWILIO_AUTH_TOKEN: '' })).toEqual([
        'Twilio needs all of TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM: missing TWILIO_AUTH_TOKEN',
      ]);
    });

    it('refuses an http:// Twilio base in production unless it is loopback', () => {
      expect(problemsOf({ ...PRODUCTION, ...TWILIO, TWILIO_API_BASE: 'http://sms.example.org' })).toEqual([
        'TWILIO_API_BASE must be https:// in production (http:// only to a loopback address)',
      ]);
      expect(problemsOf({ ...PRODUCTION, ...TWILIO, TWILIO_API_BASE: 'http://127.0.0.1:4010' })).toEqual([]);
    });

    it('bounds the send timeout and the delivery concurrency', () => {
      expect(validateEnv({ ALERT_SEND_TIMEOUT_MS: '250', ALERT_DELIVERY_CONCURRENCY: '1' })).toMatchObject({
        ALERT_SEND_TIMEOUT_MS: 250,
        ALERT_DELIVERY_CONCURRENCY: 1,
      });
      expect(
        validateEnv({ ALERT_SEND_TIMEOUT_MS: '120000', ALERT_DELIVERY_CONCURRENCY: '200' }),
      ).toMatchObject({
        ALERT_SEND_TIMEOUT_MS: 120_000,
        ALERT_DELIVERY_CONCURRENCY: 200,
      });
      for (const raw of [
        { ALERT_SEND_TIMEOUT_MS: '99' },
        { ALERT_SEND_TIMEOUT_MS: '120001' },
        { ALERT_SEND_TIMEOUT_MS: '1.5' },
        { ALERT_DELIVERY_CONCURRENCY: '0' },
        { ALERT_DELIVERY_CONCURRENCY: '201' },
        { ALERT_DELIVERY_CONCURRENCY: 'many' },
      ]) {
        const key = Object.keys(raw)[0];
        const problems = problemsOf(raw);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.every((p) => p.startsWith(key))).toBe(true);
      }
    });

    it('reads INCIDENT_RETENTION_HOURS as decimal hours above 0, at most a year', () => {
      expect(validateEnv({ INCIDENT_RETENTION_HOURS: '0.001' }).INCIDENT_RETENTION_HOURS).toBe(0.001);
      expect(validateEnv({ INCIDENT_RETENTION_HOURS: '24' }).INCIDENT_RETENTION_HOURS).toBe(24);
      expect(validateEnv({ INCIDENT_RETENTION_HOURS: '8760' }).INCIDENT_RETENTION_HOURS).toBe(8760);
      for (const value of ['0', '-1', '8760.5', 'a day', '1e3', 'Infinity', '12h'])
        expect(problemsOf({ INCIDENT_RETENTION_HOURS: value })).toEqual([
          'INCIDENT_RETENTION_HOURS must be a number of hours above 0 and at most 8760 (a year); decimals are allowed',
        ]);
    });
  });
});
