import { MAX_BALANCE } from '@app/common';
import { LedgerService } from '@app/ledger';
import { postings } from '../support/postings';
import { expectProblem } from '../support/problem-assertions';
import { startTestApp, TestApp } from '../support/test-app';

const MAX_AMOUNT = 10n ** 15n; // the most one request may move (the contract)

/**
 * The storable range: a write that would take a balance past PostgreSQL's bigint is a stored
 * LIMIT_EXCEEDED (422), never a 500 — for a user at the top of the range and for a system pool at
 * the bottom of it. Reaching 9.2×10^18 takes 9,223 maximal top-ups; they go through the ledger
 * service in a few large batches.
 */
describe('Balance limits over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a write past the bigint range with LIMIT_EXCEEDED, stores the refusal, and reaches the exact maximum', async () => {
    const whale = (await t.client.createUser()).id;
    const ledger = t.app.get(LedgerService);
    const fills = Number(MAX_BALANCE / MAX_AMOUNT); // 9,223 top-ups of 10^15
    for (let done = 0; done < fills; done += 1000) {
      const batch = Array.from({ length: Math.min(1000, fills - done) }, () => postings.topup(whale, MAX_AMOUNT));
      const results = await ledger.postBatch(batch);
      expect(results.every((r) => r.ok && r.value.status === 201)).toBe(true);
    }
    const headroom = MAX_BALANCE - BigInt(fills) * MAX_AMOUNT;
    expect(await t.client.balance(whale)).toBe(MAX_BALANCE - headroom);

    // The user's side: one more maximal top-up would pass the top of the range.
    const refused = await t.client.topup(whale, MAX_AMOUNT.toString(), { key: 'past-the-top' });
    expectProblem(refused, 422, 'LIMIT_EXCEEDED');
    expect(refused.body.assetCode).toBe('GOLD');
    const replay = await t.client.topup(whale, MAX_AMOUNT.toString(), { key: 'past-the-top' });
    expect(replay.status).toBe(422);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.text).toBe(refused.text);

    // Exactly to the maximum is fine (from the bonus pool, which is far from its own limit).
    const toTheTop = await t.client.bonus(whale, headroom.toString());
    expect(toTheTop.status).toBe(201);
    expect(toTheTop.body.balanceAfter).toBe(MAX_BALANCE.toString());
    expectProblem(await t.client.bonus(whale, '1'), 422, 'LIMIT_EXCEEDED');

    // The treasury's side: it holds minus everything it issued and cannot go below the range either.
    const other = (await t.client.createUser()).id;
    expectProblem(await t.client.topup(other, MAX_AMOUNT.toString()), 422, 'LIMIT_EXCEEDED');
    expect(await t.client.balance(other)).toBe(0n);

    // Money still moves out of a full account, and the ledger is whole.
    expect((await t.client.spend(whale, MAX_AMOUNT.toString())).status).toBe(201);
    expect(await t.client.balance(whale)).toBe(MAX_BALANCE - MAX_AMOUNT);
    expect((await t.client.verify()).ok).toBe(true);
  }, 120_000);
});
