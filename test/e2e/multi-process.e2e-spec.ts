import { MIGRATIONS, SEED_ASSETS } from '@app/database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../support/global-setup';
import { getJson, inParallel, postJson, seededRandom, sleep, waitUntil } from '../support/http-json';
import { ledgerViolations } from '../support/ledger-invariants';
import { freePort, spawnService, SpawnedService } from '../support/spawned-service';
import { TestDatabase, withAdminClient } from '../support/test-database';
import { fileDatabasePrefix, TEST_ENV } from '../support/test-run';
import {
  ClientLedger,
  journalsByKey,
  Operation,
  operation,
  randomOperation,
  submitUntilSettled,
  Tally,
} from '../support/wallet-workload';

const SEED = Number(process.env.MULTI_PROCESS_SEED ?? Date.now() % 1_000_000);
const OPERATIONS = 700;
const IN_FLIGHT = 24;

/** Starts several copies of the compiled service at the same moment, each on a port of its own. */
async function spawnTogether(count: number, env: Record<string, string>): Promise<SpawnedService[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const started = await Promise.allSettled(ports.map((port) => spawnService({ ...env, PORT: String(port) }, 60000)));
  const services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopAll(services);
    throw failed.reason;
  }
  return services;
}

async function stopAll(services: readonly SpawnedService[]): Promise<void> {
  await Promise.all(
    services.map(async (s) => {
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
      await s.exited;
    }),
  );
}

describe('Several service processes on one database', () => {
  it('set up an empty database once when they start at the same moment: one schema, one seed', async () => {
    const name = `${fileDatabasePrefix(process.env[TEST_ENV.runId] ?? '')}empty_${randomBytes(4).toString('hex')}`;
    await withAdminClient((admin) => admin.query(`CREATE DATABASE ${name}`));
    const url = withDatabase(process.env[TEST_ENV.adminUrl] ?? '', name);
    const services = await spawnTogether(2, {
      DATABASE_URL: url,
      DB_AUTO_SETUP: 'true',
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: '4',
    });
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      // Both ran the set-up; the advisory lock let exactly one of them apply the migrations.
      const applied = services.map((s) => (s.output().match(/applied migration/g) ?? []).length);
      expect(applied.sort()).toEqual([0, MIGRATIONS.length]);

      // Ordered by timestamp, the order migrations run in (names start differently).
      const migrations = await db.query(
        `SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name ORDER BY max(timestamp)`,
      );
      expect(migrations.rows).toEqual(MIGRATIONS.map((m) => ({ name: new m().name, n: 1 })));
      const assets = await db.query(`SELECT code FROM assets ORDER BY code`);
      expect(assets.rows.map((r) => r.code)).toEqual(SEED_ASSETS.map((a) => a.code).sort());
      const users = await db.query(`SELECT username, count(*)::int AS n FROM users GROUP BY username ORDER BY username`);
      expect(users.rows).toEqual([
        { username: 'alice', n: 1 },
        { username: 'bob', n: 1 },
      ]);
      const system = await db.query(`SELECT system_name, asset_code FROM accounts WHERE kind = 'SYSTEM' ORDER BY 2, 1`);
      expect(system.rows).toHaveLength(6);
      expect(new Set(system.rows.map((r) => `${r.system_name}/${r.asset_code}`)).size).toBe(6);

      // And both serve the schema they agreed on.
      const alice = (await getJson(services[0].url, '/v1/users?username=alice')).body.data as Array<{ id: string }>;
      const bob = (await getJson(services[1].url, '/v1/users?username=bob')).body.data as Array<{ id: string }>;
      const topup = await postJson(
        services[0].url,
        '/v1/topup',
        { userId: alice[0].id, assetCode: 'GOLD', amount: 10 },
        { key: 'mp-setup-1' },
      );
      const transfer = await postJson(
        services[1].url,
        '/v1/transfers',
        { fromUserId: alice[0].id, toUserId: bob[0].id, assetCode: 'GOLD', amount: 4 },
        { key: 'mp-setup-2' },
      );
      expect([topup.status, transfer.status]).toEqual([201, 201]);
      expect((await getJson(services[1].url, '/v1/ledger/verify')).body.ok).toBe(true);
    } finally {
      await db.end();
      await stopAll(services);
      await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  }, 120000);

  describe('under a mixed load spread over two processes', () => {
    let db: TestDatabase;
    let services: SpawnedService[] = [];

    beforeAll(async () => {
      db = await TestDatabase.create();
      // The template is migrated: both run the (advisory-locked, idempotent) set-up and find it done.
      services = await spawnTogether(2, { DATABASE_URL: db.url, DB_AUTO_SETUP: 'true', DATABASE_POOL_SIZE: '8' });
    }, 120000);
    afterAll(async () => {
      await stopAll(services);
      await db.drop();
    });

    it(`keeps the ledger exact: duplicates sent to both at once are carried out once (seed ${SEED})`, async () => {
      const random = seededRandom(SEED);
      const [a, b] = services.map((s) => s.url);
      const prefix = `mp-${SEED}-`;
      const users: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await postJson(i % 2 ? b : a, '/v1/users', { username: `mp_${SEED}_${i}` });
        expect(res.status).toBe(201);
        users.push(String(res.body.id));
      }
      const ledger = new ClientLedger();
      const tally = new Tally();
      const funding = users.map((u, i) => operation('topup', `${prefix}fund-${i}`, u, 'GOLD', 300n));
      const plan: Array<{ op: Operation; duplicate: boolean }> = [
        ...funding.map((op) => ({ op, duplicate: false })),
        ...Array.from({ length: OPERATIONS }, (_, i) => ({
          op: randomOperation(random, users, `${prefix}${i}`),
          duplicate: random() < 0.15,
        })),
      ];

      const unsettled: string[] = [];
      await inParallel(plan, IN_FLIGHT, async ({ op, duplicate }, i) => {
        // A duplicate goes to both processes at the same moment; any other request to one of them.
        const targets = duplicate ? [a, b] : [i % 2 ? b : a];
        const settled = await Promise.all(
          targets.map((first) =>
            submitUntilSettled(op, ledger, tally, {
              // A retry after a 409 or a 503 goes to the other process.
              send: (attempt) => postJson(attempt % 2 ? (first === a ? b : a) : first, op.path, op.body, { key: op.key }),
            }),
          ),
        );
        if (settled.includes(false)) unsettled.push(op.key);
      });

      const summary = `statuses ${JSON.stringify(Object.fromEntries(tally.statuses))}, retries ${tally.retries}`;
      expect({ unexpected: tally.unexpected, unsettled, ledger: ledger.violations }).toEqual({
        unexpected: [],
        unsettled: [],
        ledger: [],
      });
      expect([...tally.statuses.keys()].filter((s) => s >= 500)).toEqual([]);
      expect(ledger.accepted + ledger.rejected).toBe(plan.length);
      expect(ledger.accepted).toBeGreaterThan(plan.length / 2);
      expect(ledger.rejected).toBeGreaterThan(0); // the spends and transfers did meet empty wallets
      // Exactly one of the answers to each key was the execution; every other one was its replay.
      expect([...tally.fresh.values()].filter((n) => n !== 1)).toEqual([]);
      expect(tally.fresh.size).toBe(plan.length);

      // The ledger, read back through both processes and with raw SQL.
      const expected = ledger.expectedBalances();
      for (const [i, user] of users.entries()) {
        const res = await getJson(services[i % 2].url, `/v1/users/${user}/balances`);
        const actual = Object.fromEntries(
          (res.body.balances as Array<{ assetCode: string; balance: string }>).map((x) => [x.assetCode, x.balance]),
        );
        const wanted = Object.fromEntries(
          SEED_ASSETS.map(({ code }) => [code, (expected.get(user)?.get(code) ?? 0n).toString()]),
        );
        expect({ user, actual }).toEqual({ user, actual: wanted });
      }
      const journals = await journalsByKey((sql, params) => db.query(sql, params), prefix);
      expect(ledger.checkJournals(journals)).toEqual([]);
      const verify = await getJson(b, '/v1/ledger/verify');
      expect(verify.body.ok).toBe(true);
      expect((verify.body.assets as Array<{ sum: string }>).map((x) => x.sum)).toEqual(SEED_ASSETS.map(() => '0'));
      expect(await db.query(`SELECT asset_code FROM accounts GROUP BY 1 HAVING sum(balance) <> 0`)).toEqual([]);
      expect(await db.query(`SELECT id FROM accounts WHERE kind = 'USER' AND balance < 0`)).toEqual([]);
      expect(await ledgerViolations(db)).toEqual([]);
      process.stdout.write(`multi-process: ${plan.length} operations, ${ledger.accepted} accepted, ${summary}\n`);
    }, 180000);
  });

  describe('expiring holds with two processes', () => {
    let db: TestDatabase;
    let services: SpawnedService[] = [];

    beforeAll(async () => {
      db = await TestDatabase.create();
      // Both look for due holds every 100 ms: every hold is found by both, again and again.
      services = await spawnTogether(2, {
        DATABASE_URL: db.url,
        DB_AUTO_SETUP: 'true',
        DATABASE_POOL_SIZE: '8',
        HOLD_EXPIRY_INTERVAL_MS: '100',
      });
    }, 120000);
    afterAll(async () => {
      await stopAll(services);
      await db.drop();
    });

    it('releases each expired hold exactly once, whichever process gets there first', async () => {
      const [a, b] = services.map((s) => s.url);
      const users: string[] = [];
      for (let i = 0; i < 4; i++) {
        const user = await postJson(a, '/v1/users', { username: `expiry_${i}_${randomBytes(3).toString('hex')}` });
        users.push(String(user.body.id));
        expect(
          (await postJson(b, '/v1/topup', { userId: users[i], assetCode: 'GOLD', amount: 1000 }, { key: `fund-${i}` })).status,
        ).toBe(201);
      }
      const holds: string[] = [];
      await inParallel(
        Array.from({ length: 40 }, (_, i) => i),
        8,
        async (i) => {
          const res = await postJson(
            i % 2 ? b : a,
            '/v1/holds',
            { userId: users[i % 4], assetCode: 'GOLD', amount: 10 + i, expiresInSeconds: 1 },
            { key: `hold-${i}` },
          );
          expect(res.status).toBe(201);
          holds.push(String(res.body.id));
        },
      );
      await waitUntil(
        'every hold expired',
        async () => {
          const held = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM holds WHERE status = 'HELD'`);
          return held[0].n === 0 ? true : undefined;
        },
        30000,
        200,
      );
      // A few more rounds of both processes looking: nothing moves again.
      await sleep(500);
      const releases = await db.query<{ hold: string; n: number }>(
        `SELECT h.id::text AS hold, count(j.id)::int AS n FROM holds h
           LEFT JOIN journal_transactions j ON j.idempotency_key = 'hold-expiry:' || h.id::text
          GROUP BY h.id`,
      );
      expect(releases.filter((r) => r.n !== 1)).toEqual([]);
      expect(releases).toHaveLength(holds.length);
      for (const hold of holds) expect((await getJson(b, `/v1/holds/${hold}`)).body.status).toBe('EXPIRED');
      for (const user of users) {
        const res = await getJson(a, `/v1/users/${user}/balances`);
        expect(
          (res.body.balances as Array<{ assetCode: string; balance: string; held: string }>).find((r) => r.assetCode === 'GOLD'),
        ).toEqual({
          assetCode: 'GOLD',
          balance: '1000',
          held: '0',
        });
      }
      expect(await ledgerViolations(db)).toEqual([]);
      expect((await getJson(a, '/v1/ledger/verify?full=true')).body.ok).toBe(true);
    }, 120000);
  });
});
