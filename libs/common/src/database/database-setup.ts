import { runInitialSeed } from '@app/database';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { buildDataSourceOptions, MIGRATIONS_TABLE } from './data-source-options';

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

/**
 * Brings a database to the current schema and seed. Several replicas starting at once serialise
 * on a session-level advisory lock, so exactly one applies each migration and the others find the
 * work done. Both steps are idempotent.
 */
export async function setupDatabase(db: DatabaseConfig, options: SetupOptions): Promise<SetupResult> {
  const log = options.log ?? (() => undefined);
  const dataSource = new DataSource({ ...buildDataSourceOptions({ ...db, poolSize: 2 }), entities: [] });
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SET lock_timeout = 0');
    await lock.query('SET statement_timeout = 0');
    await lock.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
    const applied = options.migrate ? await dataSource.runMigrations({ transaction: 'each' }) : [];
    for (const m of applied) log(`applied migration ${m.name}`);
    if (options.seed) {
      await lock.startTransaction();
      await runInitialSeed(lock);
      await lock.commitTransaction();
    }
    await lock.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK_KEY]);
    return { appliedMigrations: applied.map((m) => m.name) };
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}

/** Names of the migrations the database has not applied yet (empty when it is up to date). */
export async function pendingMigrations(db: DatabaseConfig): Promise<string[]> {
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
}
