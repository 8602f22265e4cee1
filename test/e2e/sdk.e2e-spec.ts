import {
  isWalletApiError,
  WalletApiClient,
  WalletApiError,
  type AssetBalance,
  type HistoryItem,
  type InsufficientFundsProblem,
  type PostingInput,
  type User,
} from '@app/sdk';
import { randomUUID } from 'node:crypto';
import { OpenApiResponseValidator } from '../support/openapi-response-validator';
import { TEST_MASTER_KEY } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The generated SDK against the running service, through nothing but the SDK. This file is also
 * type-checked under `strict` by test/contract/sdk-types.spec.ts: the `@ts-expect-error` lines
 * below fail that check if the SDK's types stop catching wrong field names.
 */
describe(WalletApiClient.name, () => {
  let app: TestApp;
  let sdk: WalletApiClient;
  // Every response the SDK receives is also checked against openapi.json.
  const documented = new OpenApiResponseValidator();

  beforeAll(async () => {
    app = await startTestApp();
    sdk = new WalletApiClient({ baseUrl: app.url, apiKey: TEST_MASTER_KEY, retries: 0, fetch: documented.fetch });
  });

  afterAll(async () => {
    await app.close();
  });

  afterEach(() => {
    expect(documented.failures.splice(0)).toEqual([]);
  });

  const newUser = (): Promise<User> => sdk.createUser(`sdk_${randomUUID().slice(0, 8)}`);

  it('creates users, tops up, spends, grants a bonus, transfers and reads balances', async () => {
    const carol = await newUser();
    const dave = await newUser();
    expect(await sdk.getUser(carol.id)).toEqual(carol);
    expect(await sdk.findUserByUsername(carol.username)).toEqual(carol);
    expect(await sdk.findUserByUsername('nobody_here')).toBeNull();
    expect((await sdk.listAssets()).map((a) => a.code)).toEqual(expect.arrayContaining(['GOLD', 'DIAMOND', 'POINT']));

    const topUp = await sdk.topUp({
      userId: carol.id,
      assetCode: 'GOLD',
      amount: 1000n,
      description: 'Starter pack',
      metadata: { orderId: 'A-1001' },
    });
    expect(topUp.replayed).toBe(false);
    expect(topUp.transaction).toMatchObject({
      type: 'TOPUP',
      status: 'POSTED',
      userId: carol.id,
      amount: '1000',
      balanceAfter: '1000',
      description: 'Starter pack',
      metadata: { orderId: 'A-1001' },
      idempotencyKey: topUp.idempotencyKey,
    });
    expect(topUp.transaction.entries).toEqual([
      { account: { kind: 'SYSTEM', name: 'TREASURY' }, amount: '-1000', balanceAfter: expect.stringMatching(/^-\d+$/) },
      { account: { kind: 'USER', userId: carol.id }, amount: '1000', balanceAfter: '1000' },
    ]);

    const spend = await sdk.spend({ userId: carol.id, assetCode: 'GOLD', amount: 150 });
    expect(spend.transaction).toMatchObject({ type: 'SPEND', amount: '150', balanceAfter: '850' });
    const bonus = await sdk.grantBonus({ userId: carol.id, assetCode: 'GOLD', amount: '50' });
    expect(bonus.transaction).toMatchObject({ type: 'BONUS', amount: '50', balanceAfter: '900' });
    const transfer = await sdk.createTransfer({
      fromUserId: carol.id,
      toUserId: dave.id,
      assetCode: 'GOLD',
      amount: 200,
    });
    expect(transfer.transaction).toMatchObject({
      type: 'TRANSFER',
      toUserId: dave.id,
      amount: '200',
      balanceAfter: '700',
    });
    expect(new Set([topUp, spend, bonus, transfer].map((w) => w.idempotencyKey)).size).toBe(4);

    expect(await sdk.getTransaction(transfer.transaction.id)).toEqual(transfer.transaction);
    const carolBalances = await sdk.getBalances(carol.id);
    expect(carolBalances.balances).toEqual(
      expect.arrayContaining([
        { assetCode: 'GOLD', balance: '700', held: '0' },
        { assetCode: 'DIAMOND', balance: '0', held: '0' },
      ]),
    );
    const daveGold = (await sdk.getBalances(dave.id)).balances.find((b) => b.assetCode === 'GOLD');
    expect(daveGold?.balance).toBe('200');
    expect((await sdk.verifyLedger()).ok).toBe(true);
    expect(await sdk.verifyLedger({ full: true })).toMatchObject({ ok: true, full: true });
  });

  it('pages through the history with cursors', async () => {
    const erin = await newUser();
    const amounts = [10, 20, 30, 40, 50];
    for (const amount of amounts) await sdk.topUp({ userId: erin.id, assetCode: 'POINT', amount });
    await sdk.spend({ userId: erin.id, assetCode: 'POINT', amount: 5 });

    const seen: HistoryItem[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await sdk.listUserTransactions(erin.id, { limit: 2, assetCode: 'POINT', cursor });
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor !== undefined);

    expect(pages).toBe(3);
    expect(seen.map((item) => [item.type, item.direction, item.amount, item.balanceAfter])).toEqual([
      ['SPEND', 'DEBIT', '5', '145'],
      ['TOPUP', 'CREDIT', '50', '150'],
      ['TOPUP', 'CREDIT', '40', '100'],
      ['TOPUP', 'CREDIT', '30', '60'],
      ['TOPUP', 'CREDIT', '20', '30'],
      ['TOPUP', 'CREDIT', '10', '10'],
    ]);
    expect(seen[0].counterparty).toEqual({ kind: 'SYSTEM', name: 'TREASURY' });

    const iterated: HistoryItem[] = [];
    for await (const item of sdk.iterateUserTransactions(erin.id, { limit: 4 })) iterated.push(item);
    expect(iterated).toEqual(seen);
  });

  it('replays a write sent again with the same key: same body, Idempotent-Replayed visible', async () => {
    const frank = await newUser();
    const idempotencyKey = `order-${randomUUID()}`;
    const first = await sdk.topUp({ userId: frank.id, assetCode: 'GOLD', amount: 100 }, { idempotencyKey });
    // 100 and "100" are the same amount: the same request.
    const again = await sdk.topUp({ userId: frank.id, assetCode: 'GOLD', amount: '100' }, { idempotencyKey });

    expect(first.replayed).toBe(false);
    expect(again.replayed).toBe(true);
    expect(again.idempotencyKey).toBe(idempotencyKey);
    expect(again.transaction).toEqual(first.transaction);
    expect((await sdk.getBalances(frank.id)).balances).toContainEqual({ assetCode: 'GOLD', balance: '100', held: '0' });

    const reused = await sdk
      .topUp({ userId: frank.id, assetCode: 'GOLD', amount: 101 }, { idempotencyKey })
      .catch((error: unknown) => error);
    expect(isWalletApiError(reused, 'IDEMPOTENCY_KEY_REUSED')).toBe(true);
  });

  it('throws INSUFFICIENT_FUNDS as a typed error, stored and replayed like a success', async () => {
    const grace = await newUser();
    await sdk.topUp({ userId: grace.id, assetCode: 'GOLD', amount: 50 });
    const idempotencyKey = `buy-${randomUUID()}`;
    const spend = () => sdk.spend({ userId: grace.id, assetCode: 'GOLD', amount: 80 }, { idempotencyKey });

    const error = await spend().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalletApiError);
    if (!isWalletApiError(error, 'INSUFFICIENT_FUNDS')) throw error;
    const problem: InsufficientFundsProblem = error.problem;
    expect(error.status).toBe(422);
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.replayed).toBe(false);
    expect(error.idempotencyKey).toBe(idempotencyKey);
    expect(error.requestId).toEqual(expect.any(String));
    expect(problem).toMatchObject({ assetCode: 'GOLD', balance: '50', required: '80', status: 422 });
    // @ts-expect-error: the problem has `balance`, not `balanse`; a wrong field name does not compile.
    expect(problem.balanse).toBeUndefined();

    const replay = await spend().catch((e: unknown) => e);
    if (!isWalletApiError(replay)) throw replay;
    expect(replay.replayed).toBe(true);
    expect(replay.problem).toEqual(error.problem);
    expect((await sdk.getBalances(grace.id)).balances).toContainEqual({ assetCode: 'GOLD', balance: '50', held: '0' });
  });

  it('throws the resource 404 and validation problems with their codes', async () => {
    const missing = await sdk.getBalances('no-such-user').catch((e: unknown) => e);
    expect(isWalletApiError(missing, 'USER_NOT_FOUND')).toBe(true);
    const unknownTx = await sdk.getTransaction('999999999').catch((e: unknown) => e);
    expect(isWalletApiError(unknownTx, 'NOT_FOUND')).toBe(true);

    const henry = await newUser();
    const zero = await sdk.spend({ userId: henry.id, assetCode: 'GOLD', amount: 0 }).catch((e: unknown) => e);
    if (!isWalletApiError(zero, 'VALIDATION_FAILED')) throw zero;
    expect(zero.problem.errors).toContainEqual({ field: 'amount', message: expect.any(String) });
    const same = await sdk
      .createTransfer({ fromUserId: henry.id, toUserId: henry.id, assetCode: 'GOLD', amount: 1 })
      .catch((e: unknown) => e);
    expect(isWalletApiError(same, 'SAME_ACCOUNT_TRANSFER')).toBe(true);
  });

  it('refuses an amount a JavaScript number cannot hold exactly, before sending it', async () => {
    const ivan = await newUser();
    await expect(sdk.topUp({ userId: ivan.id, assetCode: 'GOLD', amount: 2 ** 60 })).rejects.toThrow(RangeError);
    const big = await sdk.topUp({ userId: ivan.id, assetCode: 'GOLD', amount: 1_000_000_000_000_000n });
    expect(big.transaction.amount).toBe('1000000000000000');
  });

  it('reaches the operations the wrapper does not cover through the generated client', async () => {
    const ready = await sdk.raw.GET('/health/ready');
    expect(ready.data?.status).toBe('ok');
    const live = await sdk.raw.GET('/health/live');
    expect(live.response.status).toBe(200);
  });

  it('has types that catch wrong field names at compile time', () => {
    // @ts-expect-error: a top-up names its user `userId`, not `user_id`.
    const wrongField: PostingInput = { user_id: 'u', assetCode: 'GOLD', amount: 1 };
    // @ts-expect-error: amounts are bigint, number or digit strings, not booleans.
    const wrongType: PostingInput = { userId: 'u', assetCode: 'GOLD', amount: true };
    // @ts-expect-error: balances come back as digit strings, never as numbers.
    const balance: number = '0' as AssetBalance['balance'];
    expect([wrongField, wrongType, balance]).toHaveLength(3);
  });
});
