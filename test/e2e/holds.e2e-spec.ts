import { SCOPES } from '@app/api-keys';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createApiKey } from '../support/api-keys';
import { sleep, waitUntil } from '../support/http-json';
import { expectProblem, expectReplayOf } from '../support/problem-assertions';
import { ledgerViolations } from '../support/ledger-invariants';
import { startTestApp, TestApp } from '../support/test-app';
import type { HoldBody, HoldOptions } from '../support/wallet-client';

const MAX_AMOUNT = 10n ** 15n;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** The expiry job's period in these tests (the default is much longer); expiry is due within 60 s by contract. */
const EXPIRY_INTERVAL_MS = 200;

interface HistoryItem {
  readonly id: string;
  readonly type: string;
  readonly amount: string;
  readonly direction: 'CREDIT' | 'DEBIT';
  readonly balanceAfter: string;
  readonly createdBy: string;
}

/**
 * Holds (API.md, "Holds"): authorize, then capture (partly, to the treasury or to another user) or
 * void; an unfinished hold expires. Exactly one of capture, void and expiry finishes a hold, and the
 * held funds always equal the active holds.
 */
describe('Holds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ HOLD_EXPIRY_INTERVAL_MS: String(EXPIRY_INTERVAL_MS) });
  });
  afterAll(() => t.close());

  async function hold(userId: string, amount: number | string, options: HoldOptions = {}): Promise<HoldBody> {
    const res = await t.client.createHold(userId, amount, options);
    expect({ status: res.status, text: res.status === 201 ? '' : res.text }).toEqual({ status: 201, text: '' });
    return res.body as HoldBody;
  }

  function finished(res: Response): HoldBody {
    expect({ status: res.status, text: res.status === 200 ? '' : res.text }).toEqual({ status: 200, text: '' });
    return res.body as HoldBody;
  }

  async function readHold(id: string): Promise<HoldBody> {
    const res = await t.client.getHold(id);
    expect(res.status).toBe(200);
    return res.body as HoldBody;
  }

  async function history(userId: string): Promise<HistoryItem[]> {
    const res = await t.client.history(userId, { limit: 200 });
    expect(res.status).toBe(200);
    return res.body.data as HistoryItem[];
  }

  /** The ids of a hold's journals, whether the hold lists them as ids or as transactions. */
  function transactionIds(body: HoldBody): string[] {
    return body.transactions.map((tx) => (typeof tx === 'string' ? tx : (tx as { id: string }).id));
  }

  describe('authorize', () => {
    it('reserves the amount: 201 HELD, the balance drops and the row shows it held', async () => {
      const user = await t.client.givenUserWithBalance(500n);
      const key = `auth-${randomUUID()}`;
      const res = await t.client.createHold(user, 120, { key, description: 'tournament entry', metadata: { table: '7' } });
      expect(res.status).toBe(201);
      const body = res.body as HoldBody;
      expect(body).toMatchObject({ status: 'HELD', userId: user, assetCode: 'GOLD', amount: '120', capturedAmount: '0' });
      expect(body.id).toEqual(expect.any(String));
      expect(body.createdAt).toMatch(ISO_MS);
      expect(body.expiresAt).toMatch(ISO_MS);
      expect(Math.abs(Date.parse(body.expiresAt) - Date.parse(body.createdAt) - 3_600_000)).toBeLessThanOrEqual(1000);
      expect(body.transactions).toHaveLength(1);

      expect(await t.client.wallet(user)).toEqual({ balance: 380n, held: 120n });
      expect((await t.client.balanceRows(user)).map((r) => [r.assetCode, r.held])).toEqual(
        expect.arrayContaining([
          ['GOLD', '120'],
          ['DIAMOND', '0'],
          ['POINT', '0'],
        ]),
      );
      expect(await readHold(body.id)).toMatchObject({
        id: body.id,
        status: 'HELD',
        amount: '120',
        capturedAmount: '0',
        expiresAt: body.expiresAt,
      });

      const [item] = await history(user);
      expect(item).toMatchObject({
        id: transactionIds(body)[0],
        type: 'HOLD',
        amount: '120',
        direction: 'DEBIT',
        balanceAfter: '380',
      });
      const tx = await t.client.transaction(item.id);
      expect(tx.status).toBe(200);
      expect(tx.body).toMatchObject({ type: 'HOLD', amount: '120' });

      // Idempotent: the same request again is the same hold, reserved once; another request with the key is a reuse.
      expectReplayOf(
        await t.client.createHold(user, '120', { key, description: 'tournament entry', metadata: { table: '7' } }),
        res,
      );
      expectProblem(
        await t.client.createHold(user, 121, { key, description: 'tournament entry', metadata: { table: '7' } }),
        422,
        'IDEMPOTENCY_KEY_REUSED',
      );
      expect(await t.client.wallet(user)).toEqual({ balance: 380n, held: 120n });
    });

    it('accepts expiresInSeconds from 1 to 604800 and refuses anything else with VALIDATION_FAILED', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const week = await hold(user, 10, { expiresInSeconds: 604800 });
      expect(Date.parse(week.expiresAt) - Date.parse(week.createdAt)).toBeGreaterThanOrEqual(604800_000 - 1000);
      expect(Date.parse(week.expiresAt) - Date.parse(week.createdAt)).toBeLessThanOrEqual(604800_000 + 1000);
      const hour = await hold(user, 10, { expiresInSeconds: 3600 });
      expect(Math.abs(Date.parse(hour.expiresAt) - Date.parse(hour.createdAt) - 3_600_000)).toBeLessThanOrEqual(1000);
      const key = `bounds-${randomUUID()}`;
      for (const expiresInSeconds of [0, -1, 604801, 1.5, 'abc', '', true, 10 ** 12]) {
        const res = await t.client.createHold(user, 10, {
          key,
          body: { userId: user, assetCode: 'GOLD', amount: 10, expiresInSeconds },
        });
        expectProblem(res, 400, 'VALIDATION_FAILED', 'expiresInSeconds');
      }
      // Refusals are not stored: the key still works.
      expect((await t.client.createHold(user, 10, { key, expiresInSeconds: 3600 })).status).toBe(201);
      expect(await t.client.wallet(user)).toEqual({ balance: 70n, held: 30n });
    });

    it('refuses bad bodies, unknown users and assets, and moves nothing', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const base = { userId: user, assetCode: 'GOLD', amount: 10 };
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ ...base, amount: 0 }, 'amount'],
        [{ ...base, amount: -3 }, 'amount'],
        [{ ...base, amount: '1.5' }, 'amount'],
        [{ ...base, amount: (MAX_AMOUNT + 1n).toString() }, 'amount'],
        [{ userId: user, assetCode: 'GOLD' }, 'amount'],
        [{ ...base, assetCode: 'gold' }, 'assetCode'],
        [{ assetCode: 'GOLD', amount: 10 }, 'userId'],
        [{ ...base, description: 'd'.repeat(501) }, 'description'],
        [{ ...base, metadata: { a: 1 } }, 'metadata'],
      ];
      for (const [body, field] of bad) {
        expectProblem(await t.client.createHold(user, 10, { body }), 400, 'VALIDATION_FAILED', field);
      }
      expectProblem(await t.client.createHold(user, 10, { body: { ...base, toUserId: user } }), 400, 'VALIDATION_FAILED');
      const noKey = await t.client.http().post('/v1/holds').send(base);
      expectProblem(noKey, 400, 'VALIDATION_FAILED', 'Idempotency-Key');
      expectProblem(await t.client.createHold(randomUUID(), 10), 404, 'USER_NOT_FOUND');
      expectProblem(await t.client.createHold(user, 10, { assetCode: 'NOPE' }), 404, 'ASSET_NOT_FOUND');
      expect(await t.client.wallet(user)).toEqual({ balance: 100n, held: 0n });
    });

    it('refuses more than the spendable balance with INSUFFICIENT_FUNDS (stored), and held funds cannot be spent', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const key = `too-big-${randomUUID()}`;
      const refused = await t.client.createHold(user, 101, { key });
      expectProblem(refused, 422, 'INSUFFICIENT_FUNDS');
      expect(refused.body).toMatchObject({ assetCode: 'GOLD', balance: '100', required: '101' });
      expect((await t.client.topup(user, 50)).status).toBe(201);
      expectReplayOf(await t.client.createHold(user, 101, { key }), refused);

      await hold(user, 120);
      expect(await t.client.wallet(user)).toEqual({ balance: 30n, held: 120n });
      const spend = await t.client.spend(user, 31);
      expectProblem(spend, 422, 'INSUFFICIENT_FUNDS');
      expect(spend.body).toMatchObject({ balance: '30', required: '31' });
      const other = (await t.client.createUser()).id;
      expectProblem(await t.client.transfer(user, other, 31), 422, 'INSUFFICIENT_FUNDS');
      expectProblem(await t.client.createHold(user, 31), 422, 'INSUFFICIENT_FUNDS');
      expect((await t.client.spend(user, 30)).status).toBe(201);
      expect(await t.client.wallet(user)).toEqual({ balance: 0n, held: 120n });
    });

    it('lets exactly 14 of 20 concurrent holds of 70 through a balance of 1000', async () => {
      const user = await t.client.givenUserWithBalance(1000n);
      const responses = await Promise.all(Array.from({ length: 20 }, () => t.client.createHold(user, 70)));
      expect(responses.filter((r) => r.status === 201)).toHaveLength(14);
      for (const r of responses.filter((x) => x.status !== 201)) expectProblem(r, 422, 'INSUFFICIENT_FUNDS');
      expect(await t.client.wallet(user)).toEqual({ balance: 20n, held: 980n });
    });
  });

  describe('capture', () => {
    it('captures all of it to the treasury by default', async () => {
      const user = await t.client.givenUserWithBalance(500n);
      const held = await hold(user, 200);
      const captured = finished(await t.client.captureHold(held.id));
      expect(captured).toMatchObject({ id: held.id, status: 'CAPTURED', amount: '200', capturedAmount: '200', userId: user });
      expect(captured.transactions.length).toBeGreaterThanOrEqual(2);
      expect(await t.client.wallet(user)).toEqual({ balance: 300n, held: 0n });
      expect(await readHold(held.id)).toMatchObject({ status: 'CAPTURED', capturedAmount: '200' });
      expect((await history(user)).map((i) => i.type)).toEqual(expect.arrayContaining(['HOLD', 'HOLD_CAPTURE']));
    });

    it('captures part of it to the treasury and returns the rest', async () => {
      const user = await t.client.givenUserWithBalance(500n);
      const held = await hold(user, 200);
      const captured = finished(await t.client.captureHold(held.id, { amount: '60' }));
      expect(captured).toMatchObject({ status: 'CAPTURED', amount: '200', capturedAmount: '60' });
      expect(await t.client.wallet(user)).toEqual({ balance: 440n, held: 0n });
    });

    it('captures to another user (escrow between players) and returns the rest', async () => {
      const user = await t.client.givenUserWithBalance(500n);
      const seller = (await t.client.createUser()).id;
      const held = await hold(user, 100, { assetCode: 'GOLD' });
      const captured = finished(await t.client.captureHold(held.id, { amount: 70, toUserId: seller }));
      expect(captured).toMatchObject({ status: 'CAPTURED', capturedAmount: '70' });
      expect(await t.client.wallet(user)).toEqual({ balance: 430n, held: 0n });
      expect(await t.client.wallet(seller)).toEqual({ balance: 70n, held: 0n });
      const [received] = await history(seller);
      expect(received).toMatchObject({ type: 'HOLD_CAPTURE', amount: '70', direction: 'CREDIT', balanceAfter: '70' });
    });

    it('refuses a bad capture without touching the hold', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const held = await hold(user, 50);
      // More than the hold: the contract says "at most the hold's" (a 400 or a 422, never a capture).
      const tooMuch = await t.client.captureHold(held.id, { amount: 51 });
      expect([400, 422]).toContain(tooMuch.status);
      expect(tooMuch.headers['content-type']).toMatch(/^application\/problem\+json/);
      for (const amount of [0, -1, '1.5', 'abc', (MAX_AMOUNT + 1n).toString()]) {
        expectProblem(await t.client.captureHold(held.id, { amount }), 400, 'VALIDATION_FAILED', 'amount');
      }
      expectProblem(await t.client.captureHold(held.id, { body: { amount: 10, userId: user } }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.client.captureHold(held.id, { amount: 10, toUserId: randomUUID() }), 404, 'USER_NOT_FOUND');
      expect(await readHold(held.id)).toMatchObject({ status: 'HELD', capturedAmount: '0' });
      expect(await t.client.wallet(user)).toEqual({ balance: 50n, held: 50n });
      expect(finished(await t.client.captureHold(held.id, { amount: 50 }))).toMatchObject({
        status: 'CAPTURED',
        capturedAmount: '50',
      });
    });
  });

  describe('void', () => {
    it('returns all of it', async () => {
      const user = await t.client.givenUserWithBalance(300n);
      const held = await hold(user, 200, { assetCode: 'GOLD' });
      const voided = finished(await t.client.voidHold(held.id));
      expect(voided).toMatchObject({ id: held.id, status: 'VOIDED', amount: '200', capturedAmount: '0' });
      expect(await t.client.wallet(user)).toEqual({ balance: 300n, held: 0n });
      const [release] = await history(user);
      expect(release).toMatchObject({ type: 'HOLD_RELEASE', amount: '200', direction: 'CREDIT', balanceAfter: '300' });
      expect(await readHold(held.id)).toMatchObject({ status: 'VOIDED' });
    });
  });

  describe('a finished hold', () => {
    it('answers HOLD_NOT_ACTIVE to capture and void after a capture, and replays the capture', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const held = await hold(user, 80);
      const key = `capture-${randomUUID()}`;
      const capture = await t.client.captureHold(held.id, { key, amount: 30 });
      finished(capture);
      for (const res of [
        await t.client.voidHold(held.id),
        await t.client.captureHold(held.id),
        await t.client.captureHold(held.id, { amount: 30 }),
      ]) {
        expectProblem(res, 409, 'HOLD_NOT_ACTIVE');
        expect(res.body.holdStatus).toBe('CAPTURED');
      }
      expectReplayOf(await t.client.captureHold(held.id, { key, amount: 30 }), capture);
      expectProblem(await t.client.captureHold(held.id, { key, amount: 31 }), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await t.client.wallet(user)).toEqual({ balance: 70n, held: 0n });
    });

    it('answers HOLD_NOT_ACTIVE to capture and void after a void, and replays the void', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const held = await hold(user, 80);
      const key = `void-${randomUUID()}`;
      const voided = await t.client.voidHold(held.id, { key });
      finished(voided);
      for (const res of [await t.client.captureHold(held.id), await t.client.voidHold(held.id)]) {
        expectProblem(res, 409, 'HOLD_NOT_ACTIVE');
        expect(res.body.holdStatus).toBe('VOIDED');
      }
      expectReplayOf(await t.client.voidHold(held.id, { key }), voided);
      expect(await t.client.wallet(user)).toEqual({ balance: 100n, held: 0n });
    });

    it('cannot be refunded: every hold movement is NOT_REFUNDABLE', async () => {
      const user = await t.client.givenUserWithBalance(300n);
      const seller = (await t.client.createUser()).id;
      const captured = finished(await t.client.captureHold((await hold(user, 100)).id, { amount: 40, toUserId: seller }));
      const voided = finished(await t.client.voidHold((await hold(user, 100)).id));
      const ids = new Set([...transactionIds(captured), ...transactionIds(voided)]);
      for (const item of await history(user)) if (item.type.startsWith('HOLD')) ids.add(item.id);
      for (const item of await history(seller)) if (item.type.startsWith('HOLD')) ids.add(item.id);
      const types = new Set<string>();
      for (const id of ids) {
        const tx = await t.client.transaction(id);
        expect(tx.status).toBe(200);
        types.add(tx.body.type as string);
        expectProblem(await t.client.refund(id), 422, 'NOT_REFUNDABLE');
        expectProblem(await t.client.refund(id, { amount: 1 }), 422, 'NOT_REFUNDABLE');
      }
      expect([...types].sort()).toEqual(expect.arrayContaining(['HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE']));
      expect(await t.client.wallet(user)).toEqual({ balance: 260n, held: 0n });
      expect(await t.client.wallet(seller)).toEqual({ balance: 40n, held: 0n });
    });
  });

  describe('reads', () => {
    it("reads a hold and lists a user's holds by status", async () => {
      const user = await t.client.givenUserWithBalance(300n);
      const other = await t.client.givenUserWithBalance(300n);
      const active = await hold(user, 10);
      const captured = await hold(user, 20);
      finished(await t.client.captureHold(captured.id));
      const voided = await hold(user, 30);
      finished(await t.client.voidHold(voided.id));
      await hold(other, 40);

      const ids = async (query: { status?: string }) => {
        const res = await t.client.holds(user, query);
        expect(res.status).toBe(200);
        return (res.body.data as HoldBody[]).map((h) => h.id).sort();
      };
      expect(await ids({})).toEqual([active.id, captured.id, voided.id].sort());
      expect(await ids({ status: 'HELD' })).toEqual([active.id]);
      expect(await ids({ status: 'CAPTURED' })).toEqual([captured.id]);
      expect(await ids({ status: 'VOIDED' })).toEqual([voided.id]);
      expect(await ids({ status: 'EXPIRED' })).toEqual([]);
      const listed = (await t.client.holds(user, { status: 'HELD' })).body.data[0] as HoldBody;
      expect(listed).toMatchObject({
        id: active.id,
        status: 'HELD',
        userId: user,
        assetCode: 'GOLD',
        amount: '10',
        capturedAmount: '0',
        expiresAt: active.expiresAt,
      });

      expectProblem(await t.client.holds(user, { status: 'held' }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.client.holds(user, { status: 'NOPE' }), 400, 'VALIDATION_FAILED');
      expectProblem(await t.client.holds(randomUUID()), 404, 'USER_NOT_FOUND');
    });

    it('answers 404 NOT_FOUND for a hold that does not exist, whatever the id looks like', async () => {
      for (const id of [randomUUID(), '999999999999', 'no-such-hold', '0']) {
        expectProblem(await t.client.getHold(id), 404, 'NOT_FOUND');
        expectProblem(await t.client.captureHold(id), 404, 'NOT_FOUND');
        expectProblem(await t.client.voidHold(id), 404, 'NOT_FOUND');
      }
    });

    it('shows every movement in the history with its type (and the type filter knows them)', async () => {
      const user = await t.client.givenUserWithBalance(300n);
      finished(await t.client.captureHold((await hold(user, 100)).id));
      finished(await t.client.voidHold((await hold(user, 50)).id));
      const types = (await history(user)).map((i) => i.type);
      // A capture releases the whole hold back to the wallet, then pays the captured part from it:
      // each movement touches the wallet, so each shows here with an exact balance.
      expect(types).toEqual(['HOLD_RELEASE', 'HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE', 'HOLD', 'TOPUP']);
      for (const type of ['HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE']) {
        const res = await t.client.history(user, { type });
        expect(res.status).toBe(200);
        expect((res.body.data as HistoryItem[]).length).toBeGreaterThan(0);
        expect((res.body.data as HistoryItem[]).every((i) => i.type === type)).toBe(true);
      }
    });
  });

  describe('access', () => {
    it('needs wallets:hold to create, capture and void, and wallets:read to read', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const held = await hold(user, 10);
      const noHold = t.client.as(
        (
          await createApiKey(
            t.url,
            SCOPES.filter((s) => s !== 'wallets:hold'),
          )
        ).secret,
      );
      for (const res of [await noHold.createHold(user, 10), await noHold.captureHold(held.id), await noHold.voidHold(held.id)]) {
        expectProblem(res, 403, 'FORBIDDEN');
        expect(res.body.requiredScope).toBe('wallets:hold');
      }
      expect((await noHold.getHold(held.id)).status).toBe(200);
      expect((await noHold.holds(user)).status).toBe(200);

      const noRead = t.client.as((await createApiKey(t.url, ['wallets:hold'])).secret);
      for (const res of [await noRead.getHold(held.id), await noRead.holds(user)]) {
        expectProblem(res, 403, 'FORBIDDEN');
        expect(res.body.requiredScope).toBe('wallets:read');
      }
      expect(await readHold(held.id)).toMatchObject({ status: 'HELD' });
      expect((await noRead.voidHold(held.id)).status).toBe(200);
      expect(await t.client.wallet(user)).toEqual({ balance: 100n, held: 0n });
    });
  });

  describe('expiry', () => {
    it('expires a hold still HELD at expiresAt and returns its amount, once', async () => {
      const user = await t.client.givenUserWithBalance(100n);
      const lasting = await hold(user, 10);
      const short = await hold(user, 60, { expiresInSeconds: 1 });
      expect(Date.parse(short.expiresAt) - Date.parse(short.createdAt)).toBeGreaterThanOrEqual(0);
      expect(Date.parse(short.expiresAt) - Date.parse(short.createdAt)).toBeLessThanOrEqual(2000);
      expect(await t.client.wallet(user)).toEqual({ balance: 30n, held: 70n });

      const expired = await waitUntil(
        'the hold to expire',
        async () => {
          const h = await readHold(short.id);
          return h.status === 'HELD' ? undefined : h;
        },
        20_000,
      );
      expect(expired).toMatchObject({ status: 'EXPIRED', capturedAmount: '0' });
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(short.expiresAt));
      expect(await t.client.wallet(user)).toEqual({ balance: 90n, held: 10n });
      expect(await readHold(lasting.id)).toMatchObject({ status: 'HELD' });

      for (const res of [await t.client.captureHold(short.id), await t.client.voidHold(short.id)]) {
        expectProblem(res, 409, 'HOLD_NOT_ACTIVE');
        expect(res.body.holdStatus).toBe('EXPIRED');
      }
      const releases = (await history(user)).filter((i) => i.type === 'HOLD_RELEASE');
      expect(releases).toHaveLength(1);
      expect(releases[0]).toMatchObject({ amount: '60', direction: 'CREDIT', createdBy: 'system' });
      expect((await t.client.holds(user, { status: 'EXPIRED' })).body.data).toEqual([expect.objectContaining({ id: short.id })]);

      // Several more runs of the job later, nothing moved again.
      await sleep(EXPIRY_INTERVAL_MS * 5);
      expect(await t.client.wallet(user)).toEqual({ balance: 90n, held: 10n });
      expect((await history(user)).filter((i) => i.type === 'HOLD_RELEASE')).toHaveLength(1);
    });
  });

  describe('races', () => {
    it('lets exactly one of many captures and voids fired together finish a hold', async () => {
      const user = await t.client.givenUserWithBalance(1000n);
      const held = await hold(user, 100);
      const calls = Array.from({ length: 20 }, (_, i) =>
        i % 2 ? t.client.voidHold(held.id) : t.client.captureHold(held.id, { amount: 25 }),
      );
      const responses = await Promise.all(calls);
      const winners = responses.filter((r) => r.status === 200);
      expect(winners).toHaveLength(1);
      const status = (winners[0].body as HoldBody).status;
      for (const r of responses.filter((x) => x.status !== 200)) {
        expectProblem(r, 409, 'HOLD_NOT_ACTIVE');
        expect(r.body.holdStatus).toBe(status);
      }
      expect(await readHold(held.id)).toMatchObject({ status });
      expect(await t.client.wallet(user)).toEqual({ balance: status === 'CAPTURED' ? 975n : 1000n, held: 0n });
    });

    it('lets exactly one of capture, void and expiry finish each hold when they meet at expiresAt', async () => {
      const user = await t.client.givenUserWithBalance(1000n);
      // Each hold gets its capture and void fired at a different moment around its expiry.
      const offsets = [-400, -200, -100, -40, 0, 20, 60, 120, 250, 500];
      const holds: HoldBody[] = [];
      for (let i = 0; i < offsets.length; i++) holds.push(await hold(user, 50, { expiresInSeconds: 1 }));

      const fired = await Promise.all(
        holds.map(async (h, i) => {
          await sleep(Math.max(0, Date.parse(h.expiresAt) + offsets[i] - Date.now()));
          return Promise.all([
            t.client.captureHold(h.id, { amount: 20 }),
            t.client.voidHold(h.id),
            t.client.captureHold(h.id, { amount: 20 }),
            t.client.voidHold(h.id),
          ]);
        }),
      );
      const finals = await waitUntil(
        'every hold to finish',
        async () => {
          const read = await Promise.all(holds.map((h) => readHold(h.id)));
          return read.every((h) => h.status !== 'HELD') ? read : undefined;
        },
        30_000,
      );

      let captured = 0n;
      const outcomes: string[] = [];
      fired.forEach((responses, i) => {
        const final = finals[i];
        const winners = responses.filter((r) => r.status === 200);
        expect({ hold: i, atMostOneWinner: winners.length <= 1 }).toEqual({ hold: i, atMostOneWinner: true });
        for (const r of responses.filter((x) => x.status !== 200)) {
          expectProblem(r, 409, 'HOLD_NOT_ACTIVE');
          expect({ hold: i, holdStatus: r.body.holdStatus }).toEqual({ hold: i, holdStatus: final.status });
        }
        if (winners.length === 1) {
          expect({ hold: i, status: (winners[0].body as HoldBody).status }).toEqual({ hold: i, status: final.status });
        } else {
          expect({ hold: i, status: final.status }).toEqual({ hold: i, status: 'EXPIRED' });
        }
        expect(final.capturedAmount).toBe(final.status === 'CAPTURED' ? '20' : '0');
        if (final.status === 'CAPTURED') captured += 20n;
        outcomes.push(final.status);
      });
      expect(outcomes.every((s) => ['CAPTURED', 'VOIDED', 'EXPIRED'].includes(s))).toBe(true);
      expect(await t.client.wallet(user)).toEqual({ balance: 1000n - captured, held: 0n });
      expect((await t.client.holds(user, { status: 'HELD' })).body.data).toEqual([]);
    }, 60_000);
  });

  it('leaves a whole ledger behind: held funds equal the active holds', async () => {
    expect(await ledgerViolations(t.db)).toEqual([]);
    for (const full of [false, true]) {
      const report = await t.client.verify({ full });
      expect(report.assets.flatMap((a) => a.mismatches)).toEqual([]);
      expect(report.ok).toBe(true);
    }
  });
});
