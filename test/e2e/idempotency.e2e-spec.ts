import { IdempotencyPurgeService } from '@app/idempotency';
import { startTestApp, TestApp } from '../support/test-app';

describe('Idempotency', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const journalsFor = async (userId: string) =>
    Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM journal_transactions WHERE user_id = $1`, [userId]))[0].n);

  it('replays the stored status and body byte for byte, with Idempotent-Replayed, and moves money once', async () => {
    const user = await t.client.givenUserWithBalance(100n);
    const first = await t.client.spend(user, 30, { key: 'replay-1' });
    const again = await t.client.spend(user, 30, { key: 'replay-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(again.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(await t.client.balance(user)).toBe(70n);
    expect(await journalsFor(user)).toBe(2);
  });

  it('treats the header and the body field as the same key, and normalises the request', async () => {
    const user = await t.client.givenUserWithBalance(100n);
    const first = await t.client
      .http()
      .post('/v1/spend')
      .set('Idempotency-Key', 'carrier-1')
      .send({ userId: user, assetCode: 'GOLD', amount: 10 })
      .expect(201);
    const bodyKey = await t.client
      .http()
      .post('/v1/spend')
      .send({ userId: user, assetCode: 'GOLD', amount: '10', description: null, metadata: {}, idempotencyKey: 'carrier-1' })
      .expect(201);
    expect(bodyKey.text).toBe(first.text);
    expect(bodyKey.headers['idempotent-replayed']).toBe('true');
    const both = await t.client
      .http()
      .post('/v1/spend')
      .set('Idempotency-Key', 'carrier-1')
      .send({ userId: user, assetCode: 'GOLD', amount: 10, idempotencyKey: 'carrier-1' })
      .expect(201);
    expect(both.text).toBe(first.text);
    expect(await t.client.balance(user)).toBe(90n);
  });

  it('refuses a request whose header and body keys differ, or that has no key', async () => {
    const user = await t.client.givenUserWithBalance(100n);
    const mismatch = await t.client
      .http()
      .post('/v1/spend')
      .set('Idempotency-Key', 'a')
      .send({ userId: user, assetCode: 'GOLD', amount: 1, idempotencyKey: 'b' })
      .expect(400);
    expect(mismatch.body.code).toBe('VALIDATION_FAILED');
    const none = await t.client.http().post('/v1/spend').send({ userId: user, assetCode: 'GOLD', amount: 1 }).expect(400);
    expect(none.body.errors[0].field).toBe('Idempotency-Key');
    expect(await t.client.balance(user)).toBe(100n);
  });

  it.each([
    ['amount', (c: TestApp['client'], u: string, v: string) => c.transfer(u, v, 6, { key: 'reuse' })],
    ['asset', (c: TestApp['client'], u: string, v: string) => c.transfer(u, v, 5, { key: 'reuse', assetCode: 'DIAMOND' })],
    [
      'receiving user',
      async (c: TestApp['client'], u: string) => c.transfer(u, await c.givenUserWithBalance(0n), 5, { key: 'reuse' }),
    ],
    [
      'receiving user that does not exist',
      (c: TestApp['client'], u: string) => c.transfer(u, '00000000-0000-4000-8000-000000000000', 5, { key: 'reuse' }),
    ],
    ['endpoint', (c: TestApp['client'], u: string) => c.spend(u, 5, { key: 'reuse' })],
    ['description', (c: TestApp['client'], u: string, v: string) => c.transfer(u, v, 5, { key: 'reuse', description: 'other' })],
    ['metadata', (c: TestApp['client'], u: string, v: string) => c.transfer(u, v, 5, { key: 'reuse', metadata: { a: 'b' } })],
  ])('refuses the key reused with another %s (422) and moves nothing', async (_what, reuse) => {
    const user = await t.client.givenUserWithBalance(100n);
    const other = await t.client.givenUserWithBalance(0n);
    await t.client.transfer(user, other, 5, { key: 'reuse' }).then((r) => expect(r.status).toBe(201));
    const res = await reuse(t.client, user, other);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.client.balance(user)).toBe(95n);
    expect(await journalsFor(user)).toBe(2);
  });

  it('scopes keys to the acting user: two users may use the same key', async () => {
    const a = await t.client.givenUserWithBalance(50n);
    const b = await t.client.givenUserWithBalance(50n);
    const ra = await t.client.spend(a, 10, { key: 'shared-key' });
    const rb = await t.client.spend(b, 20, { key: 'shared-key' });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(rb.headers['idempotent-replayed']).toBeUndefined();
    expect([await t.client.balance(a), await t.client.balance(b)]).toEqual([40n, 30n]);
  });

  it('stores a business rejection and replays it even after a later top-up', async () => {
    const user = await t.client.givenUserWithBalance(10n);
    const refused = await t.client.spend(user, 50, { key: 'too-much' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', balance: '10', required: '50', assetCode: 'GOLD' });
    await t.client.topup(user, 100);
    const replay = await t.client.spend(user, 50, { key: 'too-much' });
    expect(replay.status).toBe(422);
    expect(replay.text).toBe(refused.text);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await t.client.balance(user)).toBe(110n);
  });

  it('stores SAME_ACCOUNT_TRANSFER as an outcome too', async () => {
    const user = await t.client.givenUserWithBalance(10n);
    const first = await t.client.transfer(user, user, 1, { key: 'self' });
    expect(first.status).toBe(422);
    expect(first.body.code).toBe('SAME_ACCOUNT_TRANSFER');
    const again = await t.client.transfer(user, user, 1, { key: 'self' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(first.text);
  });

  it('does not store validation failures or 404s: the corrected request goes through under the same key', async () => {
    const user = await t.client.givenUserWithBalance(100n);
    const invalid = await t.client.spend(user, -5, { key: 'fix-me' });
    expect(invalid.status).toBe(400);
    const unknownAsset = await t.client.spend(user, 5, { key: 'fix-me', assetCode: 'SILVER' });
    expect(unknownAsset.status).toBe(404);
    const fixed = await t.client.spend(user, 5, { key: 'fix-me' });
    expect(fixed.status).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(await t.client.balance(user)).toBe(95n);
  });

  it('carries out exactly one of 50 concurrent identical requests', async () => {
    const user = await t.client.givenUserWithBalance(1000n);
    const responses = await Promise.all(Array.from({ length: 50 }, () => t.client.spend(user, 10, { key: 'burst' })));
    const ok = responses.filter((r) => r.status === 201);
    expect(responses.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'IDEMPOTENCY_KEY_IN_PROGRESS'))).toBe(
      true,
    );
    expect(new Set(ok.map((r) => r.text)).size).toBe(1);
    expect(ok.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await journalsFor(user)).toBe(2);
    expect(await t.client.balance(user)).toBe(990n);
  });

  it('purges records older than the retention in small batches and keeps the rest', async () => {
    const user = await t.client.givenUserWithBalance(10n);
    await t.client.spend(user, 1, { key: 'recent' });
    await t.db.query(
      `INSERT INTO idempotency_keys (user_id, key, endpoint, fingerprint, status_code, response_body, created_at, completed_at)
       SELECT $1, 'old-' || g, 'POST /v1/spend', 'f', 201, '{}', now() - interval '25 hours', now() - interval '25 hours'
       FROM generate_series(1, 2500) g`,
      [user],
    );
    const purged = await t.app.get(IdempotencyPurgeService).purgeExpired();
    expect(purged).toBe(2500);
    const left = await t.db.query<{ key: string }>(`SELECT key FROM idempotency_keys WHERE user_id = $1 ORDER BY key`, [user]);
    expect(left.map((r) => r.key)).toContain('recent');
    expect(left.some((r) => r.key.startsWith('old-'))).toBe(false);
  });
});
