import { Client } from 'pg';
import { FaultyProxy } from '../support/faulty-proxy';
import { getJson, sleep } from '../support/http-json';
import { launchService, SpawnedService, waitForOutput } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';

/** Polls `path` until it answers `status` (connection refused counts as no answer) or `withinMs` pass. */
async function waitForStatus(url: string, path: string, status: number, withinMs: number): Promise<number | undefined> {
  const deadline = Date.now() + withinMs;
  let last: number | undefined;
  while (Date.now() < deadline) {
    last = await getJson(url, path).then(
      (r) => r.status,
      () => undefined,
    );
    if (last === status) return last;
    await sleep(100);
  }
  return last;
}

function stillRunning(service: SpawnedService): boolean {
  return service.child.exitCode === null && service.child.signalCode === null;
}

/**
 * A replica that starts while its database is unreachable (an outage, a database still booting, a
 * DNS name not there yet) waits for it instead of exiting: live, not ready, answering 503, and
 * serving as soon as the database appears, in the same process.
 */
describe('Start-up while the database is unreachable', () => {
  let db: TestDatabase;
  let proxy: FaultyProxy;

  beforeEach(async () => {
    db = await TestDatabase.create();
    proxy = await FaultyProxy.start(db.url);
    await proxy.breakDown('refuse');
  });
  afterEach(async () => {
    await proxy.close();
    await db.drop();
  });

  it('stays up and unready (live 200, ready 503, requests 503), then serves once the database appears, without a restart', async () => {
    const service = await launchService({ DATABASE_URL: proxy.route(db.url), LOG_LEVEL: 'warn' });
    try {
      expect(await waitForStatus(service.url, '/health/live', 200, 30000)).toBe(200);
      await waitForOutput(service, /database unavailable .*retrying in/);
      const ready = await getJson(service.url, '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
      const assets = await getJson(service.url, '/v1/assets');
      expect({ status: assets.status, type: assets.contentType, code: assets.body.code }).toEqual({
        status: 503,
        type: 'application/problem+json; charset=utf-8',
        code: 'SERVICE_UNAVAILABLE',
      });
      await sleep(3000); // several retries later: still the same process, still waiting
      expect(stillRunning(service)).toBe(true);
      expect((await getJson(service.url, '/health/live')).status).toBe(200);

      await proxy.restore();
      expect(await waitForStatus(service.url, '/health/ready', 200, 45000)).toBe(200);
      expect(stillRunning(service)).toBe(true);
      expect((await getJson(service.url, '/v1/assets')).status).toBe(200);
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
  }, 120000);

  it('gives up after DATABASE_STARTUP_TIMEOUT_MS with one line naming the connection, not its password', async () => {
    const started = Date.now();
    const service = await launchService({
      DATABASE_URL: proxy.route(db.url),
      DATABASE_STARTUP_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'fatal',
    });
    expect(await service.exited).toBe(1);
    expect(Date.now() - started).toBeLessThan(60000);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Dino Wallet failed to start: the database was not reachable within 2 s \(DATABASE_STARTUP_TIMEOUT_MS\); \d+ attempts, the last: DATABASE_URL \(127\.0\.0\.1:\d+\/\w+\): .*ECONNREFUSED/,
    );
    const password = decodeURIComponent(new URL(db.url).password);
    if (password) expect(service.output()).not.toContain(password);
  }, 90000);

  it('stops at once, exit code 0, when SIGTERM arrives while it waits', async () => {
    const service = await launchService({ DATABASE_URL: proxy.route(db.url), LOG_LEVEL: 'info' });
    await waitForOutput(service, /database unavailable/);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    expect(service.output()).toMatch(/SIGTERM during start-up: stopping before serving/);
  }, 60000);
});

/** The key every replica's set-up locks (libs/common/src/database/database-setup.ts). */
const SETUP_LOCK_KEY = '4478300112002';

describe('Start-up while another replica holds the set-up lock', () => {
  it.each(['none', 'transaction'])(
    'waits for it (DATABASE_POOLER=%s) longer than any request timeout, unready, then serves',
    async (pooler) => {
      const db = await TestDatabase.create();
      const holder = new Client({ connectionString: db.url });
      await holder.connect();
      await holder.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
      // A 1 s statement timeout and a 1 s lock timeout: a set-up that waited with the requests'
      // settings (or their 2 s client read timeout) would fail long before the lock is released.
      const service = await launchService({
        DATABASE_URL: db.url,
        DATABASE_POOLER: pooler,
        DATABASE_STATEMENT_TIMEOUT_MS: '1000',
        DATABASE_LOCK_TIMEOUT_MS: '1000',
        LOG_LEVEL: 'warn',
      });
      try {
        expect(await waitForStatus(service.url, '/health/live', 200, 30000)).toBe(200);
        const waiting = `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;
        for (let i = 0; i < 100 && (await holder.query(waiting)).rows[0].n === 0; i++) await sleep(100);
        expect((await holder.query(waiting)).rows[0].n).toBe(1);
        await sleep(5000);
        expect(stillRunning(service)).toBe(true);
        expect((await getJson(service.url, '/health/ready')).status).toBe(503);

        await holder.query('SELECT pg_advisory_unlock($1)', [SETUP_LOCK_KEY]);
        expect(await waitForStatus(service.url, '/health/ready', 200, 45000)).toBe(200);
        expect(service.output()).not.toMatch(/Query read timeout|canceling statement|lock timeout/);
      } finally {
        await holder.end();
        service.child.kill('SIGTERM');
        await service.exited;
        await db.drop();
      }
    },
    120000,
  );
});
