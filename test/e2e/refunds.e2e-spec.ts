import { SCOPES } from '@app/api-keys';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createApiKey } from '../support/api-keys';
import { expectProblem, expectReplayOf } from '../support/problem-assertions';
import { ledgerViolations } from '../support/ledger-invariants';
import { startTestApp, TestApp } from '../support/test-app';

const MAX_AMOUNT = 10n ** 15n; // the most one request may move (the contract)

interface Entry {
  readonly account: { kind: 'SYSTEM'; name: string } | { kind: 'USER'; userId: string };
  readonly amount: string;
}

/** A transaction's entries as "ACCOUNT amount" lines, in a stable order (the contract fixes no order). */
function postingsOf(body: { entries: Entry[] }): string[] {
  return body.entries
    .map((e) => `${e.account.kind === 'SYSTEM' ? `SYSTEM:${e.account.name}` : `USER:${e.account.userId}`} ${e.amount}`)
    .sort();
}

const line = (account: string, amount: string) => `${account} ${amount}`;

/**
 * Refunds (API.md, "Refunds"): every original type moves back along its own path, partial refunds
 * never add up to more than the original (also when they race), and the three rejections are stored
 * outcomes like any business rejection.
 */
describe('Refunds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** The 201 body of a write, failing with the answer when it is not a 201. */
  function created(res: Response): { id: string; [field: string]: unknown } {
    expect({ status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({ status: 201, text: '' });
    return res.body as { id: string };
  }

  async function original(
    transactionId: string,
  ): Promise<{ refundedAmount: string; refunds: string[]; [field: string]: unknown }> {
    const res = await t.client.transaction(transactionId);
    expect(res.status).toBe(200);
    return res.body as { refundedAmount: string; refunds: string[] };
  }

  async function historyItem(userId: string, transactionId: string): Promise<Record<string, unknown>> {
    const res = await t.client.history(userId, { limit: 200 });
    expect(res.status).toBe(200);
    const item = (res.body.data as Array<{ id: string }>).find((i) => i.id === transactionId);
    if (item === undefined) throw new Error(`${transactionId} is not in the history of ${userId}`);
    return item;
  }

  describe('of a SPEND: the treasury credits the user', () => {
    it('refunds all of it by default and shows the refund on the original', async () => {
      const user = await t.client.givenUserWithBalance(500n);
      const spend = created(await t.client.spend(user, 120, { metadata: { order: 'o-1' } }));
      expect(await original(spend.id)).toMatchObject({ refundedAmount: '0', refunds: [] });

      const key = `refund-${randomUUID()}`;
      const res = await t.client.refund(spend.id, { key, reason: 'bought by mistake', metadata: { ticket: 'T-1' } });
      const refund = created(res);
      expect(refund).toMatchObject({
        type: 'REFUND',
        status: 'POSTED',
        refundOf: spend.id,
        userId: user,
        assetCode: 'GOLD',
        amount: '120',
        balanceAfter: '500',
        metadata: { ticket: 'T-1' },
        idempotencyKey: key,
        createdBy: 'master',
      });
      expect(refund.id).not.toBe(spend.id);
      expect(postingsOf(res.body)).toEqual([line('SYSTEM:TREASURY', '-120'), line(`USER:${user}`, '120')].sort());
      expect(await t.client.balance(user)).toBe(500n);

      expect(await original(spend.id)).toMatchObject({
        type: 'SPEND',
        amount: '120',
        refundedAmount: '120',
        refunds: [refund.id],
      });
      const read = await t.client.transaction(refund.id);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: refund.id, type: 'REFUND', refundOf: spend.id, amount: '120' });
      expect(await historyItem(user, refund.id)).toMatchObject({
        type: 'REFUND',
        assetCode: 'GOLD',
        amount: '120',
        direction: 'CREDIT',
        balanceAfter: '500',
        counterparty: { kind: 'SYSTEM', name: 'TREASURY' },
      });
    });

    it('refunds in parts, the last one defaulting to what is left, and then refuses with refundable 0', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const spend = created(await t.client.spend(user, 100));
      const first = created(await t.client.refund(spend.id, { amount: 30 }));
      expect(first).toMatchObject({ amount: '30', balanceAfter: '30' });
      const second = created(await t.client.refund(spend.id, { amount: '25' }));
      expect(second).toMatchObject({ amount: '25', balanceAfter: '55' });
      expect(await original(spend.id)).toMatchObject({ refundedAmount: '55' });
      const rest = created(await t.client.refund(spend.id));
      expect(rest).toMatchObject({ amount: '45', balanceAfter: '100', refundOf: spend.id });

      const after = await original(spend.id);
      expect(after.refundedAmount).toBe('100');
      expect([...after.refunds].sort()).toEqual([first.id, second.id, rest.id].sort());

      const none = await t.client.refund(spend.id);
      expectProblem(none, 422, 'REFUND_EXCEEDS_ORIGINAL');
      expect(none.body.refundable).toBe('0');
      const one = await t.client.refund(spend.id, { amount: 1 });
      expectProblem(one, 422, 'REFUND_EXCEEDS_ORIGINAL');
      expect(one.body.refundable).toBe('0');
      expect(await t.client.balance(user)).toBe(100n);
    });
  });

  describe('of a TOPUP: a charge-back from the user to the treasury', () => {
    it('debits the user, and refuses with INSUFFICIENT_FUNDS (stored) once the credits are spent', async () => {
      const user = (await t.client.createUser()).id;
      const topup = created(await t.client.topup(user, 200));
      const part = await t.client.refund(topup.id, { amount: 50 });
      expect(created(part)).toMatchObject({
        type: 'REFUND',
        refundOf: topup.id,
        userId: user,
        amount: '50',
        balanceAfter: '150',
      });
      expect(postingsOf(part.body)).toEqual([line('SYSTEM:TREASURY', '50'), line(`USER:${user}`, '-50')].sort());
      expect(await historyItem(user, part.body.id as string)).toMatchObject({
        type: 'REFUND',
        direction: 'DEBIT',
        amount: '50',
        balanceAfter: '150',
        counterparty: { kind: 'SYSTEM', name: 'TREASURY' },
      });

      created(await t.client.spend(user, 120));
      const key = `chargeback-${randomUUID()}`;
      const refused = await t.client.refund(topup.id, { key });
      expectProblem(refused, 422, 'INSUFFICIENT_FUNDS');
      expect(refused.body).toMatchObject({ assetCode: 'GOLD', balance: '30', required: '150' });
      // Stored: the same request again is the same answer, even once the user could pay.
      created(await t.client.topup(user, 1000));
      expectReplayOf(await t.client.refund(topup.id, { key }), refused);
      expect(await original(topup.id)).toMatchObject({ refundedAmount: '50' });
      expect(await t.client.balance(user)).toBe(1030n);

      expect(created(await t.client.refund(topup.id))).toMatchObject({ amount: '150', balanceAfter: '880' });
      expect(await original(topup.id)).toMatchObject({ refundedAmount: '200' });
    });
  });

  describe('of a BONUS: back to the bonus pool', () => {
    it('debits the user to BONUS, in any asset', async () => {
      const user = (await t.client.createUser()).id;
      const bonus = created(await t.client.bonus(user, 80, { assetCode: 'POINT' }));
      const res = await t.client.refund(bonus.id);
      expect(created(res)).toMatchObject({
        type: 'REFUND',
        refundOf: bonus.id,
        userId: user,
        assetCode: 'POINT',
        amount: '80',
        balanceAfter: '0',
      });
      expect(postingsOf(res.body)).toEqual([line('SYSTEM:BONUS', '80'), line(`USER:${user}`, '-80')].sort());
      expect(await historyItem(user, res.body.id as string)).toMatchObject({
        type: 'REFUND',
        assetCode: 'POINT',
        direction: 'DEBIT',
        counterparty: { kind: 'SYSTEM', name: 'BONUS' },
      });
      expect(await t.client.balance(user, 'POINT')).toBe(0n);
      expect(await original(bonus.id)).toMatchObject({ refundedAmount: '80', refunds: [res.body.id] });
    });
  });

  describe('of a TRANSFER: from the receiver back to the sender', () => {
    it('moves back in parts and refuses with INSUFFICIENT_FUNDS (stored) when the receiver has spent it', async () => {
      const sender = await t.client.givenUserWithBalance(500n);
      const receiver = (await t.client.createUser()).id;
      const transfer = created(await t.client.transfer(sender, receiver, 200));

      const res = await t.client.refund(transfer.id, { amount: 50 });
      expect(created(res)).toMatchObject({
        type: 'REFUND',
        refundOf: transfer.id,
        userId: sender,
        amount: '50',
        balanceAfter: '350',
      });
      expect(postingsOf(res.body)).toEqual([line(`USER:${receiver}`, '-50'), line(`USER:${sender}`, '50')].sort());
      expect(await t.client.balance(sender)).toBe(350n);
      expect(await t.client.balance(receiver)).toBe(150n);
      expect(await historyItem(sender, res.body.id as string)).toMatchObject({
        type: 'REFUND',
        direction: 'CREDIT',
        amount: '50',
        balanceAfter: '350',
        counterparty: { kind: 'USER', userId: receiver },
      });
      expect(await historyItem(receiver, res.body.id as string)).toMatchObject({
        type: 'REFUND',
        direction: 'DEBIT',
        amount: '50',
        balanceAfter: '150',
        counterparty: { kind: 'USER', userId: sender },
      });

      created(await t.client.spend(receiver, 120));
      const key = `trade-undo-${randomUUID()}`;
      const refused = await t.client.refund(transfer.id, { key });
      expectProblem(refused, 422, 'INSUFFICIENT_FUNDS');
      expect(refused.body).toMatchObject({ assetCode: 'GOLD', balance: '30', required: '150' });
      created(await t.client.topup(receiver, 500));
      expectReplayOf(await t.client.refund(transfer.id, { key }), refused);
      expect(await t.client.balance(receiver)).toBe(530n);

      expect(created(await t.client.refund(transfer.id))).toMatchObject({ amount: '150', balanceAfter: '500' });
      expect(await t.client.balance(sender)).toBe(500n);
      expect(await t.client.balance(receiver)).toBe(380n);
      expect(await original(transfer.id)).toMatchObject({ type: 'TRANSFER', refundedAmount: '200' });
    });
  });

  describe('rejections', () => {
    it('stores REFUND_EXCEEDS_ORIGINAL with what is refundable, and replays it after the rest was refunded', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const spend = created(await t.client.spend(user, 100));
      created(await t.client.refund(spend.id, { amount: 60 }));
      const key = `too-much-${randomUUID()}`;
      const refused = await t.client.refund(spend.id, { key, amount: 50 });
      expectProblem(refused, 422, 'REFUND_EXCEEDS_ORIGINAL');
      expect(refused.body.refundable).toBe('40');
      expectReplayOf(await t.client.refund(spend.id, { key, amount: '50' }), refused);

      created(await t.client.refund(spend.id, { amount: 40 }));
      expectReplayOf(await t.client.refund(spend.id, { key, amount: 50 }), refused);
      expect(await original(spend.id)).toMatchObject({ refundedAmount: '100' });
      expect(await t.client.balance(user)).toBe(100n);
    });

    it('refuses an amount larger than the original, up to the largest valid amount, with REFUND_EXCEEDS_ORIGINAL', async () => {
      const user = await t.client.givenUserWithBalance(10n);
      const spend = created(await t.client.spend(user, 10));
      const refused = await t.client.refund(spend.id, { amount: MAX_AMOUNT.toString() });
      expectProblem(refused, 422, 'REFUND_EXCEEDS_ORIGINAL');
      expect(refused.body.refundable).toBe('10');
      expect(await t.client.balance(user)).toBe(0n);
    });

    it('refuses to refund a refund with NOT_REFUNDABLE, stored', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const spend = created(await t.client.spend(user, 100));
      const refund = created(await t.client.refund(spend.id, { amount: 40 }));
      const key = `refund-of-refund-${randomUUID()}`;
      const refused = await t.client.refund(refund.id, { key, amount: 10 });
      expectProblem(refused, 422, 'NOT_REFUNDABLE');
      expectReplayOf(await t.client.refund(refund.id, { key, amount: 10 }), refused);
      expectProblem(await t.client.refund(refund.id), 422, 'NOT_REFUNDABLE');
      expect(await t.client.balance(user)).toBe(40n);
      expect(await original(spend.id)).toMatchObject({ refundedAmount: '40', refunds: [refund.id] });
    });

    it('refuses to refund the movements of a hold with NOT_REFUNDABLE', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const hold = await t.client.createHold(user, 70);
      expect(hold.status).toBe(201);
      expect((await t.client.captureHold(hold.body.id as string, { amount: 50 })).status).toBe(200);
      const history = await t.client.history(user, { limit: 200 });
      const movements = (history.body.data as Array<{ id: string; type: string }>).filter((i) => i.type.startsWith('HOLD'));
      expect(movements.map((m) => m.type)).toEqual(expect.arrayContaining(['HOLD', 'HOLD_CAPTURE']));
      for (const movement of movements) {
        expectProblem(await t.client.refund(movement.id), 422, 'NOT_REFUNDABLE');
        expectProblem(await t.client.refund(movement.id, { amount: 1 }), 422, 'NOT_REFUNDABLE');
      }
      expect(await t.client.balance(user)).toBe(50n);
    });

    it('answers 404 NOT_FOUND for a transaction that does not exist, whatever the id looks like', async () => {
      for (const id of ['999999999999', '0', randomUUID(), 'no-such-transaction', '-1']) {
        expectProblem(await t.client.refund(id), 404, 'NOT_FOUND');
        expectProblem(await t.client.refund(id, { amount: 1 }), 404, 'NOT_FOUND');
      }
    });

    it('refuses bad bodies with VALIDATION_FAILED, stores none of them, and moves nothing', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const spend = created(await t.client.spend(user, 100));
      const key = `bad-body-${randomUUID()}`;
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ amount: 0 }, 'amount'],
        [{ amount: '0' }, 'amount'],
        [{ amount: -5 }, 'amount'],
        [{ amount: '-5' }, 'amount'],
        [{ amount: 1.5 }, 'amount'],
        [{ amount: '1.5' }, 'amount'],
        [{ amount: 'abc' }, 'amount'],
        [{ amount: '' }, 'amount'],
        [{ amount: true }, 'amount'],
        [{ amount: (MAX_AMOUNT + 1n).toString() }, 'amount'],
        [{ amount: '1e3' }, 'amount'],
        [{ amount: 10, reason: 'r'.repeat(501) }, 'reason'],
        [{ amount: 10, reason: 42 }, 'reason'],
        [{ amount: 10, metadata: { nested: { a: 'b' } } }, 'metadata'],
        [{ amount: 10, metadata: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'])) }, 'metadata'],
        [{ amount: 10, metadata: 'text' }, 'metadata'],
      ];
      for (const [body, field] of bad) {
        expectProblem(await t.client.refund(spend.id, { key, body }), 400, 'VALIDATION_FAILED', field);
      }
      expectProblem(await t.client.refund(spend.id, { key, body: { amount: 10, unknownField: 'x' } }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.client.refund(spend.id, { key, body: { amount: 10, userId: user } }), 400, 'VALIDATION_FAILED');
      const noKey = await t.client.http().post(`/v1/transactions/${spend.id}/refunds`).send({ amount: 10 });
      expectProblem(noKey, 400, 'VALIDATION_FAILED', 'Idempotency-Key');

      // A reason of exactly 500 characters is fine; nothing of the refusals was stored under the key.
      const ok = await t.client.refund(spend.id, { key, amount: 10, reason: 'r'.repeat(500) });
      expect(created(ok)).toMatchObject({ amount: '10' });
      expect(ok.headers['idempotent-replayed']).toBeUndefined();
      expect(await original(spend.id)).toMatchObject({ refundedAmount: '10', refunds: [ok.body.id] });
      expect(await t.client.balance(user)).toBe(10n);
    });

    it('answers 403 FORBIDDEN without the wallets:refund scope', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const spend = created(await t.client.spend(user, 100));
      const key = await createApiKey(
        t.url,
        SCOPES.filter((s) => s !== 'wallets:refund'),
      );
      const refused = await t.client.as(key.secret).refund(spend.id, { amount: 10 });
      expectProblem(refused, 403, 'FORBIDDEN');
      expect(refused.body.requiredScope).toBe('wallets:refund');
      const allowed = await createApiKey(t.url, ['wallets:refund', 'wallets:read']);
      expect(created(await t.client.as(allowed.secret).refund(spend.id, { amount: 10 }))).toMatchObject({
        createdBy: allowed.id,
      });
      expect(await original(spend.id)).toMatchObject({ refundedAmount: '10' });
    });
  });

  describe('idempotency', () => {
    it('replays a refund with its key (from either carrier) and moves the money once', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const spend = created(await t.client.spend(user, 100));
      const key = `refund-once-${randomUUID()}`;
      const first = await t.client.refund(spend.id, { key, amount: 30, keyInBody: true });
      created(first);
      expectReplayOf(await t.client.refund(spend.id, { key, amount: '30' }), first);
      expectReplayOf(await t.client.refund(spend.id, { key, amount: 30, keyInBody: true }), first);
      expect(await t.client.balance(user)).toBe(30n);
      expect(await original(spend.id)).toMatchObject({ refundedAmount: '30', refunds: [first.body.id] });

      // The same key for a different refund of the same user's transactions is a reuse.
      expectProblem(await t.client.refund(spend.id, { key, amount: 31 }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expectProblem(await t.client.refund(spend.id, { key, amount: 30, reason: 'other' }), 422, 'IDEMPOTENCY_KEY_REUSED');
      const other = created(await t.client.spend(user, 10));
      expectProblem(await t.client.refund(other.id, { key, amount: 30 }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expectProblem(await t.client.spend(user, 30, { key }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await t.client.balance(user)).toBe(20n);
    });

    it('scopes the key to the original acting user (the sender of a transfer)', async () => {
      const a = await t.client.givenUserWithBalance(1000n);
      const b = await t.client.givenUserWithBalance(1000n);
      const shared = `shared-${randomUUID()}`;
      // a used the key for a spend: a refund of a's transaction with it is a reuse.
      const aSpend = created(await t.client.spend(a, 100, { key: shared }));
      expectProblem(await t.client.refund(aSpend.id, { key: shared }), 422, 'IDEMPOTENCY_KEY_REUSED');
      // b never used it: a refund of b's transaction with it is carried out.
      const bSpend = created(await t.client.spend(b, 100));
      created(await t.client.refund(bSpend.id, { key: shared }));

      // A transfer a → b: its refund is a's write, whoever pays it.
      const transfer = created(await t.client.transfer(a, b, 50));
      const onlyB = `only-b-${randomUUID()}`;
      created(await t.client.topup(b, 1, { key: onlyB }));
      expect(created(await t.client.refund(transfer.id, { key: onlyB, amount: 20 }))).toMatchObject({ userId: a });
      const onlyA = `only-a-${randomUUID()}`;
      created(await t.client.topup(a, 1, { key: onlyA }));
      expectProblem(await t.client.refund(transfer.id, { key: onlyA, amount: 20 }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await original(transfer.id)).toMatchObject({ refundedAmount: '20' });
      expect(await t.client.balance(a)).toBe(1000n - 100n - 50n + 20n + 1n);
      expect(await t.client.balance(b)).toBe(1000n - 100n + 100n + 50n - 20n + 1n);
    });
  });

  describe('under concurrency', () => {
    it('lets exactly 33 of 40 concurrent refunds of 3 through for an original of 100', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const spend = created(await t.client.spend(user, 100));
      const responses = await Promise.all(Array.from({ length: 40 }, () => t.client.refund(spend.id, { amount: 3 })));
      const ok = responses.filter((r) => r.status === 201);
      const refused = responses.filter((r) => r.status !== 201);
      expect(ok).toHaveLength(33);
      expect(refused).toHaveLength(7);
      for (const r of refused) {
        expectProblem(r, 422, 'REFUND_EXCEEDS_ORIGINAL');
        expect(r.body.refundable).toBe('1');
      }
      // Every refund saw a distinct balance: 3, 6, ..., 99.
      const after = ok.map((r) => BigInt(r.body.balanceAfter as string)).sort((x, y) => (x < y ? -1 : 1));
      expect(after).toEqual(Array.from({ length: 33 }, (_, i) => 3n * BigInt(i + 1)));

      const read = await original(spend.id);
      expect(read.refundedAmount).toBe('99');
      expect([...read.refunds].sort()).toEqual(ok.map((r) => r.body.id as string).sort());
      expect(await t.client.balance(user)).toBe(99n);

      expect(created(await t.client.refund(spend.id))).toMatchObject({ amount: '1', balanceAfter: '100' });
      expect(await original(spend.id)).toMatchObject({ refundedAmount: '100' });
    });

    it('caps concurrent refunds of a transfer of mixed sizes at the original', async () => {
      const sender = await t.client.givenUserWithBalance(300n);
      const receiver = await t.client.givenUserWithBalance(1000n);
      const transfer = created(await t.client.transfer(sender, receiver, 300));
      const amounts = Array.from({ length: 30 }, (_, i) => 1 + ((i * 7) % 23));
      const responses = await Promise.all(amounts.map((amount) => t.client.refund(transfer.id, { amount })));
      const unexpected = responses.filter((r) => r.status !== 201 && r.body.code !== 'REFUND_EXCEEDS_ORIGINAL');
      expect(unexpected.map((r) => `${r.status} ${r.text}`)).toEqual([]);
      const refunded = responses.reduce((sum, r, i) => (r.status === 201 ? sum + BigInt(amounts[i]) : sum), 0n);
      expect(refunded).toBeLessThanOrEqual(300n);
      // A refused refund saw less left than it asked for, and what is left now is no more than that.
      responses.forEach((r, i) => {
        if (r.status === 201) return;
        expect(BigInt(r.body.refundable as string)).toBeLessThan(BigInt(amounts[i]));
        expect(BigInt(amounts[i])).toBeGreaterThan(300n - refunded);
      });
      expect(await original(transfer.id)).toMatchObject({ refundedAmount: refunded.toString() });
      expect(await t.client.balance(sender)).toBe(refunded);
      expect(await t.client.balance(receiver)).toBe(1300n - refunded);
    });
  });

  it('leaves a whole ledger behind', async () => {
    expect(await ledgerViolations(t.db)).toEqual([]);
    for (const full of [false, true]) {
      const report = await t.client.verify({ full });
      expect(report.assets.flatMap((a) => a.mismatches)).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });
});
