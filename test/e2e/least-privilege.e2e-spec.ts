import { RUNTIME_TABLE_GRANTS } from '@app/database';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '../support/global-setup';
import { PgBouncer } from '../support/pgbouncer';
import { SERVICE_MAIN, spawnService, SpawnedService } from '../support/spawned-service';
import { withAdminClient } from '../support/test-database';
import { fileDatabasePrefix, TEST_ENV } from '../support/test-run';
import { WalletClient } from '../support/wallet-client';

const CLI = SERVICE_MAIN.replace(/main\.js$/, 'cli.js');
const suffix = `${process.env[TEST_ENV.runId] ?? ''}_${randomBytes(3).toString('hex')}`;
const OWNER = { user: `dino_test_owner_${suffix}`, password: randomBytes(12).toString('hex') };
const RUNTIME = { user: `dino_test_app_${suffix}`, password: randomBytes(12).toString('hex') };
const DATABASE = `${fileDatabasePrefix(process.env[TEST_ENV.runId] ?? '')}lp_${randomBytes(4).toString('hex')}`;

function urlAs(role: { user: string; password: string }): string {
  const url = new URL(withDatabase(process.env[TEST_ENV.adminUrl] ?? '', DATABASE));
  url.username = role.user;
  url.password = role.password;
  return url.toString();
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, LOG_LEVEL: 'info', ...env } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(client: Client, sql: string): Promise<string> {
  try {
    await client.query(sql);
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/**
 * The service logs in as a least-privilege role (through PgBouncer, DATABASE_POOLER=transaction)
 * and its set-up runs as the tables' owner over a direct MIGRATION_DATABASE_URL: the migrations
 * grant the runtime role exactly database/runtime-grants.ts, and that role cannot change the
 * schema, switch the ledger's guards off or rewrite history.
 */
describe('A least-privilege runtime role', () => {
  let bouncer: PgBouncer;
  let service: SpawnedService;
  let runtime: Client;

  beforeAll(async () => {
    await withAdminClient(async (admin) => {
      for (const role of [OWNER, RUNTIME]) await admin.query(`CREATE ROLE ${role.user} LOGIN PASSWORD '${role.password}'`);
      await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER.user}`);
    });
    bouncer = await PgBouncer.start(process.env[TEST_ENV.adminUrl] ?? '', { users: [RUNTIME, OWNER] });
    service = await spawnService(
      {
        DATABASE_URL: bouncer.route(urlAs(RUNTIME)),
        DATABASE_POOLER: 'transaction',
        MIGRATION_DATABASE_URL: urlAs(OWNER),
        IDEMPOTENCY_PURGE_INTERVAL_MS: '1000',
        LOG_LEVEL: 'info',
      },
      60000,
    );
    runtime = new Client({ connectionString: urlAs(RUNTIME) });
    await runtime.connect();
  }, 90000);

  afterAll(async () => {
    await runtime?.end();
    if (service) {
      service.child.kill('SIGTERM');
      await service.exited;
    }
    await bouncer?.stop();
    await withAdminClient(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      for (const role of [RUNTIME, OWNER]) await admin.query(`DROP ROLE IF EXISTS ${role.user}`);
    });
  });

  it('is what the service runs as, and the tables belong to the migrations role', async () => {
    const sessions = await runtime.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = $1 AND application_name = 'dino-wallet'`,
      [DATABASE],
    );
    expect(sessions.rows.map((r) => r.usename)).toEqual([RUNTIME.user]);
    const owners = await runtime.query(
      `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    expect(owners.rows).toEqual([{ owner: OWNER.user }]);
    expect(service.output()).toContain(`runtime role ${RUNTIME.user}: privileges set`);
  });

  it('serves every operation with only the privileges of database/runtime-grants.ts', async () => {
    const client = new WalletClient(service.url);
    const alice = await client.givenUserWithBalance(500n);
    const bob = (await client.createUser()).id;
    expect((await client.spend(alice, 20)).status).toBe(201);
    expect((await client.transfer(alice, bob, 30)).status).toBe(201);
    expect((await client.bonus(bob, 5, { assetCode: 'POINT' })).status).toBe(201);
    const replay = await client.spend(alice, 1, { key: 'lp-replay' });
    expect((await client.spend(alice, 1, { key: 'lp-replay' })).text).toBe(replay.text);
    expect((await client.history(alice)).status).toBe(200);
    expect(await client.balances(bob)).toMatchObject({ GOLD: 30n, POINT: 5n });
    expect((await client.verify()).ok).toBe(true);

    // API keys: made, used (lastUsedAt is written a second later), revoked.
    const made = await client
      .http()
      .post('/v1/api-keys')
      .send({ name: 'least-privilege', scopes: ['wallets:topup', 'wallets:read'] });
    expect(made.status).toBe(201);
    const keyed = client.as(made.body.secret as string);
    const topup = await keyed.topup(bob, 3);
    expect({ status: topup.status, createdBy: topup.body.createdBy }).toEqual({ status: 201, createdBy: made.body.id });
    let used: unknown = null;
    for (let i = 0; i < 80 && !used; i++) {
      await new Promise((r) => setTimeout(r, 100));
      used = (await client.http().get(`/v1/api-keys/${made.body.id as string}`)).body.lastUsedAt;
    }
    expect(used).toEqual(expect.any(String));
    expect((await client.http().delete(`/v1/api-keys/${made.body.id as string}`)).status).toBe(204);

    // The purge job deletes expired idempotency records as this role too.
    const owner = new Client({ connectionString: urlAs(OWNER) });
    await owner.connect();
    try {
      await owner.query(
        `INSERT INTO idempotency_keys (user_id, key, endpoint, fingerprint, created_at) VALUES ($1, 'lp-expired', 'spend', 'x', now() - interval '3 days')`,
        [alice],
      );
      const deadline = Date.now() + 20000;
      while (
        (await owner.query(`SELECT 1 FROM idempotency_keys WHERE key = 'lp-expired'`)).rowCount !== 0 &&
        Date.now() < deadline
      ) {
        await new Promise((r) => setTimeout(r, 250));
      }
      expect((await owner.query(`SELECT 1 FROM idempotency_keys WHERE key = 'lp-expired'`)).rowCount).toBe(0);
    } finally {
      await owner.end();
    }
    expect(service.output()).not.toMatch(/permission denied|unexpected error|could not record/);
  }, 60000);

  it('holds exactly the listed privileges: table-level SELECT/INSERT/DELETE, UPDATE only on the listed columns', async () => {
    const tables = await runtime.query(
      `SELECT table_name, privilege_type FROM information_schema.role_table_grants WHERE grantee = $1`,
      [RUNTIME.user],
    );
    const updates = await runtime.query(
      `SELECT table_name, column_name FROM information_schema.column_privileges WHERE grantee = $1 AND privilege_type = 'UPDATE'`,
      [RUNTIME.user],
    );
    const expectedTables = Object.entries(RUNTIME_TABLE_GRANTS).flatMap(([table, g]) => g.privileges.map((p) => `${table} ${p}`));
    const expectedUpdates = Object.entries(RUNTIME_TABLE_GRANTS).flatMap(([table, g]) =>
      (g.updateColumns ?? []).map((c) => `${table}.${c}`),
    );
    expect(tables.rows.map((r) => `${r.table_name} ${r.privilege_type}`).sort()).toEqual(expectedTables.sort());
    expect(updates.rows.map((r) => `${r.table_name}.${r.column_name}`).sort()).toEqual(expectedUpdates.sort());
  });

  it.each([
    ['disable an append-only trigger', 'ALTER TABLE journal_entries DISABLE TRIGGER journal_entries_append_only'],
    ['disable every trigger', 'ALTER TABLE journal_transactions DISABLE TRIGGER ALL'],
    ['drop the balance check', 'ALTER TABLE accounts DROP CONSTRAINT accounts_user_balance_non_negative'],
    ['skip triggers for the session', 'SET session_replication_role = replica'],
    ['update an entry', 'UPDATE journal_entries SET amount = amount'],
    ['update a journal', `UPDATE journal_transactions SET description = 'edited'`],
    ['delete entries', 'DELETE FROM journal_entries'],
    ['truncate the journal', 'TRUNCATE journal_transactions CASCADE'],
    ['move an account to another user', 'UPDATE accounts SET user_id = user_id'],
    ['rewrite a request fingerprint', 'UPDATE idempotency_keys SET fingerprint = fingerprint'],
    ['rename an asset', `UPDATE assets SET name = 'x'`],
    ['drop a table', 'DROP TABLE idempotency_keys'],
    ['create a table', 'CREATE TABLE side_channel (id int)'],
  ])('cannot %s (permission denied)', async (_what, sql) => {
    expect(await outcome(runtime, sql)).toBe('42501');
  });

  it('may do what the service needs (so the refusals above are about privileges, not syntax)', async () => {
    expect(await outcome(runtime, 'UPDATE accounts SET balance = balance WHERE id = -1')).toBe('ok');
    expect(await outcome(runtime, 'SELECT id FROM accounts ORDER BY id LIMIT 1 FOR UPDATE')).toBe('ok');
    expect(await outcome(runtime, `SELECT nextval('journal_transactions_id_seq')`)).toBe('ok');
  });

  it('gets its privileges set back to the list by the next migrate (a privilege granted by hand is revoked)', async () => {
    const owner = new Client({ connectionString: urlAs(OWNER) });
    await owner.connect();
    try {
      await owner.query(`GRANT UPDATE, TRUNCATE ON journal_entries TO ${RUNTIME.user}`);
      expect(await outcome(runtime, 'UPDATE journal_entries SET amount = amount WHERE false')).toBe('ok');
      const migrate = await runCli(['migrate'], {
        DATABASE_URL: bouncer.route(urlAs(RUNTIME)),
        DATABASE_POOLER: 'transaction',
        MIGRATION_DATABASE_URL: urlAs(OWNER),
      });
      expect({ code: migrate.code, output: migrate.code === 0 ? '' : migrate.output }).toEqual({ code: 0, output: '' });
      expect(await outcome(runtime, 'UPDATE journal_entries SET amount = amount WHERE false')).toBe('42501');
      expect(await outcome(runtime, 'TRUNCATE journal_entries')).toBe('42501');
    } finally {
      await owner.end();
    }
  }, 60000);

  it('with DB_AUTO_SETUP=false starts as that role alone (no migration URL) and serves', async () => {
    const second = await spawnService({
      DATABASE_URL: bouncer.route(urlAs(RUNTIME)),
      DATABASE_POOLER: 'transaction',
      DB_AUTO_SETUP: 'false',
    });
    try {
      const client = new WalletClient(second.url);
      expect((await client.topup((await client.createUser()).id, 7)).status).toBe(201);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 60000);
});
