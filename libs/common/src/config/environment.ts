import { plainToInstance, Transform } from 'class-transformer';
import { existsSync } from 'node:fs';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import {
  AppConfig,
  DATABASE_POOLERS,
  type TransferDailyLimit,
  type DatabasePooler,
  LOG_FORMATS,
  LOG_LEVELS,
  type LogFormat,
  type LogLevel,
} from './app-config';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number.parseInt(value, 10) : value;
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  return value;
};

/** Shortest accepted secret (CURSOR_SECRET): 32 characters, e.g. 16 random bytes as hex or more. */
export const MIN_SECRET_LENGTH = 32;

const LIMIT_AMOUNT = '[1-9][0-9]{0,17}';
const TRANSFER_DAILY_LIMIT_FORMAT = new RegExp(
  `^(${LIMIT_AMOUNT}|[A-Z][A-Z0-9_]{1,15}:${LIMIT_AMOUNT}(,[A-Z][A-Z0-9_]{1,15}:${LIMIT_AMOUNT})*)$`,
);

/** The environment variables the service reads; every one is optional and has a default. */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  HTTP_WORKERS = 1;

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsOptional()
  @IsIn(DATABASE_POOLERS)
  DATABASE_POOLER: DatabasePooler = 'none';

  @IsOptional()
  @IsString()
  MIGRATION_DATABASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  DATABASE_CONNECT_TIMEOUT_MS = 2000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  DATABASE_STATEMENT_TIMEOUT_MS = 5000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600000)
  DATABASE_LOCK_TIMEOUT_MS = 3000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400000)
  MIGRATION_STATEMENT_TIMEOUT_MS = 1800000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400000)
  DATABASE_STARTUP_TIMEOUT_MS = 300000;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  DB_AUTO_SETUP = true;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @IsString()
  @MinLength(1)
  EMBEDDED_PG_DIR = '.data/postgres';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600000)
  EMBEDDED_PG_START_TIMEOUT_MS = 30000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(4096)
  LEDGER_MAX_BATCH_SIZE = 256;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  LEDGER_MAX_QUEUE = 20000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  LEDGER_BATCH_CONCURRENCY = 1;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  LEDGER_MAX_ATTEMPTS = 5;

  /** The most a user may transfer per asset and UTC day: one amount for every asset (`5000`) or per asset (`GOLD:1000,DIAMOND:50`). Unset: no limit. */
  @IsOptional()
  @Matches(TRANSFER_DAILY_LIMIT_FORMAT, {
    message:
      'TRANSFER_DAILY_LIMIT must be an amount (e.g. 5000) or ASSET:amount pairs (e.g. GOLD:1000,DIAMOND:50), amounts 1 to 10^18',
  })
  TRANSFER_DAILY_LIMIT?: string;

  /** How often each process looks for holds past their expiry (a hold returns at most this long after it expires). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  HOLD_EXPIRY_INTERVAL_MS = 10000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(24)
  @Max(24 * 365)
  IDEMPOTENCY_RETENTION_HOURS = 24;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60000)
  IDEMPOTENCY_WAIT_MS = 5000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(86400000)
  IDEMPOTENCY_PURGE_INTERVAL_MS = 60000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  IDEMPOTENCY_PURGE_BATCH_SIZE = 1000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600000)
  SHUTDOWN_GRACE_MS = 20000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  HTTP_HEADERS_TIMEOUT_MS = 10000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  HTTP_REQUEST_TIMEOUT_MS = 30000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 65000;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3600000)
  LEDGER_VERIFY_STATEMENT_TIMEOUT_MS = 60000;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @IsIn(LOG_FORMATS)
  LOG_FORMAT: LogFormat = 'auto';

  @IsOptional()
  @IsString()
  @MinLength(MIN_SECRET_LENGTH)
  @MaxLength(512)
  CURSOR_SECRET?: string;

  /** Holds every scope. 32-512 visible ASCII characters (it travels in an HTTP header). */
  @IsOptional()
  @Matches(/^[!-~]{32,512}$/, { message: 'API_MASTER_KEY must be 32 to 512 visible ASCII characters without spaces' })
  API_MASTER_KEY?: string;

  /** Where the rate limiters keep their counters, shared by every replica (redis:// or rediss://). Unset: per process. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Requests per second per credential, unless the API key has its own rate; 0 = unlimited. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(1000000)
  RATE_LIMIT_PER_SECOND = 1000;

  /** Failed authentications per client address per minute before that address gets 429. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000000)
  AUTH_FAILURES_PER_MINUTE = 30;

  /** Whether (and which) proxies' X-Forwarded-For to believe for the client address: false, true, a hop count, or addresses/subnets. */
  @IsOptional()
  @Matches(
    /^(true|false|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?))*)$/,
    {
      message:
        'TRUST_PROXY must be false, true, a number of hops, or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal',
    },
  )
  TRUST_PROXY = 'false';

  /** Prefix of the rate limiters' keys in Redis (several deployments may share one Redis). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, { message: 'RATE_LIMIT_KEY_PREFIX must be 1-64 of A-Z a-z 0-9 _ . : -' })
  RATE_LIMIT_KEY_PREFIX = 'dino-wallet';

  /** How long a verified API key (or a refused secret) is trusted without asking the database again. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5000)
  API_KEY_CACHE_TTL_MS = 2000;
}

/** Thrown with a one-line, human-readable reason when the configuration is unusable. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** Public, so only for the embedded development database (no DATABASE_URL). */
const DEFAULT_CURSOR_SECRET = 'dino-wallet-cursor-integrity-v1';
/** Never echoed in an error message. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set(['CURSOR_SECRET', 'API_MASTER_KEY', 'REDIS_URL']);

export interface LoadConfigOptions {
  /**
   * Refuse a DATABASE_URL without the secrets a deployment must set (CURSOR_SECRET). True for the
   * service; false for operator commands that serve nothing (migrate, seed, verify, openapi) and for
   * cluster workers, whose supervisor has checked the same environment.
   */
  readonly requireSecrets?: boolean;
}

/**
 * Validates the environment and returns the typed configuration, or throws a
 * {@link ConfigurationError} naming every bad variable on one line.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): AppConfig {
  const present = Object.fromEntries(
    Object.keys(new EnvironmentVariables())
      .concat(['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'CURSOR_SECRET', 'API_MASTER_KEY', 'REDIS_URL'])
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const vars = plainToInstance(EnvironmentVariables, present);
  const problems = validateSync(vars, { skipMissingProperties: false }).map((e) => {
    const reason = Object.values(e.constraints ?? {})[0] ?? 'is invalid';
    const shown = SECRET_VARIABLES.has(e.property) ? 'a hidden value' : JSON.stringify(env[e.property]);
    return `${e.property} ${reason.replace(/^\S+\s/, '')} (got ${shown})`;
  });
  for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL'] as const) {
    const problem = vars[name] === undefined ? undefined : checkDatabaseUrl(name, vars[name]);
    if (problem) problems.push(problem);
  }
  // Outside development the built-in cursor key (public, in this repository) would let anyone
  // forge history cursors: a deployment sets its own.
  if (vars.DATABASE_URL !== undefined && (options.requireSecrets ?? true) && vars.CURSOR_SECRET === undefined) {
    problems.push(
      `CURSOR_SECRET is required when DATABASE_URL is set (the built-in key is public, for the embedded development database only): ` +
        `set ${MIN_SECRET_LENGTH} or more random characters, e.g. CURSOR_SECRET=$(openssl rand -hex 32)`,
    );
  }
  if (problems.length === 0 && vars.HTTP_HEADERS_TIMEOUT_MS > vars.HTTP_REQUEST_TIMEOUT_MS) {
    problems.push(
      `HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS (got ${vars.HTTP_HEADERS_TIMEOUT_MS} > ${vars.HTTP_REQUEST_TIMEOUT_MS})`,
    );
  }
  if (vars.MIGRATION_DATABASE_URL !== undefined && vars.DATABASE_URL === undefined) {
    problems.push('MIGRATION_DATABASE_URL needs DATABASE_URL (the embedded PostgreSQL has one role)');
  }
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return {
    http: {
      port: vars.PORT,
      host: vars.HOST,
      shutdownGraceMs: vars.SHUTDOWN_GRACE_MS,
      workers: vars.HTTP_WORKERS,
      headersTimeoutMs: vars.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: vars.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: vars.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    database: {
      url: vars.DATABASE_URL,
      pooler: vars.DATABASE_POOLER,
      migrationUrl: vars.MIGRATION_DATABASE_URL,
      poolSize: vars.DATABASE_POOL_SIZE,
      connectTimeoutMs: vars.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: vars.DATABASE_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: vars.DATABASE_LOCK_TIMEOUT_MS,
      migrationStatementTimeoutMs: vars.MIGRATION_STATEMENT_TIMEOUT_MS,
      startupTimeoutMs: vars.DATABASE_STARTUP_TIMEOUT_MS,
      autoSetup: vars.DB_AUTO_SETUP,
    },
    embedded: { port: vars.EMBEDDED_PG_PORT, dataDir: vars.EMBEDDED_PG_DIR, startTimeoutMs: vars.EMBEDDED_PG_START_TIMEOUT_MS },
    ledger: {
      maxBatchSize: vars.LEDGER_MAX_BATCH_SIZE,
      maxQueue: vars.LEDGER_MAX_QUEUE,
      batchConcurrency: vars.LEDGER_BATCH_CONCURRENCY,
      maxAttempts: vars.LEDGER_MAX_ATTEMPTS,
      verifyStatementTimeoutMs: vars.LEDGER_VERIFY_STATEMENT_TIMEOUT_MS,
      transferDailyLimit: parseTransferDailyLimit(vars.TRANSFER_DAILY_LIMIT),
      holdExpiryIntervalMs: vars.HOLD_EXPIRY_INTERVAL_MS,
    },
    idempotency: {
      retentionHours: vars.IDEMPOTENCY_RETENTION_HOURS,
      waitMs: vars.IDEMPOTENCY_WAIT_MS,
      purgeIntervalMs: vars.IDEMPOTENCY_PURGE_INTERVAL_MS,
      purgeBatchSize: vars.IDEMPOTENCY_PURGE_BATCH_SIZE,
    },
    log: { level: vars.LOG_LEVEL, format: vars.LOG_FORMAT },
    auth: { masterKey: vars.API_MASTER_KEY, cacheTtlMs: vars.API_KEY_CACHE_TTL_MS },
    rateLimits: {
      redisUrl: vars.REDIS_URL,
      perSecond: vars.RATE_LIMIT_PER_SECOND,
      authFailuresPerMinute: vars.AUTH_FAILURES_PER_MINUTE,
      trustProxy: parseTrustProxy(vars.TRUST_PROXY),
      keyPrefix: vars.RATE_LIMIT_KEY_PREFIX,
    },
    cursorSecret: vars.CURSOR_SECRET ?? DEFAULT_CURSOR_SECRET,
  };
}

/** `5000` (every asset) or `GOLD:1000,DIAMOND:50` (those assets only); the format was validated. */
export function parseTransferDailyLimit(value: string | undefined): TransferDailyLimit {
  if (value === undefined) return { default: null, perAsset: new Map() };
  if (!value.includes(':')) return { default: BigInt(value), perAsset: new Map() };
  return {
    default: null,
    perAsset: new Map(value.split(',').map((pair) => [pair.split(':')[0], BigInt(pair.split(':')[1])] as const)),
  };
}

/** Express's `trust proxy` setting: a boolean, a hop count, or a list of addresses and subnets. */
function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

function checkDatabaseUrl(name: string, raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `${name} must be a URL such as postgres://user:password@host:5432/dbname (got an unparsable value)`;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return `${name} must use the postgres:// or postgresql:// scheme (got "${url.protocol}")`;
  }
  if (!url.hostname && !url.searchParams.get('host')) return `${name} must name a host`;
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode && !['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'].includes(sslmode)) {
    return `${name} has an unknown sslmode "${sslmode}"`;
  }
  const rootCert = url.searchParams.get('sslrootcert');
  if (rootCert && !existsSync(rootCert)) {
    return `${name} names sslrootcert=${rootCert}, which does not exist (mount the database's CA certificate there)`;
  }
  return undefined;
}
