import { Client } from 'pg';
import { authedRequest } from '../support/auth';
import { postJson, sleep } from '../support/http-json';
import { ledgerSnapshot, ledgerViolations } from '../support/ledger-invariants';
import { expectNoLeak, expectProblem } from '../support/problem-assertions';
import { ANSWER_WITHIN_MS, ServiceBehindProxy } from '../support/service-behind-proxy';

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

/**
 * The service runs as its own process with short database timeouts and reaches PostgreSQL through
 * a TCP proxy that the test breaks (every connection cut, new ones refused or left unanswered) and
 * repairs, while the test reads the database directly to see what was, and was not, written.
 */
describe('Database faults', () => {
  let s: ServiceBehindProxy;

  beforeAll(async () => {
    s = await ServiceBehindProxy.start();
  }, 60000);
  afterAll(() => s.stop());
  afterEach(async () => {
    await s.proxy.restore();
    expect(s.service.child.exitCode).toBeNull(); // no fault took the process down
  });

  const recordsFor = (keys: readonly string[]) =>
    s.db.query(`SELECT user_id, key, status_code FROM idempotency_keys WHERE key = ANY($1)`, [keys]);

  describe.each(['refuse', 'blackhole'] as const)('while the database is unreachable (new connections: %s)', (mode) => {
    it('is not ready, stays live, answers writes 503 at once, writes nothing, and recovers without a restart', async () => {
      const alice = await s.client.givenUserWithBalance(1000n);
      const bob = await s.client.givenUserWithBalance(10n);
      const keys = ['topup', 'spend', 'bonus', 'transfer'].map((k) => `outage-${mode}-${k}-${Date.now()}`);
      const writes: Array<[string, object]> = [
        ['/v1/topup', { userId: alice, assetCode: 'GOLD', amount: 70 }],
        ['/v1/spend', { userId: alice, assetCode: 'GOLD', amount: 30 }],
        ['/v1/bonus', { userId: alice, assetCode: 'POINT', amount: 5 }],
        ['/v1/transfers', { fromUserId: alice, toUserId: bob, assetCode: 'GOLD', amount: 40 }],
      ];
      const before = await ledgerSnapshot(s.db);

      await s.proxy.breakDown(mode);
      const ready = await s.waitFor('/health/ready', 503, ANSWER_WITHIN_MS);
      expect(ready.res.status).toBe(503);
      expect(ready.res.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
      expectNoLeak(ready.res); // terminus's body, with no driver message naming the database's address
      expect((await s.get('/health/live')).status).toBe(200);

      const answers = await Promise.all(writes.map(([path, body], i) => timed(() => s.post(path, keys[i], body))));
      for (const { value: res, ms } of answers) {
        expectProblem(res, 503, 'SERVICE_UNAVAILABLE');
        expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
      }
      // Reads and user creation need the database too: the same 503, not a 500.
      expectProblem(await s.get(`/v1/users/${alice}/balances`), 503, 'SERVICE_UNAVAILABLE');
      expectProblem(
        await authedRequest(s.url)
          .post('/v1/users')
          .send({ username: `outage_${mode}` }),
        503,
        'SERVICE_UNAVAILABLE',
      );
      expect((await s.get('/health/live')).status).toBe(200);

      // Nothing half-written, and no idempotency record that would hold the keys.
      expect(await ledgerSnapshot(s.db)).toEqual(before);
      expect(await recordsFor(keys)).toEqual([]);

      await s.proxy.restore();
      expect((await s.waitFor('/health/ready', 200, ANSWER_WITHIN_MS)).res.status).toBe(200);
      // The same keys are carried out normally, exactly once.
      for (const [i, [path, body]] of writes.entries()) {
        const first = await s.post(path, keys[i], body);
        expect({ key: keys[i], status: first.status, replayed: first.headers['idempotent-replayed'] }).toEqual({
          key: keys[i],
          status: 201,
          replayed: undefined,
        });
        const again = await s.post(path, keys[i], body);
        expect(again.headers['idempotent-replayed']).toBe('true');
        expect(again.text).toBe(first.text);
      }
      const journals = await s.db.query(
        `SELECT idempotency_key, count(*)::int AS n FROM journal_transactions WHERE idempotency_key = ANY($1) GROUP BY 1`,
        [keys],
      );
      expect(journals.map((j) => j.n)).toEqual([1, 1, 1, 1]);
      expect(await s.client.balances(alice)).toMatchObject({ GOLD: 1000n, POINT: 5n });
      expect(await s.client.balance(bob)).toBe(50n);
      expect((await s.client.verify()).ok).toBe(true);
      expect(await ledgerViolations(s.db)).toEqual([]);
      expect(
        await s.db.query(
          `SELECT j.id FROM journal_transactions j WHERE NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.journal_id = j.id)`,
        ),
      ).toEqual([]);
    }, 90000);
  });

  it('answers a burst whose connections are cut three times with 201 or 503; retried, each key is carried out once', async () => {
    const first = await s.burstThrough('cut', async (answered) => {
      for (const at of [30, 90, 160]) {
        while (answered() < at) await sleep(2);
        s.proxy.cutAll();
      }
    });
    expect(first.count(503)).toBeGreaterThan(0); // the cuts did hit requests in flight
  }, 120000);

  it('answers a burst during which pg_terminate_backend ends its sessions with 201 or 503, and each key lands once', async () => {
    let terminated = 0;
    const first = await s.burstThrough('terminate', async (answered) => {
      for (const at of [20, 70, 130, 190]) {
        while (answered() < at) await sleep(2);
        terminated += await s.terminateSessions();
      }
    });
    expect(terminated).toBeGreaterThan(0);
    expect(first.count(201)).toBeGreaterThan(0);
  }, 120000);

  it('answers writes 503 within seconds when open connections go silent (a partition), and carries them out once after', async () => {
    const user = await s.client.givenUserWithBalance(100n);
    await Promise.all(Array.from({ length: 12 }, () => s.client.topup(user, 1))); // open several pooled connections
    const keys = Array.from({ length: 6 }, (_, i) => `partition-${i}-${Date.now()}`);
    const body = { userId: user, assetCode: 'GOLD', amount: 1 };
    await s.proxy.setMode('blackhole');
    s.proxy.freezeAll(); // no FIN, no RST: statements already sent never get an answer
    const answers = await Promise.all(
      keys.map(async (key) => {
        const started = Date.now();
        const res = await postJson(s.url, '/v1/topup', body, { key, timeoutMs: 30000 });
        return { status: res.status, code: res.body.code, quickly: Date.now() - started < ANSWER_WITHIN_MS };
      }),
    );
    expect(answers).toEqual(keys.map(() => ({ status: 503, code: 'SERVICE_UNAVAILABLE', quickly: true })));
    expect((await s.get('/health/live')).status).toBe(200);
    expect(await recordsFor(keys)).toEqual([]);

    await s.proxy.restore();
    expect((await s.waitFor('/health/ready', 200, ANSWER_WITHIN_MS)).res.status).toBe(200);
    for (const key of keys) expect((await s.post('/v1/topup', key, body)).status).toBe(201);
    expect(await s.client.balance(user)).toBe(118n);
    expect(await ledgerViolations(s.db)).toEqual([]);
  }, 90000);

  it('answers 503 instead of waiting on an account that another session holds locked, and succeeds once it is released', async () => {
    const user = await s.client.givenUserWithBalance(100n);
    const key = `locked-${Date.now()}`;
    const holder = new Client({ connectionString: s.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      const locked = await holder.query(`SELECT id FROM accounts WHERE user_id = $1 AND asset_code = 'GOLD' FOR UPDATE`, [user]);
      expect(locked.rows).toHaveLength(1);
      const { value: res, ms } = await timed(() => s.post('/v1/spend', key, { userId: user, assetCode: 'GOLD', amount: 30 }));
      expectProblem(res, 503, 'SERVICE_UNAVAILABLE');
      expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
      expect(await recordsFor([key])).toEqual([]);
      await sleep(500); // still locked: longer than DATABASE_LOCK_TIMEOUT_MS in all
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    const retried = await s.post('/v1/spend', key, { userId: user, assetCode: 'GOLD', amount: 30 });
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(retried.body.balanceAfter).toBe('70');
    expect(await s.client.balance(user)).toBe(70n);
    expect(await s.db.query(`SELECT id FROM journal_transactions WHERE idempotency_key = $1`, [key])).toHaveLength(1);
    expect(await ledgerViolations(s.db)).toEqual([]);
  }, 60000);

  it('lets writes for other users through while one account is locked elsewhere', async () => {
    const locked = await s.client.givenUserWithBalance(100n);
    const others = await Promise.all([1, 2, 3, 4, 5, 6].map(() => s.client.givenUserWithBalance(100n)));
    const holder = new Client({ connectionString: s.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT id FROM accounts WHERE user_id = $1 AND asset_code = 'GOLD' FOR UPDATE`, [locked]);
      // Sent together, so that the locked account's writes share batches with the others.
      const answers = await Promise.all(
        [locked, ...others, locked, ...others].map(async (user, i) => {
          const res = await postJson(
            s.url,
            '/v1/spend',
            { userId: user, assetCode: 'GOLD', amount: 1 },
            { key: `neighbour-${i}-${Date.now()}` },
          );
          return { user: user === locked ? 'locked' : 'other', status: res.status };
        }),
      );
      expect(answers.filter((a) => a.user === 'other')).toEqual(Array(12).fill({ user: 'other', status: 201 }));
      expect(answers.filter((a) => a.user === 'locked')).toEqual(Array(2).fill({ user: 'locked', status: 503 }));
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    for (const other of others) expect(await s.client.balance(other)).toBe(98n);
    expect(await s.client.balance(locked)).toBe(100n);
    expect(await ledgerViolations(s.db)).toEqual([]);
  }, 60000);
});
