import { plainToInstance, Transform } from 'class-transformer';
import { passwordProblem } from '@juntos/auth';
import { stacked } from '@juntos/common';
import {
  IsBase64,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
/** A whole number from `min` to `max`, read from the variable's text; unset or blank keeps the default. */
const IntSetting = (min: number, max: number) => stacked(Transform(toInt), IsInt(), Min(min), Max(max));
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Every setting the API reads, with its rule. See the configuration table in README.md. */
export class Env {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IntSetting(1, 65535)
  PORT = 3000;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'MIGRATION_DATABASE_URL must be a postgres:// URL' })
  MIGRATION_DATABASE_URL?: string;

  @IsString()
  @MinLength(1)
  DATA_DIR = './.data';

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsBase64({}, { message: 'NOTES_ENCRYPTION_KEY must be base64' })
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'NOTES_ENCRYPTION_KEY must be 32 bytes, base64-encoded' })
  NOTES_ENCRYPTION_KEY?: string;

  /** Retired notes keys, comma-separated base64: still decrypt, never encrypt (see notes:reencrypt). */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=(\s*,\s*[A-Za-z0-9+/]{43}=)*$/, {
    message: 'NOTES_ENCRYPTION_KEYS_OLD must be comma-separated 32-byte base64 keys',
  })
  NOTES_ENCRYPTION_KEYS_OLD?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsEmail({}, { message: 'BOOTSTRAP_ADMIN_EMAIL must be an email address' })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IntSetting(1, 200)
  DB_POOL_SIZE = 10;

  /**
   * Development only: log every SQL statement with its parameters. Parameters are personal data
   * (names, phones, emails), so production refuses it.
   */
  @Transform(({ value }) => value === 'true' || value === '1' || value === true)
  @IsOptional()
  DB_LOG = false;

  /** Where phone numbers without a + are read, as an ISO 3166 region: US, MX, VN… */
  @Matches(/^[A-Z]{2}$/, { message: 'PHONE_DEFAULT_REGION must be a two-letter region code such as US' })
  PHONE_DEFAULT_REGION = 'US';

  /** GraphQL limits: a hostile query is refused before any resolver runs. */
  @IntSetting(1, 100)
  GRAPHQL_MAX_DEPTH = 10;

  // The web client's screens alias a field at most a few times (say, open and draft petitions);
  // the cost limit, not this, bounds the work of each alias.
  @IntSetting(1, 1000)
  GRAPHQL_MAX_ALIASES = 5;

  @IntSetting(1, 1000)
  GRAPHQL_MAX_DIRECTIVES = 10;

  @IntSetting(100, 100_000)
  GRAPHQL_MAX_TOKENS = 2000;

  @IntSetting(100, 10_000_000)
  GRAPHQL_MAX_COST = 10_000;

  /**
   * Bytes of one serialized answer. The cost limit bounds records, not the length of their text
   * (a note is up to 10,000 characters), so this bounds the answer itself. 32 MiB leaves room for
   * exportMembers, whose CSV rows are typically under 250 bytes, of a 100,000-member local.
   */
  @IntSetting(1024, 1024 * 1024 * 1024)
  GRAPHQL_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

  /** Browser origins allowed to call the API, comma-separated. Empty: CORS stays closed. */
  @IsString()
  CORS_ORIGINS = '';

  /**
   * How many reverse proxies stand in front of the API (0: none, `true`: one). The client address
   * is then the entry that many hops from the right of X-Forwarded-For, the one the nearest proxy
   * wrote: entries further left are the client's own words, and would let it dodge the per-address
   * sign-in limits and write what it likes into the audit log.
   */
  @Transform(({ value }) =>
    value === undefined || value === '' || value === 'false' || value === false
      ? 0
      : value === 'true' || value === true
        ? 1
        : /^\d{1,2}$/.test(String(value))
          ? Number(value)
          : NaN,
  )
  @IsInt({
    message: 'TRUST_PROXY must be false, true (one proxy) or the number of proxies in front of the API',
  })
  TRUST_PROXY = 0;
}

export class ConfigProblems extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Validates the environment. Production demands its secrets and a real database, never defaults. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const env = plainToInstance(Env, raw, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false }).flatMap((e) => Object.values(e.constraints ?? {}));
  if (env.NODE_ENV === 'production') {
    for (const key of [
      'DATABASE_URL',
      'MIGRATION_DATABASE_URL',
      'JWT_SECRET',
      'NOTES_ENCRYPTION_KEY',
    ] as const) {
      if (!env[key]) problems.push(`${key} is required in production`);
    }
  }
  if (env.NODE_ENV === 'production' && env.DB_LOG)
    problems.push('DB_LOG is refused in production: it would log personal data from SQL parameters');
  // The sign-in policy, checked here so a refused password stops the start before a cluster is
  // created or migrated, not after.
  const weak =
    env.BOOTSTRAP_ADMIN_PASSWORD && passwordProblem(env.BOOTSTRAP_ADMIN_PASSWORD, env.BOOTSTRAP_ADMIN_EMAIL);
  if (weak) problems.push(`BOOTSTRAP_ADMIN_PASSWORD is refused by the password policy: ${weak}`);
  if (problems.length) throw new ConfigProblems(problems);
  return env;
}
