import { buildDataSourceOptions, loadAppConfig, typeormPgPool } from '@app/common';
import { MIGRATIONS, SEED_ASSETS } from '@app/database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TEST_CURSOR_SECRET } from '../support/auth';
import { withDatabase } from '../support/global-setup';
import { getJson, inParallel, postJson } from '../support/http-json';
import { ledgerViolations } from '../support/ledger-invariants';
import { PgBouncer } from '../support/pgbouncer';
import { expectNoLeak } from '../support/problem-assertions';
import { mixedBurst, spawnTogether, stopAll } from '../support/service-group';
import { launchService, spawnService } from '../support/spawned-service';
import { TestDatabase, withAdminClient } from '../support/test-database';
import { fileDatabasePrefix, TEST_ENV } from '../support/test-run';
import { WalletClient } from '../support/wallet-client';

const SEED = Number(process.env.PGBOUNCER_SEED ?? Date.now() % 1_000_000);
const POOLED = { DATABASE_POOLER: 'transaction' };
const adminUrl = (): string => process.env[TEST_ENV.adminUrl] ?? '';

async function emptyDatabase(label: string): Promise<{ name: string; url: string; drop: () => Promise<unknown> }> {
  const name = `${fileDatabasePrefix(process.env[TEST_ENV.runId] ?? '')}${label}_${randomBytes(4).toString('hex')}`;
  await withAdminClient((admin) => admin.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(adminUrl(), name),
    drop: () => withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

/**
 * Debian's PgBouncer 1.18 in transaction pooling mode with its stock settings (no
 * ignore_startup_parameters; 1.18 has no prepared-statement support at all) in front of the test
 * PostgreSQL: the service with DATABASE_POOLER=transaction must work through it exactly as directly.
 */
describe('Behind PgBouncer in transaction pooling mode (stock settings)', () => {
  let bouncer: PgBouncer;

  beforeAll(async () => {
    bouncer = await PgBouncer.start(adminUrl());
  }, 30000);
  afterAll(() => bouncer?.stop());

  it(`two services set up an empty database through it (one schema, one seed, no advisory lock left), share a mixed burst with no 5xx, and verify (seed ${SEED})`, async () => {
    const db = await emptyDatabase('bouncer');
    const services = await spawnTogether(
      2,
      { ...POOLED, DATABASE_URL: bouncer.route(db.url), LOG_LEVEL: 'info', DATABASE_POOL_SIZE: '6' },
      90000,
    );
    const direct = new Client({ connectionString: db.url });
    await direct.connect();
    try {
      const applied = services.map((s) => (s.output().match(/applied migration/g) ?? []).length);
      expect(applied.sort()).toEqual([0, MIGRATIONS.length]);
      const migrations = await direct.query(
        `SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name ORDER BY max(timestamp)`,
      );
      expect(migrations.rows).toEqual(MIGRATIONS.map((m) => ({ name: new m().name, n: 1 })));
      expect((await direct.query(`SELECT code FROM assets ORDER BY code`)).rows.map((r) => r.code)).toEqual(
        SEED_ASSETS.map((a) => a.code).sort(),
      );
      expect((await direct.query(`SELECT count(*)::int AS n FROM users`)).rows[0].n).toBe(2);
      expect((await direct.query(`SELECT count(*)::int AS n FROM accounts WHERE kind = 'SYSTEM'`)).rows[0].n).toBe(6);
      const advisory = `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = $1`;
      expect((await direct.query(advisory, [db.name])).rows[0].n).toBe(0);

      const [a, b] = services.map((s) => s.url);
      const users: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await postJson(i % 2 ? b : a, '/v1/users', { username: `pgb_${SEED}_${i}` });
        expect(res.status).toBe(201);
        users.push(String(res.body.id));
      }
      const burst = await mixedBurst([a, b], users, async (sql, params) => (await direct.query(sql, params)).rows, {
        seed: SEED,
        operations: 400,
        inFlight: 32,
        label: 'pgb',
      });
      // Reads go through the pooler too, on both services, at the same time as each other.
      const reads = await Promise.all(
        users.flatMap((u) => [a, b].map((url) => getJson(url, `/v1/users/${u}/transactions?limit=5`))),
      );

      const summary = `statuses ${JSON.stringify(Object.fromEntries(burst.tally.statuses))}, retries ${burst.tally.retries}`;
      expect({
        unexpected: burst.tally.unexpected,
        unsettled: burst.unsettled,
        ledger: burst.ledger.violations,
        journals: burst.journalProblems,
      }).toEqual({
        unexpected: [],
        unsettled: [],
        ledger: [],
        journals: [],
      });
      expect({ fiveHundreds: [...burst.tally.statuses.keys()].filter((s) => s >= 500), summary }).toEqual({
        fiveHundreds: [],
        summary,
      });
      expect(reads.map((r) => r.status)).toEqual(reads.map(() => 200));
      expect(burst.ledger.accepted).toBeGreaterThan(200);
      const expected = burst.ledger.expectedBalances();
      for (const [i, user] of users.entries()) {
        const res = await getJson(services[i % 2].url, `/v1/users/${user}/balances`);
        const gold = (res.body.balances as Array<{ assetCode: string; balance: string }>).find(
          (x) => x.assetCode === 'GOLD',
        )?.balance;
        expect({ user, gold }).toEqual({ user, gold: (expected.get(user)?.get('GOLD') ?? 0n).toString() });
      }
      expect((await getJson(b, '/v1/ledger/verify')).body.ok).toBe(true);
      expect(await ledgerViolations({ query: async (sql: string) => (await direct.query(sql)).rows })).toEqual([]);
      expect((await direct.query(advisory, [db.name])).rows[0].n).toBe(0);
      process.stdout.write(`pgbouncer burst: ${burst.ledger.accepted} accepted, ${burst.ledger.rejected} rejected, ${summary}\n`);
    } finally {
      await direct.end();
      await stopAll(services);
      await db.drop();
    }
  }, 240000);

  it('keeps the lock timeout: a write on an account another session holds answers 503 after DATABASE_LOCK_TIMEOUT_MS, and no session keeps waiting', async () => {
    const db = await TestDatabase.create();
    const service = await spawnService({
      ...POOLED,
      DATABASE_URL: bouncer.route(db.url),
      DATABASE_LOCK_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '20000',
    });
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    try {
      const client = new WalletClient(service.url);
      const alice = await client.givenUserWithBalance(100n);
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM accounts WHERE user_id = $1 AND asset_code = 'GOLD' FOR UPDATE`, [alice]);

      const started = Date.now();
      const res = await postJson(
        service.url,
        '/v1/spend',
        { userId: alice, assetCode: 'GOLD', amount: 10 },
        { key: `held-${Date.now()}` },
      );
      const ms = Date.now() - started;
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      // The server gave up after lock_timeout (1 s), not after the 20 s statement timeout or the
      // client's 21 s read timeout: SET LOCAL lock_timeout reached the server session.
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(10000);
      const waiting = await db.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      expect(waiting).toEqual([]);

      await holder.query('ROLLBACK');
      const retried = await postJson(
        service.url,
        '/v1/spend',
        { userId: alice, assetCode: 'GOLD', amount: 10 },
        { key: `held-retry-${Date.now()}` },
      );
      expect(retried.status).toBe(201);
    } finally {
      await holder.end();
      service.child.kill('SIGTERM');
      await service.exited;
      await db.drop();
    }
  }, 90000);

  it('gives every statement, inside a transaction or not, the configured timeouts, and sends no named prepared statement', async () => {
    const db = await TestDatabase.create();
    const config = loadAppConfig({
      ...POOLED,
      DATABASE_URL: bouncer.route(db.url),
      CURSOR_SECRET: TEST_CURSOR_SECRET,
      DATABASE_LOCK_TIMEOUT_MS: '1234',
      DATABASE_STATEMENT_TIMEOUT_MS: '4321',
    });
    const dataSource = new DataSource({ ...buildDataSourceOptions(config.database), entities: [] });
    await dataSource.initialize();
    try {
      const setting = `SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
      const expected = { lock: '1234ms', statement: '4321ms', idle: '10s' };
      expect((await dataSource.query(setting))[0]).toEqual(expected);
      expect(await dataSource.transaction((m) => m.query(setting))).toEqual([expected]);
      expect(
        await dataSource.transaction('REPEATABLE READ', (m) =>
          m.query(`${setting}, current_setting('transaction_isolation') AS iso`),
        ),
      ).toEqual([{ ...expected, iso: 'repeatable read' }]);
      // The settings are transaction-local: a plain SHOW (not wrapped) sees the server's defaults.
      expect(await dataSource.query('SHOW lock_timeout')).toEqual([{ lock_timeout: '0' }]);
      // One statement name from many pool connections at once: every one answers (a named
      // prepared statement would be "already there" or "missing" on the shared server sessions).
      const pool = typeormPgPool(dataSource);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          pool.query<{ i: number }>({ name: 'same_name', text: 'SELECT $1::int AS i', values: [i] }),
        ),
      );
      expect(answers.map((a) => a.rows[0].i)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });

  it('without DATABASE_POOLER=transaction, refuses to start with one line that names the fix', async () => {
    const db = await TestDatabase.create();
    try {
      const service = await launchService({ DATABASE_URL: bouncer.route(db.url) });
      expect(await service.exited).toBe(1);
      const lines = service.output().trim().split('\n');
      expect(lines.at(-1)).toMatch(
        /DATABASE_URL \(127\.0\.0\.1:\d+\/\w+\): the server refused a startup parameter .*Set DATABASE_POOLER=transaction/,
      );
      expect(service.output()).not.toMatch(/password|SECURITY WARNING/i);
    } finally {
      await db.drop();
    }
  }, 60000);
});

/**
 * A pooler configured to swallow the startup parameters (a common workaround) in front of a
 * service not told about it: named prepared statements then land on server sessions that lack
 * them or already have them. Every request must still get a contract answer (503, never 500), and
 * readiness must see it although `SELECT 1` works.
 */
describe('Behind a transaction pooler it was not told about', () => {
  let bouncer: PgBouncer;
  let db: TestDatabase;

  beforeAll(async () => {
    bouncer = await PgBouncer.start(adminUrl(), {
      settings: {
        ignore_startup_parameters: 'statement_timeout,lock_timeout,idle_in_transaction_session_timeout,options',
        default_pool_size: '1',
      },
    });
    db = await TestDatabase.create();
  }, 30000);
  afterAll(async () => {
    await bouncer?.stop();
    await db?.drop();
  });

  it('answers 503 (not 500) when statements fail with protocol errors, and reports not ready', async () => {
    const service = await spawnService({ DATABASE_URL: bouncer.route(db.url), DATABASE_POOL_SIZE: '8' });
    try {
      const client = new WalletClient(service.url);
      const users = await Promise.all([0, 1, 2, 3].map(() => client.createUser()));
      const answers: Array<{ status: number; code: unknown }> = [];
      await inParallel(
        Array.from({ length: 120 }, (_, i) => i),
        16,
        async (i) => {
          const user = users[i % 4].id;
          const res =
            i % 2 === 0
              ? await getJson(service.url, `/v1/users/${user}/balances`)
              : await postJson(service.url, '/v1/topup', { userId: user, assetCode: 'GOLD', amount: 5 }, { key: `unaware-${i}` });
          answers.push({ status: res.status, code: res.body.code });
          if (res.status >= 500) expectNoLeak(res as never);
        },
      );
      const statuses = [...new Set(answers.map((a) => a.status))].sort();
      expect(answers.filter((a) => a.status >= 500 && !(a.status === 503 && a.code === 'SERVICE_UNAVAILABLE'))).toEqual([]);
      expect(statuses).toContain(503);
      const ready = await getJson(service.url, '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'error',
        error: { database: { status: 'down', message: expect.stringMatching(/protocol errors/) } },
      });
      expect((await getJson(service.url, '/health/live')).status).toBe(200);
      expect(service.output()).toMatch(/database protocol fault \(SQLSTATE (42P05|26000|08P01)[^]*DATABASE_POOLER=transaction/);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  }, 90000);
});
