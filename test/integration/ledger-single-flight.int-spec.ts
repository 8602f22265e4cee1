import { MetricsService, PipelinedTransactionRunner } from '@app/common';
import { WriteResult } from '@app/idempotency';
import { LedgerService, Settled } from '@app/ledger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/wallet-api/src/create-app';
import { postings } from '../support/postings';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A batch whose accounts this process wrote last goes in one round trip, decided from the balances
 * it left (the account book), with placeholders for the ids and timestamp only the database knows.
 * It must answer exactly as the two-flight way would, and fall back to it whenever the book could
 * be wrong: another process moved a balance, a key already has a record, a body in which the
 * placeholders would be ambiguous.
 */
describe(`${LedgerService.name} single flight`, () => {
  let t: TestApp;
  let ledger: LedgerService;
  let metrics: MetricsService;

  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(LedgerService);
    metrics = t.app.get(MetricsService);
  });
  afterAll(() => t.close());

  const sent = (r: Settled<WriteResult>): WriteResult => {
    if (!r.ok) throw r.error;
    return r.value;
  };
  const parsed = (r: Settled<WriteResult>) =>
    JSON.parse(sent(r).body) as { id: string; createdAt: string; description: string | null; balanceAfter: string };
  const counters = async () => {
    const batches = (await metrics.batches.get()).values;
    const fallbacks = (await metrics.singleFlightFallbacks.get()).values;
    const of = (
      values: ReadonlyArray<{ labels: Partial<Record<string, string | number>>; value: number }>,
      label: string,
      value: string,
    ) => values.find((v) => v.labels[label] === value)?.value ?? 0;
    return {
      single: of(batches, 'path', 'single_flight'),
      two: of(batches, 'path', 'two_flights'),
      stale: of(fallbacks, 'reason', 'stale_balance'),
      keyTaken: of(fallbacks, 'reason', 'key_taken'),
    };
  };
  const stored = async (journalId: string) =>
    (
      await t.db.query<{ response_body: string; journal_id: string; created_at: Date }>(
        `SELECT k.response_body, k.journal_id::text AS journal_id, j.created_at
           FROM idempotency_keys k JOIN journal_transactions j ON j.id = k.journal_id WHERE k.journal_id = $1`,
        [journalId],
      )
    )[0];

  it('runs a single flight on generic plans, and the two-flight way planned for its parameters', async () => {
    const a = (await t.client.createUser()).id; // no posting yet: its account is not in the book
    const runner = t.app.get(PipelinedTransactionRunner);
    const run = jest.spyOn(runner, 'run');
    try {
      await ledger.postBatch([postings.topup(a, 1n)]); // two flights
      await ledger.postBatch([postings.topup(a, 1n)]); // now it is: one
      expect(run.mock.calls.map(([, options]) => options.plans)).toEqual([undefined, 'generic']);
    } finally {
      run.mockRestore();
    }
  });

  it("writes a known batch in one round trip: the database's ids and timestamp in what it stores and what it sends, byte for byte", async () => {
    const a = await t.client.givenUserWithBalance(100n);
    const b = await t.client.givenUserWithBalance(0n);
    await ledger.postBatch([postings.topup(b, 1n)]); // both users' accounts and the treasury now in the book
    const before = await counters();
    const results = await ledger.postBatch([postings.topup(a, 5n), postings.spend(a, 3n), postings.transfer(a, b, 2n)]);
    const after = await counters();
    expect(after.single - before.single).toBe(1);
    expect(after.two - before.two).toBe(0);
    expect(results.map((r) => parsed(r).balanceAfter)).toEqual(['105', '102', '100']);
    const ids = results.map((r) => BigInt(parsed(r).id));
    expect(ids.every((id) => id > 0n) && ids[0] < ids[1] && ids[1] < ids[2]).toBe(true);
    for (const r of results) {
      const body = parsed(r);
      const row = await stored(body.id);
      expect(row.response_body).toBe(sent(r).body);
      expect(new Date(body.createdAt).getTime()).toBe(row.created_at.getTime());
      expect(Math.abs(Date.now() - row.created_at.getTime())).toBeLessThan(60_000);
    }
    expect([await t.client.balance(a), await t.client.balance(b)]).toEqual([100n, 3n]);
    expect((await t.client.verify()).ok).toBe(true);
  });

  it('replays a key that already has a record: the single flight rolls back and the two-flight way answers from it', async () => {
    const a = await t.client.givenUserWithBalance(50n);
    const spend = postings.spend(a, 10n);
    const [first] = await ledger.postBatch([spend]);
    const before = await counters();
    const [again] = await ledger.postBatch([spend]);
    const after = await counters();
    expect(after.keyTaken - before.keyTaken).toBe(1);
    expect(sent(again)).toMatchObject({ status: sent(first).status, body: sent(first).body, replayed: true });
    expect(await t.client.balance(a)).toBe(40n);
  });

  it('leaves nothing behind on its connection: a refusal stored next, the two-flight way, keeps its body', async () => {
    const a = await t.client.givenUserWithBalance(10n);
    await ledger.postBatch([postings.topup(a, 1n)]);
    for (let round = 0; round < 3; round++) {
      const [posted] = await ledger.postBatch([postings.spend(a, 1n)]); // single flight
      const [refused] = await ledger.postBatch([postings.spend(a, 1_000n)]); // a rejection: two flights
      expect([sent(posted).status, sent(refused).status]).toEqual([201, 422]);
      const [row] = await t.db.query<{ response_body: string }>(
        `SELECT response_body FROM idempotency_keys WHERE status_code = 422 AND user_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [a],
      );
      expect(row.response_body).toBe(sent(refused).body);
    }
  });

  it('keeps a description that reads like the placeholder instant: that batch goes the two-flight way', async () => {
    const a = await t.client.givenUserWithBalance(10n);
    await ledger.postBatch([postings.topup(a, 1n)]);
    const before = await counters();
    const [r] = await ledger.postBatch([{ ...postings.topup(a, 1n), description: '2999-12-31T23:59:59.999Z' }]);
    const after = await counters();
    expect([after.single - before.single, after.two - before.two]).toEqual([0, 1]);
    const body = parsed(r);
    expect(body.description).toBe('2999-12-31T23:59:59.999Z');
    expect(body.createdAt).not.toBe('2999-12-31T23:59:59.999Z');
    expect((await stored(body.id)).response_body).toBe(sent(r).body);
  });

  describe('another process on the same database', () => {
    let other: NestExpressApplication;

    beforeAll(async () => {
      other = await createApp(t.config);
      await other.init();
    });
    afterAll(() => other.close());

    it('moved the balances the book holds: the single flight rolls back, the two-flight way posts on the real balances', async () => {
      const a = await t.client.givenUserWithBalance(100n);
      await ledger.postBatch([postings.topup(a, 1n)]);
      const [elsewhere] = await other.get(LedgerService).postBatch([postings.topup(a, 7n)]);
      expect(parsed(elsewhere).balanceAfter).toBe('108');
      const before = await counters();
      const [here] = await ledger.postBatch([postings.topup(a, 5n)]);
      const after = await counters();
      expect([after.stale - before.stale, after.two - before.two, after.single - before.single]).toEqual([1, 1, 0]);
      expect(parsed(here).balanceAfter).toBe('113');
      expect(await t.client.balance(a)).toBe(113n);
      expect((await t.client.verify()).ok).toBe(true);
    });

    it('keeps every balance exact while both post to the same accounts concurrently', async () => {
      const users = await Promise.all(Array.from({ length: 4 }, () => t.client.givenUserWithBalance(1_000n)));
      const ledgers = [ledger, other.get(LedgerService)];
      const rounds = await Promise.all(
        Array.from({ length: 8 }, (_, k) =>
          ledgers[k % 2].postBatch(users.flatMap((u, i) => [postings.topup(u, BigInt(1 + i)), postings.spend(u, 2n)])),
        ),
      );
      expect(rounds.flat().every((r) => sent(r).status === 201)).toBe(true);
      // Each user: +(1+i) and -2 per round, 8 rounds.
      for (const [i, u] of users.entries()) expect(await t.client.balance(u)).toBe(1_000n + 8n * BigInt(i - 1));
      expect((await t.client.verify()).ok).toBe(true);
    });
  });
});
