import { loadAppConfig } from '@app/common';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { sleep } from '../support/http-json';
import { expectProblem, expectReplayOf } from '../support/problem-assertions';
import { ledgerViolations } from '../support/ledger-invariants';
import { startTestApp, TestApp } from '../support/test-app';

const MAX_AMOUNT = 10n ** 15n;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Longer than this file runs: a run that would cross a UTC midnight waits for it first. */
const SUITE_BUDGET_MS = 3 * 60 * 1000;

/**
 * The day the limit counts is the UTC calendar day, so a run that crossed midnight would start a
 * fresh budget half-way. Rather than depend on the wall clock, wait out a midnight that is close.
 */
async function awayFromUtcMidnight(): Promise<void> {
  const untilMidnight = DAY_MS - (Date.now() % DAY_MS);
  if (untilMidnight < SUITE_BUDGET_MS) await sleep(untilMidnight + 2000);
}

function expect201(res: Response): void {
  expect({ status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({ status: 201, text: '' });
}

function expectOverLimit(res: Response, limit: string, remaining: string): void {
  expectProblem(res, 422, 'DAILY_LIMIT_EXCEEDED');
  expect({ limit: res.body.limit, remaining: res.body.remaining }).toEqual({ limit, remaining });
}

async function expectWholeLedger(t: TestApp): Promise<void> {
  expect(await ledgerViolations(t.db)).toEqual([]);
  const report = await t.client.verify({ full: true });
  expect(report.assets.flatMap((a) => a.mismatches)).toEqual([]);
  expect(report.ok).toBe(true);
}

/**
 * The sender's daily transfer limit (API.md, error table: DAILY_LIMIT_EXCEEDED; env
 * TRANSFER_DAILY_LIMIT, off by default): per sender and asset, per UTC day, transfers only; the
 * refusal carries `limit` and `remaining` and is a stored outcome.
 */
describe('Daily transfer limit', () => {
  beforeAll(() => awayFromUtcMidnight(), SUITE_BUDGET_MS + 10_000);

  describe('with TRANSFER_DAILY_LIMIT=GOLD:1000,DIAMOND:50', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ TRANSFER_DAILY_LIMIT: 'GOLD:1000,DIAMOND:50' });
    });
    afterAll(() => t.close());

    it('lets transfers through up to the limit, then refuses the next one with DAILY_LIMIT_EXCEEDED, stored', async () => {
      const sender = await t.client.givenUserWithBalance(5000n);
      const receiver = (await t.client.createUser()).id;
      expect201(await t.client.transfer(sender, receiver, 400));
      const lastKey = `last-${randomUUID()}`;
      const last = await t.client.transfer(sender, receiver, '600', { key: lastKey });
      expect201(last);

      const overKey = `over-${randomUUID()}`;
      const over = await t.client.transfer(sender, receiver, 1, { key: overKey });
      expectOverLimit(over, '1000', '0');
      expectReplayOf(await t.client.transfer(sender, receiver, '1', { key: overKey }), over);
      expectProblem(await t.client.transfer(sender, receiver, 2, { key: overKey }), 422, 'IDEMPOTENCY_KEY_REUSED');
      // A stored success stays a success.
      expectReplayOf(await t.client.transfer(sender, receiver, 600, { key: lastKey }), last);

      expect(await t.client.balance(sender)).toBe(4000n);
      expect(await t.client.balance(receiver)).toBe(1000n);
    });

    it('says what remains, and lets exactly the remainder through', async () => {
      const sender = await t.client.givenUserWithBalance(5000n);
      const receiver = (await t.client.createUser()).id;
      expectOverLimit(await t.client.transfer(sender, receiver, 1001), '1000', '1000');
      expect201(await t.client.transfer(sender, receiver, 900));
      expectOverLimit(await t.client.transfer(sender, receiver, 200), '1000', '100');
      expect201(await t.client.transfer(sender, receiver, 100));
      expectOverLimit(await t.client.transfer(sender, receiver, 1), '1000', '0');
      expect(await t.client.balance(sender)).toBe(4000n);
    });

    it('counts per sender and per asset, only what the sender sends; assets not listed have no limit', async () => {
      const a = await t.client.givenUserWithBalance(2000n);
      const b = (await t.client.createUser()).id;
      const c = (await t.client.createUser()).id;
      expect201(await t.client.transfer(a, b, 1000));
      // b received 1000 today and may still send 1000 of its own.
      expect201(await t.client.transfer(b, c, 1000));
      expectOverLimit(await t.client.transfer(b, c, 1), '1000', '0');
      expectOverLimit(await t.client.transfer(a, c, 1), '1000', '0');
      // c has sent nothing: its whole budget is left.
      expect201(await t.client.transfer(c, a, 1000));

      // DIAMOND has its own limit.
      expect201(await t.client.topup(a, 500, { assetCode: 'DIAMOND' }));
      expect201(await t.client.transfer(a, b, 30, { assetCode: 'DIAMOND' }));
      expectOverLimit(await t.client.transfer(a, b, 21, { assetCode: 'DIAMOND' }), '50', '20');
      expect201(await t.client.transfer(a, b, 20, { assetCode: 'DIAMOND' }));

      // POINT is not listed: no limit.
      expect201(await t.client.topup(a, MAX_AMOUNT.toString(), { assetCode: 'POINT' }));
      expect201(await t.client.transfer(a, b, (MAX_AMOUNT / 2n).toString(), { assetCode: 'POINT' }));
      expect201(await t.client.transfer(a, b, (MAX_AMOUNT / 2n).toString(), { assetCode: 'POINT' }));

      expect(await t.client.balances(a)).toMatchObject({ GOLD: 2000n, DIAMOND: 450n, POINT: 0n });
      expect(await t.client.balances(b)).toMatchObject({ GOLD: 0n, DIAMOND: 50n, POINT: MAX_AMOUNT });
    });

    it('counts neither spends, top-ups and bonuses nor refused transfers', async () => {
      const sender = await t.client.givenUserWithBalance(3000n);
      const receiver = (await t.client.createUser()).id;
      expect201(await t.client.spend(sender, 2500));
      // Refusals move nothing, so they use none of the budget (800 is within the limit, beyond the balance).
      expectProblem(await t.client.transfer(sender, receiver, 800), 422, 'INSUFFICIENT_FUNDS');
      expect201(await t.client.bonus(sender, 700));
      expect201(await t.client.topup(sender, 800));
      expectProblem(await t.client.transfer(sender, sender, 500), 422, 'SAME_ACCOUNT_TRANSFER');
      expectOverLimit(await t.client.transfer(sender, receiver, 1500), '1000', '1000');
      expect201(await t.client.transfer(sender, receiver, 1000));
      expectOverLimit(await t.client.transfer(sender, receiver, 1), '1000', '0');
      expect(await t.client.balance(sender)).toBe(1000n);
      expect(await t.client.balance(receiver)).toBe(1000n);
    });

    it('lets exactly 33 of 50 concurrent transfers of 30 through a limit of 1000', async () => {
      const sender = await t.client.givenUserWithBalance(2000n);
      const receivers = [(await t.client.createUser()).id, (await t.client.createUser()).id, (await t.client.createUser()).id];
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => t.client.transfer(sender, receivers[i % 3], 30)));
      const ok = responses.filter((r) => r.status === 201);
      const refused = responses.filter((r) => r.status !== 201);
      expect(ok).toHaveLength(33);
      expect(refused).toHaveLength(17);
      for (const r of refused) expectOverLimit(r, '1000', '10');
      // Every transfer that passed saw a distinct balance: 1970, 1940, ..., 1010.
      const after = ok.map((r) => BigInt(r.body.balanceAfter as string)).sort((x, y) => (x < y ? -1 : 1));
      expect(after).toEqual(Array.from({ length: 33 }, (_, i) => 1010n + 30n * BigInt(i)));
      expect(await t.client.balance(sender)).toBe(2000n - 990n);
      let received = 0n;
      for (const r of receivers) received += await t.client.balance(r);
      expect(received).toBe(990n);
      expect201(await t.client.transfer(sender, receivers[0], 10));
      expectOverLimit(await t.client.transfer(sender, receivers[0], 1), '1000', '0');
      await expectWholeLedger(t);
    });
  });

  describe('with one number for every asset (TRANSFER_DAILY_LIMIT=500)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ TRANSFER_DAILY_LIMIT: '500' });
    });
    afterAll(() => t.close());

    it('limits every asset to that number, each on its own', async () => {
      const sender = (await t.client.createUser()).id;
      const receiver = (await t.client.createUser()).id;
      for (const assetCode of ['GOLD', 'DIAMOND', 'POINT']) {
        expect201(await t.client.topup(sender, 1000, { assetCode }));
        expect201(await t.client.transfer(sender, receiver, 499, { assetCode }));
        expectOverLimit(await t.client.transfer(sender, receiver, 2, { assetCode }), '500', '1');
        expect201(await t.client.transfer(sender, receiver, 1, { assetCode }));
      }
      expect(await t.client.balances(receiver)).toMatchObject({ GOLD: 500n, DIAMOND: 500n, POINT: 500n });
      await expectWholeLedger(t);
    });
  });

  describe('without TRANSFER_DAILY_LIMIT (the default)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('has no limit', async () => {
      const sender = (await t.client.createUser()).id;
      const receiver = (await t.client.createUser()).id;
      for (let i = 0; i < 3; i++) expect201(await t.client.topup(sender, MAX_AMOUNT.toString()));
      for (let i = 0; i < 3; i++) expect201(await t.client.transfer(sender, receiver, MAX_AMOUNT.toString()));
      expect(await t.client.balance(receiver)).toBe(3n * MAX_AMOUNT);
      await expectWholeLedger(t);
    });
  });

  it('refuses to start with a malformed TRANSFER_DAILY_LIMIT, naming it', () => {
    for (const value of [
      'GOLD:abc',
      'GOLD:-5',
      'GOLD:1.5',
      'gold:100',
      'GOLD',
      'GOLD:',
      ':100',
      'abc',
      '-1',
      'GOLD:100;DIAMOND:5',
    ]) {
      expect(() => loadAppConfig({ TRANSFER_DAILY_LIMIT: value })).toThrow(/TRANSFER_DAILY_LIMIT/);
    }
    for (const value of ['GOLD:1000,DIAMOND:50', '1000', 'GOLD:1000']) {
      expect(() => loadAppConfig({ TRANSFER_DAILY_LIMIT: value })).not.toThrow();
    }
  });
});
