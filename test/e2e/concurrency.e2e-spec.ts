import { startTestApp, TestApp } from '../support/test-app';

describe('Concurrent writes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lets exactly 142 of 200 concurrent spends of 7 through a balance of 1000', async () => {
    const user = await t.client.givenUserWithBalance(1000n);
    const responses = await Promise.all(Array.from({ length: 200 }, () => t.client.spend(user, 7)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(142);
    expect(statuses.filter((s) => s === 422)).toHaveLength(58);
    for (const r of responses.filter((x) => x.status === 422)) {
      expect(r.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', required: '7' });
      expect(BigInt(r.body.balance)).toBeLessThan(7n);
    }
    // Every successful spend saw a distinct balance: 993, 986, ..., 6.
    const after = responses
      .filter((r) => r.status === 201)
      .map((r) => BigInt(r.body.balanceAfter))
      .sort((a, b) => (a < b ? -1 : 1));
    expect(after).toEqual(Array.from({ length: 142 }, (_, i) => 6n + 7n * BigInt(i)));
    expect(await t.client.balance(user)).toBe(6n);
    expect((await t.client.verify()).ok).toBe(true);
  });

  it('survives 400 concurrent transfers in both directions with no error but INSUFFICIENT_FUNDS', async () => {
    const a = await t.client.givenUserWithBalance(1000n);
    const b = await t.client.givenUserWithBalance(1000n);
    const plan = Array.from({ length: 400 }, (_, i) => ({ from: i % 2 ? a : b, to: i % 2 ? b : a, amount: 1 + ((i * 37) % 90) }));
    const responses = await Promise.all(plan.map((p) => t.client.transfer(p.from, p.to, p.amount)));
    const unexpected = responses.filter((r) => r.status !== 201 && !(r.status === 422 && r.body.code === 'INSUFFICIENT_FUNDS'));
    expect(unexpected.map((r) => `${r.status} ${r.text}`)).toEqual([]);
    let expectedA = 1000n;
    responses.forEach((r, i) => {
      if (r.status !== 201) return;
      const delta = BigInt(plan[i].amount);
      expectedA += plan[i].from === a ? -delta : delta;
    });
    expect(await t.client.balance(a)).toBe(expectedA);
    expect(await t.client.balance(b)).toBe(2000n - expectedA);
    expect((await t.client.verify()).ok).toBe(true);
  });

  it('creates one account when many first writes for a user and asset race', async () => {
    const user = (await t.client.createUser()).id;
    const responses = await Promise.all(Array.from({ length: 30 }, () => t.client.topup(user, 1, { assetCode: 'DIAMOND' })));
    expect(responses.map((r) => r.status)).toEqual(Array(30).fill(201));
    const accounts = await t.db.query(`SELECT id FROM accounts WHERE user_id = $1 AND asset_code = 'DIAMOND'`, [user]);
    expect(accounts).toHaveLength(1);
    expect(await t.client.balance(user, 'DIAMOND')).toBe(30n);
  });
});
