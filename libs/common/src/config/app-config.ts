/** Typed configuration of the service, built once at start-up from validated environment variables. */
export interface AppConfig {
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly shutdownGraceMs: number;
    /** Processes serving HTTP (Node cluster); 1 serves from the main process. */
    readonly workers: number;
    /** A client must send a request's headers within this (a silent or slow connection is closed). */
    readonly headersTimeoutMs: number;
    /** A client must send a whole request, body included, within this. */
    readonly requestTimeoutMs: number;
    /** An idle keep-alive connection is closed after this. */
    readonly keepAliveTimeoutMs: number;
  };
  readonly database: DatabaseConfig;
  readonly embedded: {
    readonly port: number;
    readonly dataDir: string;
    /** How long to wait for the embedded PostgreSQL (ours or a running one) to accept connections. */
    readonly startTimeoutMs: number;
  };
  readonly ledger: {
    /** Most postings one database transaction may carry (group commit). */
    readonly maxBatchSize: number;
    /** Most postings that may wait for a batch; beyond it writes get 503 (back-pressure). */
    readonly maxQueue: number;
    /** Batches in flight at once: while one holds the hot rows, the next prepares (and batches on disjoint accounts run in parallel). */
    readonly batchConcurrency: number;
    /** Attempts of a whole batch on deadlock / serialization failure. */
    readonly maxAttempts: number;
    /** statement_timeout of the verification's own connection. */
    readonly verifyStatementTimeoutMs: number;
    /** TRANSFER_DAILY_LIMIT: the most a user may send per asset and UTC day (null: unlimited). */
    readonly transferDailyLimit: TransferDailyLimit;
    /** How often a process looks for holds past their expiry. */
    readonly holdExpiryIntervalMs: number;
  };
  readonly idempotency: {
    readonly retentionHours: number;
    /** How long a duplicate waits for the in-flight original before answering 409. */
    readonly waitMs: number;
    readonly purgeIntervalMs: number;
    readonly purgeBatchSize: number;
  };
  readonly log: {
    readonly level: LogLevel;
    /** `auto`: readable lines when the output is a terminal, JSON lines otherwise. */
    readonly format: LogFormat;
  };
  readonly auth: {
    /** API_MASTER_KEY (holds every scope); undefined: API keys only. */
    readonly masterKey: string | undefined;
    /** How long a verified key is cached per process (revocations take at most this long to reach every replica). */
    readonly cacheTtlMs: number;
  };
  readonly rateLimits: {
    /** Counters shared by every replica; undefined: each process counts alone. */
    readonly redisUrl: string | undefined;
    /** The default rate of a credential (requests per second); 0 = unlimited. */
    readonly perSecond: number;
    readonly authFailuresPerMinute: number;
    /** Express's `trust proxy`: which X-Forwarded-For to believe for the client address. */
    readonly trustProxy: boolean | number | string;
    readonly keyPrefix: string;
  };
  readonly cursorSecret: string;
}

/** A limit for every asset (`default`), or per asset; an asset without one is unlimited. */
export interface TransferDailyLimit {
  readonly default: bigint | null;
  readonly perAsset: ReadonlyMap<string, bigint>;
}

export interface DatabaseConfig {
  /** Undefined only before the embedded PostgreSQL has been started. */
  readonly url: string | undefined;
  /**
   * What sits between the service and PostgreSQL. `none`: direct connections (session settings
   * as startup parameters, named prepared statements). `transaction`: a transaction-mode pooler
   * (PgBouncer, Neon's or Supabase's pooled URL): no startup parameters, timeouts set per
   * transaction, unnamed statements, no session state.
   */
  readonly pooler: DatabasePooler;
  /** A direct connection for migrations, the seed and the set-up lock (the tables' owner); else `url`. */
  readonly migrationUrl: string | undefined;
  readonly poolSize: number;
  readonly connectTimeoutMs: number;
  readonly statementTimeoutMs: number;
  readonly lockTimeoutMs: number;
  /** statement_timeout of the set-up and migration session (0: none). */
  readonly migrationStatementTimeoutMs: number;
  /** How long start-up waits for an unreachable database before giving up. */
  readonly startupTimeoutMs: number;
  readonly autoSetup: boolean;
}

export const DATABASE_POOLERS = ['none', 'transaction'] as const;
export type DatabasePooler = (typeof DATABASE_POOLERS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
