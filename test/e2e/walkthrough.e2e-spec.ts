import { startTestApp, TestApp } from '../support/test-app';

const ISO_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const TREASURY = { kind: 'SYSTEM', name: 'TREASURY' };

/** The contract, end to end: every field API.md names, through one player's story. */
describe('Contract walkthrough', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a user, tops up, spends, receives a bonus, transfers, and reads balances and paged history', async () => {
    const http = t.client.http();
    const carol = (await http.post('/v1/users').send({ username: 'carol' }).expect(201)).body;
    const dave = (await http.post('/v1/users').send({ username: 'dave' }).expect(201)).body;

    const topup = await http
      .post('/v1/topup')
      .set('Idempotency-Key', 'order-7781')
      .send({
        userId: carol.id,
        assetCode: 'GOLD',
        amount: 350,
        description: 'Starter pack',
        metadata: { sku: 'gold-350', store: 'web' },
      })
      .expect(201);
    expect(topup.headers['content-type']).toMatch(/^application\/json/);
    expect(topup.headers['idempotent-replayed']).toBeUndefined();
    expect(topup.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      type: 'TOPUP',
      status: 'POSTED',
      userId: carol.id,
      assetCode: 'GOLD',
      amount: '350',
      balanceAfter: '350',
      description: 'Starter pack',
      metadata: { sku: 'gold-350', store: 'web' },
      idempotencyKey: 'order-7781',
      createdBy: 'master',
      createdAt: expect.stringMatching(ISO_MS),
      refundedAmount: '0',
      refunds: [],
      entries: [
        { account: TREASURY, amount: '-350', balanceAfter: expect.stringMatching(/^-\d+$/) },
        { account: { kind: 'USER', userId: carol.id }, amount: '350', balanceAfter: '350' },
      ],
    });

    const spend = await http
      .post('/v1/spend')
      .send({ userId: carol.id, assetCode: 'GOLD', amount: '100', idempotencyKey: 'sword-1' })
      .expect(201);
    expect(spend.body).toMatchObject({
      type: 'SPEND',
      amount: '100',
      balanceAfter: '250',
      description: null,
      metadata: {},
      idempotencyKey: 'sword-1',
      entries: [
        { account: { kind: 'USER', userId: carol.id }, amount: '-100', balanceAfter: '250' },
        { account: TREASURY, amount: '100' },
      ],
    });

    const bonus = await http
      .post('/v1/bonus')
      .set('Idempotency-Key', 'daily-1')
      .send({ userId: carol.id, assetCode: 'DIAMOND', amount: 5 })
      .expect(201);
    expect(bonus.body).toMatchObject({
      type: 'BONUS',
      assetCode: 'DIAMOND',
      balanceAfter: '5',
      entries: [
        { account: { kind: 'SYSTEM', name: 'BONUS' }, amount: '-5' },
        { account: { kind: 'USER', userId: carol.id }, amount: '5', balanceAfter: '5' },
      ],
    });

    const transfer = await http
      .post('/v1/transfers')
      .set('Idempotency-Key', 'gift-1')
      .send({ fromUserId: carol.id, toUserId: dave.id, assetCode: 'GOLD', amount: 50, description: 'gg' })
      .expect(201);
    expect(transfer.body).toMatchObject({
      type: 'TRANSFER',
      userId: carol.id,
      toUserId: dave.id,
      amount: '50',
      balanceAfter: '200',
      entries: [
        { account: { kind: 'USER', userId: carol.id }, amount: '-50', balanceAfter: '200' },
        { account: { kind: 'USER', userId: dave.id }, amount: '50', balanceAfter: '50' },
      ],
    });
    expect(
      topup.body.entries.concat(transfer.body.entries).reduce((s: bigint, e: { amount: string }) => s + BigInt(e.amount), 0n),
    ).toBe(0n);

    // Every write reads back exactly as it was returned.
    for (const write of [topup, spend, bonus, transfer]) {
      const read = await http.get(`/v1/transactions/${write.body.id}`).expect(200);
      expect(read.text).toBe(write.text);
    }
    await http
      .get('/v1/transactions/999999999')
      .expect(404)
      .expect((r) => expect(r.body.code).toBe('NOT_FOUND'));
    await http.get('/v1/transactions/not-an-id').expect(404);

    const balances = await http.get(`/v1/users/${carol.id}/balances`).expect(200);
    expect(balances.body).toEqual({
      userId: carol.id,
      balances: expect.arrayContaining([
        { assetCode: 'GOLD', balance: '200', held: '0' },
        { assetCode: 'DIAMOND', balance: '5', held: '0' },
        { assetCode: 'POINT', balance: '0', held: '0' },
      ]),
    });
    expect(balances.body.balances).toHaveLength(3);

    // History: newest first, both sides of a transfer, paged with cursors.
    const page1 = await http.get(`/v1/users/${carol.id}/transactions`).query({ limit: 2 }).expect(200);
    expect(page1.body.data).toEqual([
      {
        id: transfer.body.id,
        type: 'TRANSFER',
        assetCode: 'GOLD',
        amount: '50',
        direction: 'DEBIT',
        balanceAfter: '200',
        counterparty: { kind: 'USER', userId: dave.id },
        description: 'gg',
        metadata: {},
        idempotencyKey: 'gift-1',
        createdBy: 'master',
        createdAt: transfer.body.createdAt,
      },
      expect.objectContaining({
        id: bonus.body.id,
        type: 'BONUS',
        direction: 'CREDIT',
        counterparty: { kind: 'SYSTEM', name: 'BONUS' },
      }),
    ]);
    expect(page1.body.nextCursor).toEqual(expect.any(String));

    // A write arriving between pages does not shift the pages.
    await http
      .post('/v1/topup')
      .set('Idempotency-Key', 'late')
      .send({ userId: carol.id, assetCode: 'GOLD', amount: 1 })
      .expect(201);

    const page2 = await http
      .get(`/v1/users/${carol.id}/transactions`)
      .query({ limit: 2, cursor: page1.body.nextCursor })
      .expect(200);
    expect(page2.body.data.map((i: { id: string }) => i.id)).toEqual([spend.body.id, topup.body.id]);
    expect(page2.body.data[0]).toMatchObject({ direction: 'DEBIT', balanceAfter: '250', counterparty: TREASURY });
    expect(page2.body.data[1]).toMatchObject({
      direction: 'CREDIT',
      balanceAfter: '350',
      metadata: { sku: 'gold-350', store: 'web' },
    });
    expect(page2.body.nextCursor).toBeNull();

    const daves = await http.get(`/v1/users/${dave.id}/transactions`).expect(200);
    expect(daves.body.data).toEqual([
      expect.objectContaining({
        id: transfer.body.id,
        direction: 'CREDIT',
        balanceAfter: '50',
        counterparty: { kind: 'USER', userId: carol.id },
      }),
    ]);
    expect(daves.body.nextCursor).toBeNull();

    // Filters.
    const diamonds = await http.get(`/v1/users/${carol.id}/transactions`).query({ assetCode: 'DIAMOND' }).expect(200);
    expect(diamonds.body.data.map((i: { id: string }) => i.id)).toEqual([bonus.body.id]);
    const spends = await http.get(`/v1/users/${carol.id}/transactions`).query({ type: 'SPEND' }).expect(200);
    expect(spends.body.data.map((i: { id: string }) => i.id)).toEqual([spend.body.id]);
    await http.get(`/v1/users/${carol.id}/transactions`).query({ type: 'spend' }).expect(400);
    await http
      .get(`/v1/users/${carol.id}/transactions`)
      .query({ type: 'SPEND', cursor: page1.body.nextCursor })
      .expect(400)
      .expect((r) => expect(r.body.errors[0].field).toBe('cursor'));

    const verify = await http.get('/v1/ledger/verify').expect(200);
    expect(verify.body.ok).toBe(true);
    for (const asset of verify.body.assets) expect(asset).toMatchObject({ sum: '0', mismatches: [] });
  });

  it('pages through a long history without skipping or repeating while writes arrive', async () => {
    const user = await t.client.givenUserWithBalance(1000n);
    for (let i = 0; i < 30; i++) await t.client.spend(user, 1);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    let page = 0;
    do {
      const res = await t.client.history(user, cursor ? { limit: 7, cursor } : { limit: 7 });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
      if (page++ % 2 === 0) await t.client.topup(user, 1); // new writes land at the top, not in the pages
    } while (cursor);
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
    const ordered = [...seen].sort((a, b) => Number(BigInt(b) - BigInt(a)));
    expect(seen).toEqual(ordered);
  });
});
