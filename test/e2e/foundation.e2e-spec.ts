import { startTestApp, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

describe('Foundation (health, assets, users, problems)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    await t.client.http().get('/health/live').expect(200);
    const ready = await t.client.http().get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('lists the seeded assets', async () => {
    const res = await t.client.http().get('/v1/assets').expect(200);
    expect(res.body.data.map((a: { code: string }) => a.code).sort()).toEqual(['DIAMOND', 'GOLD', 'POINT']);
  });

  it('finds the seeded users and their system accounts', async () => {
    for (const username of ['alice', 'bob']) {
      const res = await t.client.http().get('/v1/users').query({ username }).expect(200);
      expect(res.body.data).toHaveLength(1);
      expect(res.body.data[0]).toMatchObject({ username, id: expect.any(String) });
    }
    const system = await t.db.query<{ asset_code: string; system_name: string }>(
      `SELECT asset_code, system_name FROM accounts WHERE kind = 'SYSTEM' ORDER BY 1, 2`,
    );
    expect(system).toHaveLength(6);
  });

  it('creates a user, reads it back, and refuses a taken username', async () => {
    const created = await t.client.http().post('/v1/users').send({ username: 'carol.x-1' }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'carol.x-1',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    await t.client.http().get(`/v1/users/${created.body.id}`).expect(200, created.body);
    const taken = await t.client.http().post('/v1/users').send({ username: 'carol.x-1' }).expect(409);
    expect(taken.body.code).toBe('USERNAME_TAKEN');
    const none = await t.client.http().get('/v1/users').query({ username: 'nobody-here' }).expect(200);
    expect(none.body).toEqual({ data: [] });
  });

  it.each([
    ['ab', 'too short'],
    ['a'.repeat(65), 'too long'],
    ['bad name', 'a space'],
    ['naïve', 'non-ASCII'],
  ])('refuses the username %j (%s)', async (username) => {
    const res = await t.client.http().post('/v1/users').send({ username }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'username', message: expect.any(String) }] });
  });

  it('answers 404 USER_NOT_FOUND for any id shape', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'nope', "1' OR '1'='1"]) {
      const res = await t.client
        .http()
        .get(`/v1/users/${encodeURIComponent(id)}`)
        .expect(404);
      expect(res.body.code).toBe('USER_NOT_FOUND');
      expect(res.text).not.toMatch(/OR '1'/);
    }
  });

  it('echoes X-Request-Id, or assigns one', async () => {
    const echoed = await t.client.http().get('/v1/assets').set('X-Request-Id', 'trace-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('trace-123');
    const assigned = await t.client.http().get('/nope').expect(404);
    expect(assigned.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a NOT_FOUND problem', async () => {
    const res = await t.client.http().delete('/v1/whatever').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toEqual({
      type: expect.stringContaining('not-found'),
      title: 'Not found',
      status: 404,
      detail: expect.any(String),
      code: 'NOT_FOUND',
    });
  });

  it('refuses malformed JSON, other media types and bodies over 64 KiB', async () => {
    const malformed = await t.client
      .http()
      .post('/v1/users')
      .set('Content-Type', 'application/json')
      .send('{"username": ')
      .expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    expect(malformed.headers['content-type']).toMatch(PROBLEM);

    const text = await t.client.http().post('/v1/users').set('Content-Type', 'text/plain').send('username=x').expect(415);
    expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const big = await t.client
      .http()
      .post('/v1/users')
      .send({ username: 'dave', pad: 'x'.repeat(100 * 1024) })
      .expect(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');

    const array = await t.client
      .http()
      .post('/v1/users')
      .send([{ username: 'dave' }])
      .expect(400);
    expect(array.body.code).toBe('VALIDATION_FAILED');

    const unknown = await t.client.http().post('/v1/users').send({ username: 'dave', admin: true }).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'admin', message: 'is not an accepted field' }]);
  });

  it('serves the API reference and the OpenAPI document', async () => {
    await t.client.http().get('/docs').expect(200).expect('Content-Type', /html/);
    const doc = await t.client.http().get('/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/topup', '/v1/users/{userId}/transactions', '/v1/ledger/verify']),
    );
  });
});
