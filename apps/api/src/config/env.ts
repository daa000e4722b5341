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
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
/** A whole number from `min` to `max`, read from the variable's text; unset or blank keeps the default. */
const IntSetting = (min: number, max: number) => stacked(Transform(toInt), IsInt(), Min(min), Max(max));
const blankToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
/** An http(s) URL; a loopback or single-label host (a compose service name) is allowed. */
const HttpUrl = (key: string) =>
  stacked(
    Transform(blankToUndefined),
    IsOptional(),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: `${key} must be an http:// or https:// URL` },
    ),
  );
const toDecimal = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : typeof value === 'number' || /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(String(value))
      ? Number(value)
      : NaN;
/** A number above 0 and at most `max`, decimals allowed; one message whatever is wrong with it. */
const PositiveUpTo = (max: number, message: string) =>
  stacked(
    Transform(toDecimal),
    ValidateBy({
      name: 'positiveUpTo',
      validator: {
        validate: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= max,
        defaultMessage: () => message,
      },
    }),
  );
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
const TWILIO_CREDENTIALS = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'] as const;

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

  /**
   * Development on the embedded Postgres only: on a database with no local yet, create a small
   * demo local with a steward, an organizer and a board member to sign in as. `false` skips it.
   */
  @Transform(({ value }) => !(value === 'false' || value === '0' || value === false))
  @IsOptional()
  DEMO_LOCAL = true;

  /** Where phone numbers without a + are read, as an ISO 3166 region: US, MX, VN… */
  @Matches(/^[A-Z]{2}$/, { message: 'PHONE_DEFAULT_REGION must be a two-letter region code such as US' })
  PHONE_DEFAULT_REGION = 'US';

  /**
   * A members list's totalCount is exact up to this many members; past it, an estimate
   * (totalCountIsExact false), so a count never reads more than this many rows.
   */
  @IntSetting(1, 10_000_000)
  MEMBER_COUNT_EXACT_LIMIT = 10_000;

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

  /** Where the built web app is (`npm run build` writes dist/web); served at `/` when present. */
  @IsString()
  @MinLength(1)
  WEB_DIR = 'dist/web';

  /**
   * Minutes without a touch before the web app locks and asks for the password again (a phone
   * left on a table). Decimals are allowed.
   */
  @PositiveUpTo(
    720,
    'IDLE_LOCK_MINUTES must be a number of minutes above 0 and at most 720; decimals are allowed',
  )
  IDLE_LOCK_MINUTES = 15;

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

  /**
   * Rapid-response alerts go out through one channel: this signed webhook (a Signal gateway, any
   * SMS service), else Twilio below; when both are set the webhook wins. With neither, an alert can
   * be drafted but not approved.
   */
  @HttpUrl('ALERT_WEBHOOK_URL')
  ALERT_WEBHOOK_URL?: string;

  /** Signs each webhook body (X-Juntos-Signature), so the gateway can refuse forged alerts. */
  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'ALERT_WEBHOOK_SECRET must be at least 32 characters' })
  ALERT_WEBHOOK_SECRET?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'TWILIO_ACCOUNT_SID must be AC followed by 32 hex digits' })
  TWILIO_ACCOUNT_SID?: string;

  @Transform(blankToUndefined)
  @IsOptional()
  @IsString()
  TWILIO_AUTH_TOKEN?: string;

  /** The sender: a Twilio number (E.164), or a Messaging Service SID, which picks the number itself. */
  @Transform(blankToUndefined)
  @IsOptional()
  @Matches(/^(\+[1-9]\d{1,14}|MG[0-9a-fA-F]{32})$/, {
    message: 'TWILIO_FROM must be an E.164 number (+15551234567) or a Messaging Service SID (MG…)',
  })
  TWILIO_FROM?: string;

  /**
   * Unset: https://api.twilio.com. Another base speaks the same API (a test receiver, a compatible
   * service).
   */
  @HttpUrl('TWILIO_API_BASE')
  TWILIO_API_BASE?: string;

  /** One delivery attempt's limit: a gateway that hangs must not hold a sending slot for long. */
  @IntSetting(100, 120_000)
  ALERT_SEND_TIMEOUT_MS = 10_000;

  /**
   * Messages in flight at once per API process: enough to text a whole shop in seconds, few
   * enough not to flood the gateway.
   */
  @IntSetting(1, 200)
  ALERT_DELIVERY_CONCURRENCY = 20;

  /**
   * Hours an incident report is kept before it is purged: reports can name people at risk, so
   * they do not outlive their use. Decimals are allowed so tests can use a few seconds (0.001).
   */
  @PositiveUpTo(
    8760,
    'INCIDENT_RETENTION_HOURS must be a number of hours above 0 and at most 8760 (a year); decimals are allowed',
  )
  INCIDENT_RETENTION_HOURS = 72;
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
  if (env.ALERT_WEBHOOK_URL && !env.ALERT_WEBHOOK_SECRET)
    problems.push(
      'ALERT_WEBHOOK_SECRET is required when ALERT_WEBHOOK_URL is set: the gateway checks the signature',
    );
  const twilioSet = TWILIO_CREDENTIALS.filter((key) => env[key]);
  if (twilioSet.length && twilioSet.length < TWILIO_CREDENTIALS.length)
    problems.push(
      `Twilio needs all of ${TWILIO_CREDENTIALS.join(', ')}: missing ${TWILIO_CREDENTIALS.filter((key) => !env[key]).join(', ')}`,
    );
  // Alerts carry members' numbers and the text, Twilio's requests its token: in production they
  // cross the network encrypted, or stay on this machine.
  if (env.NODE_ENV === 'production') {
    for (const key of ['ALERT_WEBHOOK_URL', 'TWILIO_API_BASE'] as const) {
      const url = env[key] && URL.canParse(env[key]) ? new URL(env[key]) : undefined;
      if (url?.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname))
        problems.push(`${key} must be https:// in production (http:// only to a loopback address)`);
    }
  }
  if (problems.length) throw new ConfigProblems(problems);
  return env;
}
