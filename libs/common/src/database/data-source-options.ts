import { MIGRATIONS } from '@app/database';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { TimeoutAwareClient } from './timeout-aware-client';
import { TransactionPoolerClient, TransactionSettings } from './transaction-pooler-client';

export const MIGRATIONS_TABLE = 'schema_migrations';

export interface ConnectionHooks {
  /** Every error a server sends on any of the pool's connections (see DatabaseFaultMonitor). */
  readonly onServerError?: (code: string, message: string) => void;
}

/**
 * Connection options shared by the service, the CLI and the tests. Every transaction runs with
 * server-side timeouts so that no request can hang on a lock or a slow statement, a client-side
 * timeout catches answers lost in the network, and the pool gives up on a connection attempt
 * quickly when the database is unreachable (the request then gets a 503).
 *
 * With direct connections (DATABASE_POOLER=none) the timeouts are session settings sent as
 * startup parameters, and statements are named prepared statements (planned once per
 * connection). Behind a transaction-mode pooler (DATABASE_POOLER=transaction) there are no
 * startup parameters and no named statements: see {@link TransactionPoolerClient}.
 */
export function buildDataSourceOptions(db: DatabaseConfig, hooks: ConnectionHooks = {}): DataSourceOptions {
  if (!db.url) throw new Error('DATABASE_URL is not set and no embedded PostgreSQL was started');
  return {
    type: 'postgres',
    url: normalizeSslMode(db.url),
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    logging: false,
    // The schema belongs to the migrations (and the runtime role may not CREATE EXTENSION).
    installExtensions: false,
    extra: {
      max: db.poolSize,
      connectionTimeoutMillis: db.connectTimeoutMs,
      idleTimeoutMillis: 30000,
      // Client side: an answer that never comes (a partition) fails the query instead of hanging.
      query_timeout: db.statementTimeoutMs > 0 ? db.statementTimeoutMs + 1000 : undefined,
      // Statements sent without awaiting the previous ones go out together (see
      // PipelinedTransaction); code that awaits each statement behaves exactly as before.
      pipeline: true,
      application_name: 'dino-wallet',
      keepAlive: true,
      onServerError: hooks.onServerError,
      ...sessionOptions(db),
    },
  };
}

function sessionOptions(db: DatabaseConfig): Record<string, unknown> {
  const settings: TransactionSettings = {
    statementTimeoutMs: db.statementTimeoutMs,
    lockTimeoutMs: db.lockTimeoutMs,
    idleInTransactionTimeoutMs: Math.max(db.statementTimeoutMs * 2, 10000),
  };
  if (db.pooler === 'transaction') {
    // Unnamed statements get a plan made for their actual parameters every time already.
    return { Client: TransactionPoolerClient, transactionSettings: settings };
  }
  return {
    Client: TimeoutAwareClient,
    statement_timeout: settings.statementTimeoutMs,
    lock_timeout: settings.lockTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    // Prepared statements save parsing, but a generic plan made while a table was small (a fresh
    // database) stays a sequential scan as the table grows: plan every execution with the
    // actual sizes. Planning costs ~0.1-0.2 ms per batch statement; a stale plan grew to
    // milliseconds per batch (measured: 150 M tuples read by 3,800 batches).
    options: '-c plan_cache_mode=force_custom_plan',
  };
}

/**
 * Options for the set-up session (migrations, seed, grants, the set-up lock): the migration
 * connection when there is one (direct, so session-level), with the migration statement timeout
 * and no lock timeout, so that waiting for another replica's set-up or for a table lock does not
 * fail like a request would. The client-side read timeout follows the migration timeout.
 */
export function buildSetupDataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  return buildDataSourceOptions(setupConnection(db));
}

/** The connection the set-up uses, as a DatabaseConfig of its own. */
export function setupConnection(db: DatabaseConfig): DatabaseConfig {
  return {
    ...db,
    url: db.migrationUrl ?? db.url,
    pooler: db.migrationUrl ? 'none' : db.pooler,
    poolSize: 2,
    statementTimeoutMs: db.migrationStatementTimeoutMs,
    lockTimeoutMs: 0,
  };
}

/**
 * node-postgres 8 treats sslmode `prefer`, `require` and `verify-ca` as `verify-full` (the server
 * certificate is verified and must name the host) and prints a multi-line security warning on
 * every start to say so. Saying `verify-full` ourselves keeps that exact behaviour, quietly.
 * (`no-verify` encrypts without verifying; `disable` does not encrypt.)
 */
export function normalizeSslMode(url: string): string {
  return url.replace(/([?&]sslmode=)(prefer|require|verify-ca)(?=&|$)/, '$1verify-full');
}
