import { Client } from 'pg';
import request from 'supertest';
import { authHeaders } from '../support/auth';
import { bulkTopups } from '../support/bulk-ledger';
import { expectProblem } from '../support/problem-assertions';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * GET /v1/ledger/verify cannot take the service down (issue 12: four concurrent verifies on the
 * shared pool once turned every read, write and readiness probe into a 503): one run per process,
 * on a connection of its own with its own statement timeout.
 */
describe('Ledger verification under load', () => {
  /** A session of its own that keeps a transaction open (with a transaction id) until released. */
  async function openTransaction(url: string, statement = 'SELECT pg_current_xact_id()'): Promise<() => Promise<void>> {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query(statement);
    return async () => {
      await client.query('COMMIT');
      await client.end();
    };
  }

  describe('two calls at once, on a pool of two connections', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ DATABASE_POOL_SIZE: '2' });
      const user = await t.client.givenUserWithBalance(1);
      await bulkTopups(t.db.pool, { userId: user, assetCode: 'GOLD', journals: 100_000 });
      await t.db.query('ANALYZE');
    }, 120_000);
    afterAll(() => t.close());

    it('answers one 200 and one 429 RATE_LIMITED with Retry-After, while writes and readiness carry on', async () => {
      // A transaction left open elsewhere makes the run wait for it (up to 2 s) before its snapshot:
      // the first call is certainly still running when the others arrive.
      const release = await openTransaction(t.db.url);
      try {
        const verifyUrl = '/v1/ledger/verify?full=true';
        const first = request(t.url)
          .get(verifyUrl)
          .set(authHeaders())
          .then((res) => ({ res, at: Date.now() }));
        await new Promise((r) => setTimeout(r, 200));
        const second = await request(t.url).get(verifyUrl).set(authHeaders());
        expectProblem(second, 429, 'RATE_LIMITED');
        expect(Number(second.headers['retry-after'])).toBeGreaterThanOrEqual(1);

        const users = await Promise.all([1, 2, 3].map(() => t.client.givenUserWithBalance(100)));
        const writes = await Promise.all(
          Array.from({ length: 30 }, (_, i) =>
            t.client.spend(users[i % 3], 1).then((res) => ({ status: res.status, at: Date.now() })),
          ),
        );
        const ready = await request(t.url).get('/health/ready');
        const balances = await request(t.url).get(`/v1/users/${users[0]}/balances`).set(authHeaders());
        const answered = await first;

        expect(writes.map((w) => w.status)).toEqual(writes.map(() => 201));
        expect({ ready: ready.status, balances: balances.status }).toEqual({ ready: 200, balances: 200 });
        // All of that happened while the first verification was still running.
        expect(Math.max(...writes.map((w) => w.at))).toBeLessThan(answered.at);
        expect(answered.res.status).toBe(200);
        expect(answered.res.body).toMatchObject({ ok: true, full: true });
        expect(answered.res.body.assets.find((a: { assetCode: string }) => a.assetCode === 'GOLD').entries).toBeGreaterThan(
          200_000,
        );
      } finally {
        await release();
      }
      // The guard is released with the run: the next call is carried out.
      expect((await request(t.url).get('/v1/ledger/verify').set(authHeaders())).status).toBe(200);
    }, 60_000);
  });

  describe('its own statement timeout', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ LEDGER_VERIFY_STATEMENT_TIMEOUT_MS: '300', DATABASE_LOCK_TIMEOUT_MS: '10000' });
    });
    afterAll(() => t.close());

    it('ends a run that takes too long with a 503, leaves writes alone, and lets the next run through', async () => {
      // The checkpoints table locked by someone else: the run's first read waits past its timeout.
      const release = await openTransaction(t.db.url, 'LOCK TABLE ledger_verify_checkpoints IN ACCESS EXCLUSIVE MODE');
      try {
        const started = Date.now();
        const timedOut = await request(t.url).get('/v1/ledger/verify').set(authHeaders());
        expectProblem(timedOut, 503, 'SERVICE_UNAVAILABLE');
        expect(Date.now() - started).toBeLessThan(10_000); // its own timeout, not the lock timeout
        const user = await t.client.givenUserWithBalance(10);
        expect((await t.client.spend(user, 1)).status).toBe(201);
      } finally {
        await release();
      }
      expect((await t.client.verify()).ok).toBe(true);
    }, 30_000);
  });
});
