import { buildDataSourceOptions, loadAppConfig } from '@app/common';
import { TimeoutAwareClient } from '@app/common/database/timeout-aware-client';
import { checkOutPgConnection, typeormPgPool, typeormPgPoolIfConnected } from '@app/common/database/typeorm-pg-pool.adapter';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { TEST_CURSOR_SECRET } from '../support/auth';
import { TestDatabase } from '../support/test-database';

/**
 * The write path runs node-postgres on TypeORM's own pool, reached through TypeORM internals that
 * libs/common/src/database/typeorm-pg-pool.adapter.ts alone relies on. These tests fail when a
 * TypeORM upgrade moves them: the driver's `master` pool, the client a QueryRunner checks out, and
 * the private `releasePostgresConnection` that hands a broken connection back to be discarded.
 */
describe('TypeORM pg pool adapter', () => {
  let db: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await TestDatabase.create();
    // One connection: whatever TypeORM and the adapter run must then share it.
    const config = loadAppConfig({ DATABASE_URL: db.url, CURSOR_SECRET: TEST_CURSOR_SECRET });
    dataSource = new DataSource({ ...buildDataSourceOptions({ ...config.database, poolSize: 1 }), entities: [] });
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const backendPid = 'SELECT pg_backend_pid() AS pid';
  const pidOf = async (query: Promise<{ rows: Array<{ pid: number }> }>) => (await query).rows[0].pid;

  it("returns TypeORM's node-postgres pool, whose clients are the configured connection class", async () => {
    const pool = typeormPgPool(dataSource);
    expect(pool).toBeInstanceOf(Pool);
    expect(typeof pool.connect).toBe('function');
    expect(typeof pool.query).toBe('function');
    expect(typeof pool.totalCount).toBe('number');
    const client = await pool.connect();
    try {
      expect(client).toBeInstanceOf(TimeoutAwareClient);
      expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      client.release();
    }
  });

  it('is the pool TypeORM itself queries through', async () => {
    const pool = typeormPgPool(dataSource);
    const [{ pid: viaTypeorm }] = (await dataSource.query(backendPid)) as Array<{ pid: number }>;
    expect(await pidOf(pool.query(backendPid))).toBe(viaTypeorm);
    expect(pool.totalCount).toBe(1);
  });

  it('reports no pool before the DataSource is initialized and after it is destroyed', async () => {
    const other = new DataSource({ ...dataSource.options });
    expect(typeormPgPoolIfConnected(other)).toBeUndefined();
    expect(() => typeormPgPool(other)).toThrow('not connected');
    await other.initialize();
    expect(typeormPgPoolIfConnected(other)).toBeInstanceOf(Pool);
    await other.destroy();
    expect(typeormPgPoolIfConnected(other)).toBeUndefined();
  });

  it("checks out a connection of TypeORM's pool through a QueryRunner and hands it back for reuse", async () => {
    const pool = typeormPgPool(dataSource);
    const connection = await checkOutPgConnection(dataSource);
    const pid = await pidOf(connection.client.query(backendPid));
    expect(pool.idleCount).toBe(0);
    // Named prepared statements are what the write path sends.
    expect((await connection.client.query({ name: 'adapter_probe', text: 'SELECT $1::int AS i', values: [7] })).rows).toEqual([
      { i: 7 },
    ]);
    await connection.release();
    expect(pool.idleCount).toBe(1);
    expect(await pidOf(pool.query(backendPid))).toBe(pid);
  });

  it('discards a connection handed back with an error (releasePostgresConnection), so the pool opens a new one', async () => {
    const pool = typeormPgPool(dataSource);
    const connection = await checkOutPgConnection(dataSource);
    const pid = await pidOf(connection.client.query(backendPid));
    await connection.release(new Error('connection broke'));
    expect(pool.totalCount).toBe(0);
    expect(await pidOf(pool.query(backendPid))).not.toBe(pid);
  });
});
