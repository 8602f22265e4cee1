import { ErrorCode, MetricsService } from '@app/common';
import { WriteResult } from '@app/idempotency';
import { LedgerService, Settled } from '@app/ledger';
import { withClient } from '../support/pg-client';
import { postings } from '../support/postings';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The group-commit path keeps every guarantee of one-transaction-per-write: each request gets its
 * own outcome and exact balanceAfter, idempotency holds inside a batch, crossed transfers cannot
 * deadlock, and a batch that fails leaves nothing half-posted.
 */
describe(`${LedgerService.name} batches`, () => {
  let t: TestApp;
  let ledger: LedgerService;

  beforeAll(async () => {
    t = await startTestApp({ DATABASE_LOCK_TIMEOUT_MS: '2000', DATABASE_STATEMENT_TIMEOUT_MS: '3000' });
    ledger = t.app.get(LedgerService);
  });
  afterAll(() => t.close());

  // A parsed response body.
  const body = (r: Settled<WriteResult>): Record<string, any> & { httpStatus: number; replayed: boolean } => {
    if (!r.ok) throw r.error;
    return { ...(JSON.parse(r.value.body) as Record<string, unknown>), httpStatus: r.value.status, replayed: r.value.replayed };
  };
  const retries = async () => (await t.app.get(MetricsService).transactionRetries.get()).values[0]?.value ?? 0;
  const journals = async () => Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM journal_transactions`))[0].n);

  it('gives each request of one batch its own outcome and exact balanceAfter', async () => {
    const a = await t.client.givenUserWithBalance(100n);
    const b = await t.client.givenUserWithBalance(0n);
    const results = await ledger.postBatch([
      postings.spend(a, 60n),
      postings.spend(a, 60n),
      postings.topup(b, 10n),
      postings.spend(a, 40n),
      postings.transfer(b, a, 5n),
    ]);
    expect(results.map((r) => body(r).httpStatus)).toEqual([201, 422, 201, 201, 201]);
    expect(body(results[0]).balanceAfter).toBe('40');
    expect(body(results[1])).toMatchObject({ code: ErrorCode.INSUFFICIENT_FUNDS, balance: '40', required: '60' });
    expect(body(results[2]).balanceAfter).toBe('10');
    expect(body(results[3]).balanceAfter).toBe('0');
    expect(body(results[4])).toMatchObject({ balanceAfter: '5', entries: [{ balanceAfter: '5' }, { balanceAfter: '5' }] });
    // The treasury's running balance moves through the batch in order.
    const treasury = results
      .filter((r) => body(r).httpStatus === 201 && body(r).type !== 'TRANSFER')
      .map((r) => {
        const entries = body(r).entries as Array<{ account: { kind: string }; balanceAfter: string }>;
        return BigInt(entries.find((e) => e.account.kind === 'SYSTEM')!.balanceAfter);
      });
    expect(treasury[1] - treasury[0]).toBe(-10n);
    expect(treasury[2] - treasury[1]).toBe(40n);
    expect(await t.client.balance(a)).toBe(5n);
    expect((await t.client.verify()).ok).toBe(true);
  });

  it('keeps system balances exact across concurrent batches, and sends the body it stores byte for byte', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => t.client.givenUserWithBalance(1_000n)));
    // Concurrent batches (each its own transaction) mixing top-ups, spends and bonuses: they queue on
    // the treasury and the bonus pool rows.
    const batches = await Promise.all(
      [0, 1, 2, 3].map((k) =>
        ledger.postBatch(
          users.flatMap((u, i) => [
            postings.topup(u, BigInt(1 + i + k)),
            postings.spend(u, BigInt(2 + k)),
            postings.bonus(u, BigInt(3 + i)),
          ]),
        ),
      ),
    );
    const sent = batches.flat().map((r) => {
      if (!r.ok) throw r.error;
      return r.value;
    });
    expect(sent.every((r) => r.status === 201 && !r.replayed)).toBe(true);
    for (const value of sent) {
      const tx = JSON.parse(value.body) as {
        id: string;
        idempotencyKey: string;
        userId: string;
        entries: Array<{ account: { kind: string }; balanceAfter: string }>;
      };
      // The system entry's balanceAfter is the one the journal holds, and the body sent is the one stored.
      const [row] = await t.db.query<{ balance_after: string; response_body: string }>(
        `SELECT e.balance_after::text AS balance_after, k.response_body
           FROM journal_entries e JOIN accounts a ON a.id = e.account_id AND a.kind = 'SYSTEM'
           JOIN idempotency_keys k ON k.journal_id = e.journal_id
          WHERE e.journal_id = $1`,
        [tx.id],
      );
      expect(tx.entries.find((e) => e.account.kind === 'SYSTEM')!.balanceAfter).toBe(row.balance_after);
      expect(value.body).toBe(row.response_body);
    }
    // Each system account's entries still form one running balance (ids in posting order).
    expect((await t.client.verify()).ok).toBe(true);
  });

  it('answers a key repeated inside one batch from the first occurrence, and refuses a changed request', async () => {
    const a = await t.client.givenUserWithBalance(50n);
    const before = await journals();
    const results = await ledger.postBatch([
      postings.spend(a, 10n, 'same-key'),
      postings.spend(a, 10n, 'same-key'),
      postings.spend(a, 11n, 'same-key'),
    ]);
    expect(body(results[0])).toMatchObject({ httpStatus: 201, replayed: false });
    expect(results[1]).toEqual({ ok: true, value: { ...(results[0] as { value: WriteResult }).value, replayed: true } });
    expect(results[2]).toMatchObject({ ok: false, error: expect.objectContaining({ code: ErrorCode.IDEMPOTENCY_KEY_REUSED }) });
    expect(await journals()).toBe(before + 1);
    expect(await t.client.balance(a)).toBe(40n);
  });

  it('gives a repeated key the answer of its first occurrence also when that one is refused', async () => {
    const a = await t.client.givenUserWithBalance(50n);
    await ledger.postBatch([postings.spend(a, 5n, 'refused-twice')]);
    const results = await ledger.postBatch([postings.spend(a, 6n, 'refused-twice'), postings.spend(a, 6n, 'refused-twice')]);
    for (const r of results) {
      expect(r).toMatchObject({ ok: false, error: expect.objectContaining({ code: ErrorCode.IDEMPOTENCY_KEY_REUSED }) });
    }
    expect(await t.client.balance(a)).toBe(45n);
  });

  it('replays from the stored record in a later batch', async () => {
    const a = await t.client.givenUserWithBalance(50n);
    const [first] = await ledger.postBatch([postings.spend(a, 5n, 'later')]);
    const [again] = await ledger.postBatch([postings.spend(a, 5n, 'later')]);
    // A replay from the stored record has the stored response, not the in-memory outcome.
    expect(again).toEqual({ ok: true, value: { ...(first as { value: WriteResult }).value, replayed: true, outcome: null } });
    expect(await t.client.balance(a)).toBe(45n);
  });

  describe('a key another transaction stores while the batch runs (another process, say)', () => {
    // The other transaction holds its record uncommitted; the batch read no record for the key, so
    // its insert waits on that row. What the other transaction then does decides the answer.
    async function race(end: 'COMMIT' | 'ROLLBACK') {
      const a = await t.client.givenUserWithBalance(50n);
      const b = await t.client.givenUserWithBalance(0n);
      const spend = postings.spend(a, 10n);
      const claim = spend.idempotency!;
      const stored = JSON.stringify({ stored: 'by the other transaction' });
      const before = { journals: await journals(), retries: await retries() };
      return withClient(t.db.url, async (other) => {
        await other.query('BEGIN');
        await other.query(
          `INSERT INTO idempotency_keys (user_id, key, endpoint, fingerprint, status_code, response_body, completed_at)
           VALUES ($1, $2, $3, $4, 201, $5, now())`,
          [claim.userId, claim.key, claim.endpoint, claim.fingerprint, stored],
        );
        const pending = ledger.postBatch([postings.topup(b, 7n), spend]);
        await waitFor(
          async () =>
            (
              await t.db.query(
                `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                    AND query LIKE '%INSERT INTO idempotency_keys%'`,
              )
            ).length > 0,
        );
        await other.query(end);
        const [topup, spent] = await pending;
        return { a, b, topup, spent, stored, before };
      });
    }

    it('replays its record once it commits: the batch rolls back and runs again, nothing is charged twice', async () => {
      const { a, b, topup, spent, stored, before } = await race('COMMIT');
      expect(body(topup)).toMatchObject({ httpStatus: 201, balanceAfter: '7', replayed: false });
      expect(spent).toEqual({ ok: true, value: { status: 201, body: stored, replayed: true, outcome: null } });
      expect([await t.client.balance(a), await t.client.balance(b)]).toEqual([50n, 7n]);
      expect(await journals()).toBe(before.journals + 1);
      expect(await retries()).toBe(before.retries + 1);
      expect((await t.client.verify()).ok).toBe(true);
    });

    it('posts the write itself when that transaction rolls back', async () => {
      const { a, topup, spent, before } = await race('ROLLBACK');
      expect(body(topup)).toMatchObject({ httpStatus: 201, replayed: false });
      expect(body(spent)).toMatchObject({ httpStatus: 201, balanceAfter: '40', replayed: false });
      expect(await t.client.balance(a)).toBe(40n);
      expect(await journals()).toBe(before.journals + 2);
      expect(await retries()).toBe(before.retries);
    });
  });

  it('never deadlocks on crossed transfers, within a batch and across concurrent batches', async () => {
    const users = await Promise.all([1, 2, 3, 4].map(() => t.client.givenUserWithBalance(1000n)));
    const pick = (i: number) => users[i % users.length];
    const batches = Array.from({ length: 24 }, (_, b) =>
      Array.from({ length: 12 }, (_, i) =>
        postings.transfer(pick(b + i), pick(b + i + 1 + (i % 3)), BigInt(1 + ((b * 7 + i) % 40))),
      ),
    );
    const retriesBefore = await retries();
    const settled = (await Promise.all(batches.map((batch) => ledger.postBatch(batch)))).flat();
    const failures = settled.filter((r) => !r.ok);
    expect(failures).toEqual([]);
    // A deadlock would have been retried silently: the counter proves there was none.
    expect(await retries()).toBe(retriesBefore);
    const statuses = new Set(settled.map((r) => body(r).httpStatus));
    expect([...statuses].every((s) => s === 201 || s === 422)).toBe(true);
    const total = (await Promise.all(users.map((u) => t.client.balance(u)))).reduce((x, y) => x + y, 0n);
    expect(total).toBe(4000n);
    expect((await t.client.verify()).ok).toBe(true);
  });

  it('isolates a posting the database refuses: the others of its batch are posted, it leaves no trace', async () => {
    const a = await t.client.givenUserWithBalance(100n);
    await t.db.query(`
      CREATE FUNCTION test_refuse_13() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.amount = 13 THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_refuse_13 BEFORE INSERT ON journal_transactions FOR EACH ROW EXECUTE FUNCTION test_refuse_13();`);
    try {
      const results = await ledger.postBatch([
        postings.spend(a, 1n, 'iso-1'),
        postings.spend(a, 13n, 'iso-13'),
        postings.spend(a, 2n, 'iso-2'),
      ]);
      expect(body(results[0])).toMatchObject({ httpStatus: 201, balanceAfter: '99' });
      expect(results[1].ok).toBe(false);
      expect(body(results[2])).toMatchObject({ httpStatus: 201, balanceAfter: '97' });
      expect(
        await t.db.query(`SELECT key FROM idempotency_keys WHERE user_id = $1 AND key LIKE 'iso-%' ORDER BY key`, [a]),
      ).toEqual([{ key: 'iso-1' }, { key: 'iso-2' }]);
    } finally {
      await t.db.query(`DROP TRIGGER test_refuse_13 ON journal_transactions; DROP FUNCTION test_refuse_13();`);
    }
    expect((await t.client.verify()).ok).toBe(true);
  });

  it('leaves nothing half-posted when the database connection dies mid-batch', async () => {
    const a = await t.client.givenUserWithBalance(100n);
    const b = await t.client.givenUserWithBalance(100n);
    const before = await journals();
    // The batch's write statement sleeps in a trigger; the test kills its session meanwhile.
    await t.db.query(`
      CREATE FUNCTION test_stall() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.description = 'stall' THEN PERFORM pg_sleep(2); END IF; RETURN NEW; END $$;
      CREATE TRIGGER test_stall BEFORE INSERT ON journal_transactions FOR EACH ROW EXECUTE FUNCTION test_stall();`);
    try {
      const stalled = { ...postings.spend(a, 7n, 'dies-1'), description: 'stall' };
      const pending = ledger.postBatch([postings.transfer(b, a, 3n, 'dies-2'), stalled, postings.topup(b, 9n, 'dies-3')]);
      await waitFor(
        async () =>
          (
            await t.db.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%INSERT INTO journal_transactions%' AND state = 'active' AND pid <> pg_backend_pid()`,
            )
          ).length > 0,
      );
      await t.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%INSERT INTO journal_transactions%' AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      const results = await pending;
      for (const r of results) {
        expect(r).toMatchObject({ ok: false, error: expect.objectContaining({ code: ErrorCode.SERVICE_UNAVAILABLE }) });
      }
    } finally {
      await t.db.query(`DROP TRIGGER test_stall ON journal_transactions; DROP FUNCTION test_stall();`);
    }
    expect(await journals()).toBe(before);
    expect(await t.db.query(`SELECT key FROM idempotency_keys WHERE key LIKE 'dies-%'`)).toEqual([]);
    expect([await t.client.balance(a), await t.client.balance(b)]).toEqual([100n, 100n]);
    // The same keys are carried out normally afterwards.
    const retry = await ledger.postBatch([
      postings.transfer(b, a, 3n, 'dies-2'),
      postings.spend(a, 7n, 'dies-1'),
      postings.topup(b, 9n, 'dies-3'),
    ]);
    expect(retry.map((r) => body(r).httpStatus)).toEqual([201, 201, 201]);
    expect([await t.client.balance(a), await t.client.balance(b)]).toEqual([96n, 106n]);
    expect((await t.client.verify()).ok).toBe(true);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
