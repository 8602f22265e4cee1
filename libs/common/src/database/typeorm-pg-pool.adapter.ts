import type { Pool, PoolClient } from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The one place that reaches into TypeORM's internals. The write path speaks node-postgres
 * directly (pipelined statements, named prepared statements: see PipelinedTransaction), but on
 * TypeORM's own connections, so that the service has one pool, one set of connection options and
 * one place where connections are counted. TypeORM has no public API for that, so this file relies
 * on three things of its PostgreSQL driver (checked against typeorm 1.1.1):
 *
 * - `dataSource.driver.master` is the node-postgres `Pool` the driver created (a public field typed
 *   `any`, undocumented);
 * - `QueryRunner.connect()` resolves to the node-postgres client it checked out of that pool (typed
 *   `any`);
 * - the private `PostgresQueryRunner.releasePostgresConnection(error)` hands that client back to
 *   the pool with the error, so that the pool discards it instead of reusing it (`release()`
 *   cannot pass an error).
 *
 * test/integration/typeorm-adapter.int-spec.ts fails when a TypeORM upgrade changes any of them.
 */

/** TypeORM's node-postgres pool under an initialized PostgreSQL DataSource. */
export function typeormPgPool(dataSource: DataSource): Pool {
  const pool = typeormPgPoolIfConnected(dataSource);
  if (!pool) throw new Error('the DataSource is not connected to PostgreSQL');
  return pool;
}

/** The same pool, or undefined while the DataSource is not connected (before start-up, after shutdown). */
export function typeormPgPoolIfConnected(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as unknown as { master?: Pool }).master;
}

/** A connection of TypeORM's pool, checked out through a QueryRunner, as node-postgres's client. */
export interface PgConnection {
  readonly client: PoolClient;
  /** Hands the connection back to the pool; with an error, the pool discards it instead of reusing it. */
  release(error?: unknown): Promise<void>;
}

/** Checks a connection out of TypeORM's pool (waiting for one like any TypeORM query would). */
export async function checkOutPgConnection(dataSource: DataSource): Promise<PgConnection> {
  const runner: QueryRunner = dataSource.createQueryRunner();
  let client: PoolClient;
  try {
    client = (await runner.connect()) as PoolClient;
  } catch (error) {
    await runner.release();
    throw error;
  }
  return {
    client,
    release: async (error?: unknown) => {
      const releaseWithError = (runner as unknown as { releasePostgresConnection?: (e?: unknown) => Promise<void> })
        .releasePostgresConnection;
      await (error && releaseWithError ? releaseWithError.call(runner, error) : runner.release());
    },
  };
}
