import { runInitialSeed } from '@app/database';
import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { ConnectionLabel, onConnection } from './connection-errors';
import { buildDataSourceOptions, buildSetupDataSourceOptions, MIGRATIONS_TABLE, setupConnection } from './data-source-options';
import { applyRuntimeGrants, runtimeRoleOf } from './runtime-role';

/** Arbitrary but fixed: every replica of the service takes this advisory lock to set up. */
const SETUP_LOCK_KEY = 4_478_300_112_002;

export interface SetupResult {
  readonly appliedMigrations: readonly string[];
}

export interface SetupOptions {
  readonly migrate: boolean;
  readonly seed: boolean;
  readonly log?: (message: string) => void;
}

type SetupStep = (runner: QueryRunner, migrationTransactions: 'each' | 'all') => Promise<string[]>;

/**
 * Brings a database to the current schema and seed, and sets the runtime role's privileges (when
 * the service logs in as a role other than the migrations'). Several replicas starting at once
 * serialise on an advisory lock, so exactly one applies each migration and the others find the
 * work done; every step is idempotent.
 *
 * The set-up runs on MIGRATION_DATABASE_URL when it is set (else DATABASE_URL), with the migration
 * statement timeout and no lock timeout, so waiting for another replica's set-up does not fail.
 * On a session of its own (a direct connection) it holds a session-level lock and runs each
 * migration in its own transaction. Through a transaction-mode pooler there is no session to hold
 * a lock across transactions: everything then runs in one transaction under a transaction-level
 * lock, which can never be left behind.
 */
export async function setupDatabase(db: DatabaseConfig, options: SetupOptions): Promise<SetupResult> {
  const log = options.log ?? (() => undefined);
  const connection = setupConnection(db);
  const label: ConnectionLabel = db.migrationUrl ? 'MIGRATION_DATABASE_URL' : 'DATABASE_URL';
  // The service's own role, when it differs from the migrations' (asked before taking the lock).
  const runtimeRole = options.migrate && db.migrationUrl ? await runtimeRoleOf(db) : undefined;

  const step: SetupStep = async (runner, migrationTransactions) => {
    const executor = new MigrationExecutor(runner.connection, runner);
    executor.transaction = migrationTransactions;
    const applied = options.migrate ? await executor.executePendingMigrations() : [];
    for (const m of applied) log(`applied migration ${m.name}`);
    await inTransaction(runner, async () => {
      if (options.seed) await runInitialSeed(runner);
      if (runtimeRole !== undefined) await grantRuntimeRole(runner, runtimeRole, log);
    });
    return applied.map((m) => m.name);
  };

  return onConnection(label, connection.url ?? '', async () => {
    const dataSource = new DataSource({ ...buildSetupDataSourceOptions(db), entities: [] });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    try {
      await runner.connect();
      const timeout = Math.trunc(connection.statementTimeoutMs);
      const applied =
        connection.pooler === 'none'
          ? await withSessionLock(runner, timeout, step)
          : await withTransactionLock(runner, timeout, step);
      return { appliedMigrations: applied };
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
  });
}

async function withSessionLock(runner: QueryRunner, statementTimeoutMs: number, step: SetupStep): Promise<string[]> {
  await runner.query(`SET statement_timeout = ${statementTimeoutMs}`);
  await runner.query('SET lock_timeout = 0');
  await runner.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
  try {
    return await step(runner, 'each');
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK_KEY]).catch(() => undefined);
  }
}

async function withTransactionLock(runner: QueryRunner, statementTimeoutMs: number, step: SetupStep): Promise<string[]> {
  return inTransaction(runner, async () => {
    await runner.query(`SET LOCAL statement_timeout = ${statementTimeoutMs}`);
    await runner.query('SET LOCAL lock_timeout = 0');
    await runner.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK_KEY]);
    return step(runner, 'all');
  });
}

/** Runs `work` in a transaction of the runner (a savepoint when one is open already). */
async function inTransaction<T>(runner: QueryRunner, work: () => Promise<T>): Promise<T> {
  await runner.startTransaction();
  try {
    const result = await work();
    await runner.commitTransaction();
    return result;
  } catch (error) {
    await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  }
}

async function grantRuntimeRole(runner: QueryRunner, role: string, log: (message: string) => void): Promise<void> {
  const [{ owner }] = (await runner.query('SELECT current_user AS owner')) as Array<{ owner: string }>;
  if (owner === role) {
    log(`DATABASE_URL and MIGRATION_DATABASE_URL log in as the same role (${role}): the service owns the tables`);
    return;
  }
  await applyRuntimeGrants(runner, role, log);
}

/** Names of the migrations the database has not applied yet (empty when it is up to date). */
export async function pendingMigrations(db: DatabaseConfig): Promise<string[]> {
  return onConnection('DATABASE_URL', db.url ?? '', async () => {
    const dataSource = new DataSource({ ...buildDataSourceOptions({ ...db, poolSize: 2 }), entities: [] });
    await dataSource.initialize();
    try {
      const applied = new Set<string>();
      const table = await dataSource.query(`SELECT to_regclass($1) AS t`, [MIGRATIONS_TABLE]);
      if (table[0]?.t) {
        for (const row of (await dataSource.query(`SELECT name FROM ${MIGRATIONS_TABLE}`)) as Array<{ name: string }>) {
          applied.add(row.name);
        }
      }
      return dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((name) => !applied.has(name));
    } finally {
      await dataSource.destroy();
    }
  });
}
