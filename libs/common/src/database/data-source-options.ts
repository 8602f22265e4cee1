import { MIGRATIONS } from '@app/database';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { TimeoutAwareClient } from './timeout-aware-client';

export const MIGRATIONS_TABLE = 'schema_migrations';

/**
 * Connection options shared by the service, the CLI and the tests. Every session gets server-side
 * timeouts so that no request can hang on a lock or a slow statement, a client-side timeout for
 * answers lost in the network, and the pool gives up on a connection attempt quickly when the
 * database is unreachable (the request then gets a 503).
 */
export function buildDataSourceOptions(db: DatabaseConfig): DataSourceOptions {
  if (!db.url) throw new Error('DATABASE_URL is not set and no embedded PostgreSQL was started');
  return {
    type: 'postgres',
    url: db.url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    logging: false,
    extra: {
      max: db.poolSize,
      connectionTimeoutMillis: db.connectTimeoutMs,
      idleTimeoutMillis: 30000,
      statement_timeout: db.statementTimeoutMs,
      lock_timeout: db.lockTimeoutMs,
      // Client side: an answer that never comes (a partition) fails the query instead of hanging.
      query_timeout: db.statementTimeoutMs + 1000,
      Client: TimeoutAwareClient,
      // Statements sent without awaiting the previous ones go out together (see
      // PipelinedTransaction); code that awaits each statement behaves exactly as before.
      pipeline: true,
      idle_in_transaction_session_timeout: Math.max(db.statementTimeoutMs * 2, 10000),
      application_name: 'dino-wallet',
      // Prepared statements save parsing, but a generic plan made while a table was small (a fresh
      // database) stays a sequential scan as the table grows: plan every execution with the
      // actual sizes. Planning costs ~0.1-0.2 ms per batch statement; a stale plan grew to
      // milliseconds per batch (measured: 150 M tuples read by 3,800 batches).
      options: '-c plan_cache_mode=force_custom_plan',
      keepAlive: true,
    },
  };
}
