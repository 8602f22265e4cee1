import { SCOPES } from '@app/api-keys';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import request, { type Response } from 'supertest';
import { createApiKey, TestApiKey } from '../support/api-keys';
import { authedRequest, bearer, TEST_MASTER_KEY } from '../support/auth';
import { expectProblem } from '../support/problem-assertions';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Access control over HTTP (API.md, "Access: API keys and scopes"): every refusal is a problem,
 * changes nothing and never reaches the idempotency store; every route needs exactly the scope
 * the contract gives it.
 */

/** The contract's scope for every operation: the oracle the document and the service are held to. */
const REQUIRED_SCOPE: Readonly<Record<string, string>> = {
  createUser: 'users:write',
  findUsers: 'users:read',
  getUser: 'users:read',
  listAssets: 'users:read',
  getBalances: 'wallets:read',
  listUserTransactions: 'wallets:read',
  getTransaction: 'wallets:read',
  listUserHolds: 'wallets:read',
  getHold: 'wallets:read',
  refundTransaction: 'wallets:refund',
  createHold: 'wallets:hold',
  captureHold: 'wallets:hold',
  voidHold: 'wallets:hold',
  topUp: 'wallets:topup',
  spend: 'wallets:spend',
  grantBonus: 'wallets:bonus',
  createTransfer: 'wallets:transfer',
  verifyLedger: 'ledger:verify',
  getMetrics: 'metrics:read',
  createApiKey: 'api-keys:manage',
  listApiKeys: 'api-keys:manage',
  getApiKey: 'api-keys:manage',
  revokeApiKey: 'api-keys:manage',
};
const PUBLIC_OPERATIONS = [
  'getLiveness',
  'getReadiness',
  'getOpenApiDocument',
  'getOpenApiDocumentYaml',
  'getApiReference',
  'getRoot',
];

interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly scopes: readonly string[] | undefined;
}

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; security?: Array<Record<string, string[]>> }>>;
};
const OPERATIONS: Operation[] = Object.entries(DOCUMENT.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ operationId: op.operationId, method, path, scopes: op.security?.[0]?.bearer })),
);

interface Fixtures {
  alice: string;
  bob: string;
  transactionId: string;
  holdId: string;
}

describe('Access control', () => {
  let t: TestApp;
  let fixtures: Fixtures;
  /** Per scope: a key holding only it, and a key holding every other scope. */
  const only = new Map<string, TestApiKey>();
  const allBut = new Map<string, TestApiKey>();

  const as = (secret: string) => authedRequest(t.url, secret);
  const counts = async () =>
    (
      await t.db.query<{ keys: number; journals: number; records: number }>(
        `SELECT (SELECT count(*)::int FROM api_keys) AS keys, (SELECT count(*)::int FROM journal_transactions) AS journals,
                (SELECT count(*)::int FROM idempotency_keys) AS records`,
      )
    )[0];

  beforeAll(async () => {
    t = await startTestApp();
    const alice = (await t.client.http().get('/v1/users').query({ username: 'alice' })).body.data[0].id as string;
    const bob = (await t.client.http().get('/v1/users').query({ username: 'bob' })).body.data[0].id as string;
    const topup = await t.client.topup(alice, 1000);
    const hold = await t.client.createHold(alice, 1);
    fixtures = { alice, bob, transactionId: topup.body.id as string, holdId: hold.body.id as string };
    for (const scope of SCOPES) {
      only.set(scope, await createApiKey(t.url, [scope]));
      allBut.set(
        scope,
        await createApiKey(
          t.url,
          SCOPES.filter((s) => s !== scope),
        ),
      );
    }
  });
  afterAll(() => t.close());

  /**
   * A well-formed request for the operation (so that with the scope, it succeeds or fails on business grounds only).
   * `fresh`: a capture or void gets a hold of its own (made first), so that it can succeed.
   */
  async function send(op: Operation, secret: string | null, fresh = false): Promise<Response> {
    const settles = op.operationId === 'captureHold' || op.operationId === 'voidHold';
    const holdId = settles && fresh ? ((await t.client.createHold(fixtures.alice, 1)).body.id as string) : fixtures.holdId;
    const path = op.path
      .replace('{userId}', fixtures.alice)
      .replace('{transactionId}', fixtures.transactionId)
      .replace('{holdId}', holdId)
      .replace(
        '{apiKeyId}',
        op.operationId === 'revokeApiKey'
          ? (await createApiKey(t.url, [REQUIRED_SCOPE.revokeApiKey])).id
          : only.get('users:read')!.id,
      );
    const req = secret === null ? request(t.url) : as(secret);
    const key = randomUUID();
    const bodies: Record<string, object> = {
      createUser: { username: `u_${key.slice(0, 8)}` },
      topUp: { userId: fixtures.alice, assetCode: 'GOLD', amount: 1 },
      spend: { userId: fixtures.alice, assetCode: 'GOLD', amount: 1 },
      grantBonus: { userId: fixtures.alice, assetCode: 'GOLD', amount: 1 },
      createTransfer: { fromUserId: fixtures.alice, toUserId: fixtures.bob, assetCode: 'GOLD', amount: 1 },
      createApiKey: { name: 'made-by-a-key', scopes: [REQUIRED_SCOPE.createApiKey] },
      refundTransaction: { amount: 1 },
      createHold: { userId: fixtures.alice, assetCode: 'GOLD', amount: 1 },
      captureHold: {},
      voidHold: {},
    };
    switch (op.method) {
      case 'get':
        return op.operationId === 'findUsers' ? req.get(path).query({ username: 'alice' }) : req.get(path);
      case 'delete':
        return req.delete(path);
      case 'post':
        return req.post(path).set('Idempotency-Key', key).send(bodies[op.operationId]);
      default:
        throw new Error(`no request for ${op.method} ${op.path}`);
    }
  }

  it('knows every operation of the document, and the document names the contract scope of each', () => {
    const documented = OPERATIONS.map((o) => o.operationId).sort();
    expect(documented).toEqual([...Object.keys(REQUIRED_SCOPE), ...PUBLIC_OPERATIONS].sort());
    for (const op of OPERATIONS) {
      expect({ op: op.operationId, scopes: op.scopes ?? [] }).toEqual({
        op: op.operationId,
        scopes: PUBLIC_OPERATIONS.includes(op.operationId) ? [] : [REQUIRED_SCOPE[op.operationId]],
      });
    }
  });

  describe.each(OPERATIONS.filter((o) => !PUBLIC_OPERATIONS.includes(o.operationId)).map((o) => [o.operationId, o] as const))(
    '%s',
    (_name, op) => {
      const scope = REQUIRED_SCOPE[op.operationId];

      it(`refuses a key holding every scope but ${scope} with 403 naming it, and no credential with 401; nothing changes`, async () => {
        const before = await counts();
        const forbidden = await send(op, allBut.get(scope)!.secret);
        expectProblem(forbidden, 403, 'FORBIDDEN');
        expect(forbidden.body.requiredScope).toBe(scope);
        const anonymous = await send(op, null);
        expectProblem(anonymous, 401, 'UNAUTHENTICATED');
        expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="dino-wallet"');
        const after = await counts();
        // revokeApiKey's request makes its target key first (one more key), but revokes nothing.
        expect(after).toEqual({ ...before, keys: before.keys + (op.operationId === 'revokeApiKey' ? 2 : 0) });
      });

      it(`serves a key holding only ${scope}`, async () => {
        const res = await send(op, only.get(scope)!.secret, true);
        expect({ status: res.status, body: res.text.slice(0, 200) }).toEqual({
          status: expect.any(Number),
          body: expect.any(String),
        });
        expect(res.status).toBeLessThan(300);
      });
    },
  );

  it('serves the public paths without a credential, and ignores a bad one there', async () => {
    for (const path of ['/health/live', '/health/ready', '/openapi.json', '/openapi.yaml', '/docs', '/']) {
      const res = await request(t.url).get(path).redirects(1);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    expect((await as('garbage').get('/health/live')).status).toBe(200);
  });

  describe('refuses bad credentials with 401 UNAUTHENTICATED, before reading the body', () => {
    const revokedAndExpired = async () => {
      const revoked = await createApiKey(t.url, ['users:read']);
      await t.client.http().delete(`/v1/api-keys/${revoked.id}`).expect(204);
      return revoked.secret;
    };
    const cases: Array<[string, () => Promise<string | null>, string]> = [
      ['no Authorization header', async () => null, 'missing'],
      ['an empty Authorization header', async () => '', 'missing'],
      ['Basic credentials', async () => `Basic ${Buffer.from('alice:password').toString('base64')}`, 'malformed'],
      ['Bearer with nothing', async () => 'Bearer', 'malformed'],
      ['Bearer and spaces', async () => 'Bearer    ', 'malformed'],
      ['a 10 kB secret', async () => `Bearer dw_${'a'.repeat(10 * 1024)}`, 'malformed'],
      ['a secret with spaces inside', async () => 'Bearer dw_abc def', 'malformed'],
      ['an unknown secret of the right shape', async () => bearer(`dw_${'A'.repeat(49)}`), 'invalid'],
      ['the master key with one character changed', async () => bearer(`${TEST_MASTER_KEY.slice(0, -1)}x`), 'invalid'],
      ['a revoked key', async () => bearer(await revokedAndExpired()), 'invalid'],
    ];
    it.each(cases)('%s', async (_name, header, reason) => {
      const value = await header();
      const before = await counts();
      let req = authedRequest(t.url).post('/v1/topup').set('Idempotency-Key', `auth-${randomUUID()}`);
      req = value === null ? req.unset('Authorization') : req.set('Authorization', value);
      // A body that is not even JSON: a refused request is answered before its body is read.
      const res = await req.set('Content-Type', 'application/json').send('{not json');
      expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toBe(
        reason === 'missing' ? 'Bearer realm="dino-wallet"' : 'Bearer realm="dino-wallet", error="invalid_token"',
      );
      expect(res.text).not.toContain('dw_');
      expect(await counts()).toEqual(before);
    });

    it('a secret with a NUL character (refused by the HTTP parser) with a 400 problem', async () => {
      const raw = await rawRequest(t.url, `GET /v1/assets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer dw_ab\u0000cd\r\n\r\n`);
      expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(raw).toMatch(/\r\nContent-Type: application\/problem\+json\r\n/);
      expect(raw).toMatch(/\r\nX-Request-Id: \S+\r\n/);
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    });

    it('an expired key, at its expiry (the cache never outlives it)', async () => {
      const key = await createApiKey(t.url, ['users:read'], { expiresAt: new Date(Date.now() + 1500).toISOString() });
      await as(key.secret).get('/v1/assets').expect(200);
      await new Promise((r) => setTimeout(r, 1700));
      expectProblem(await as(key.secret).get('/v1/assets'), 401, 'UNAUTHENTICATED');
      // Still listed (so its owner can see why it fails), with its expiry.
      const listed = (await t.client.http().get(`/v1/api-keys/${key.id}`).expect(200)).body;
      expect(new Date(listed.expiresAt).getTime()).toBeLessThan(Date.now());
    });
  });

  it('on one keep-alive connection, checks a changed header afresh and refuses a key revoked or expired since', async () => {
    // The authenticator remembers the header that last proved a credential on a connection (no
    // hashing for the next request): that memory must never outlive a revocation or an expiry,
    // nor answer for another header.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const status = (authorization: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpGet(`${t.url}/v1/assets`, { agent, headers: { authorization } }, (res) => {
          sockets.add(res.socket);
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
      });
    try {
      const reader = await createApiKey(t.url, ['users:read']);
      const other = await createApiKey(t.url, ['wallets:read']);
      const expiring = await createApiKey(t.url, ['users:read'], { expiresAt: new Date(Date.now() + 1500).toISOString() });
      expect(await status(bearer(reader.secret))).toBe(200);
      expect(await status(bearer(reader.secret))).toBe(200);
      expect(await status(bearer(other.secret))).toBe(403);
      expect(await status(bearer(`${reader.secret.slice(0, -1)}x`))).toBe(401);
      expect(await status(`${bearer(reader.secret)} `)).toBe(200);
      expect(await status(bearer(reader.secret))).toBe(200);
      await t.client.http().delete(`/v1/api-keys/${reader.id}`).expect(204);
      expect(await status(bearer(reader.secret))).toBe(401);
      expect(await status(bearer(expiring.secret))).toBe(200);
      await new Promise((r) => setTimeout(r, 1700));
      expect(await status(bearer(expiring.secret))).toBe(401);
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  describe('managing keys', () => {
    it('shows the secret once, then only its hint; stores only a 32-byte hash', async () => {
      const created = await t.client
        .http()
        .post('/v1/api-keys')
        .send({ name: 'game-server-eu-1', scopes: ['wallets:read', 'users:read', 'wallets:read'] })
        .expect(201);
      expect(created.headers['cache-control']).toBe('no-store');
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'game-server-eu-1',
        scopes: ['users:read', 'wallets:read'],
        createdAt: expect.any(String),
        expiresAt: null,
        lastUsedAt: null,
        rateLimitPerSecond: null,
        createdBy: 'master',
        secretHint: `dw_…${(created.body.secret as string).slice(-4)}`,
        secret: expect.stringMatching(/^dw_[0-9A-Za-z]{49}$/),
      });
      const { secret, ...shown } = created.body as Record<string, unknown>;
      const read = await t.client.http().get(`/v1/api-keys/${created.body.id}`).expect(200);
      expect(read.body).toEqual(shown);
      const listed = await t.client.http().get('/v1/api-keys').expect(200);
      expect(listed.body.data).toContainEqual(shown);
      expect(listed.text).not.toContain(secret);
      const [row] = await t.db.query<{ hash_length: number; stored: string }>(
        `SELECT length(secret_hash) AS hash_length, row_to_json(k)::text AS stored FROM api_keys k WHERE id = $1`,
        [created.body.id],
      );
      expect(row.hash_length).toBe(32);
      expect(row.stored).not.toContain((secret as string).slice(3));
    });

    it('records when a key is used (at most once a minute), off the request path', async () => {
      const key = await createApiKey(t.url, ['users:read']);
      await as(key.secret).get('/v1/assets').expect(200);
      let lastUsedAt: string | null = null;
      for (let i = 0; i < 50 && lastUsedAt === null; i++) {
        await new Promise((r) => setTimeout(r, 100));
        lastUsedAt = (await t.client.http().get(`/v1/api-keys/${key.id}`)).body.lastUsedAt;
      }
      expect(lastUsedAt).not.toBeNull();
      await as(key.secret).get('/v1/assets').expect(200);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await t.client.http().get(`/v1/api-keys/${key.id}`)).body.lastUsedAt).toBe(lastUsedAt);
    });

    it('lets a key grant only scopes it holds, and revoke only keys no stronger than itself', async () => {
      const manager = await createApiKey(t.url, ['api-keys:manage', 'users:read']);
      const before = await counts();
      const escalation = await as(manager.secret)
        .post('/v1/api-keys')
        .send({ name: 'stronger', scopes: ['users:read', 'wallets:topup'] });
      expectProblem(escalation, 403, 'FORBIDDEN');
      expect(escalation.body.requiredScope).toBe('wallets:topup');
      expect(await counts()).toEqual(before);

      const weaker = await as(manager.secret)
        .post('/v1/api-keys')
        .send({ name: 'weaker', scopes: ['users:read'] })
        .expect(201);
      expect(weaker.body.createdBy).toBe(manager.id);
      const stronger = await createApiKey(t.url, ['users:read', 'wallets:spend']);
      const refused = await as(manager.secret).delete(`/v1/api-keys/${stronger.id}`);
      expectProblem(refused, 403, 'FORBIDDEN');
      expect(refused.body.requiredScope).toBe('wallets:spend');
      await as(stronger.secret).get('/v1/assets').expect(200);
      await as(manager.secret).delete(`/v1/api-keys/${weaker.body.id}`).expect(204);
    });

    it.each([
      ['an unknown scope', { name: 'k', scopes: ['wallets:mint'] }, 'scopes'],
      ['no scope', { name: 'k', scopes: [] }, 'scopes'],
      ['scopes as a string', { name: 'k', scopes: 'users:read' }, 'scopes'],
      ['no name', { scopes: ['users:read'] }, 'name'],
      ['a 101-character name', { name: 'n'.repeat(101), scopes: ['users:read'] }, 'name'],
      ['a control character in the name', { name: 'a\u0007b', scopes: ['users:read'] }, 'name'],
      ['an expiry in the past', { name: 'k', scopes: ['users:read'], expiresAt: '2020-01-01T00:00:00.000Z' }, 'expiresAt'],
      ['an expiry that is not a date', { name: 'k', scopes: ['users:read'], expiresAt: 'tomorrow' }, 'expiresAt'],
      ['a negative rate limit', { name: 'k', scopes: ['users:read'], rateLimitPerSecond: -1 }, 'rateLimitPerSecond'],
      ['an unknown field', { name: 'k', scopes: ['users:read'], admin: true }, 'admin'],
    ])('refuses to create a key with %s (400, nothing stored)', async (_name, body, field) => {
      const before = await counts();
      const res = await t.client.http().post('/v1/api-keys').send(body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for an unknown, malformed or revoked key id, and for a second revocation', async () => {
      for (const id of [randomUUID(), 'not-a-uuid', "1' OR '1'='1"]) {
        expectProblem(await t.client.http().delete(`/v1/api-keys/${encodeURIComponent(id)}`), 404, 'NOT_FOUND');
        expectProblem(await t.client.http().get(`/v1/api-keys/${encodeURIComponent(id)}`), 404, 'NOT_FOUND');
      }
      const key = await createApiKey(t.url, ['users:read']);
      await t.client.http().delete(`/v1/api-keys/${key.id}`).expect(204);
      expectProblem(await t.client.http().delete(`/v1/api-keys/${key.id}`), 404, 'NOT_FOUND');
      expectProblem(await t.client.http().get(`/v1/api-keys/${key.id}`), 404, 'NOT_FOUND');
      expect((await t.client.http().get('/v1/api-keys')).body.data.map((k: { id: string }) => k.id)).not.toContain(key.id);
      // Refused at once by the instance that revoked it.
      expectProblem(await as(key.secret).get('/v1/assets'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('idempotency and attribution', () => {
    it('keeps an idempotency record to its credential: another credential gets 422 and none of the stored body', async () => {
      const [a, b] = [await createApiKey(t.url, ['wallets:topup']), await createApiKey(t.url, ['wallets:topup'])];
      const user = await t.client.createUser();
      const body = { userId: user.id, assetCode: 'GOLD', amount: 50 };
      const first = await as(a.secret).post('/v1/topup').set('Idempotency-Key', 'shared-key').send(body).expect(201);
      expect(first.body.createdBy).toBe(a.id);

      const other = await as(b.secret).post('/v1/topup').set('Idempotency-Key', 'shared-key').send(body);
      expectProblem(other, 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(other.headers['idempotent-replayed']).toBeUndefined();
      expect(other.text).not.toContain(`"id":"${first.body.id as string}"`);
      expect(other.text).not.toContain('balanceAfter');

      const master = await t.client.http().post('/v1/topup').set('Idempotency-Key', 'shared-key').send(body);
      expectProblem(master, 422, 'IDEMPOTENCY_KEY_REUSED');

      const replay = await as(a.secret).post('/v1/topup').set('Idempotency-Key', 'shared-key').send(body).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.text).toBe(first.text);
      expect(await t.client.balance(user.id)).toBe(50n);
    });

    it('never stores a 401 or a 403 under the key: the retry with a good credential is carried out', async () => {
      const user = await t.client.createUser();
      const body = { userId: user.id, assetCode: 'GOLD', amount: 7 };
      const key = `refused-${randomUUID()}`;
      expectProblem(
        await as(only.get('wallets:spend')!.secret).post('/v1/topup').set('Idempotency-Key', key).send(body),
        403,
        'FORBIDDEN',
      );
      expectProblem(await as('dw_nope').post('/v1/topup').set('Idempotency-Key', key).send(body), 401, 'UNAUTHENTICATED');
      expect(await t.db.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);
      const res = await as(only.get('wallets:topup')!.secret)
        .post('/v1/topup')
        .set('Idempotency-Key', key)
        .send(body)
        .expect(201);
      expect(res.headers['idempotent-replayed']).toBeUndefined();
    });

    it('records the credential on every transaction: the write, the transaction, both histories and the journal row', async () => {
      const transferKey = await createApiKey(t.url, ['wallets:transfer']);
      const [from, to] = [await t.client.givenUserWithBalance(100), (await t.client.createUser()).id];
      const res = await as(transferKey.secret)
        .post('/v1/transfers')
        .set('Idempotency-Key', randomUUID())
        .send({ fromUserId: from, toUserId: to, assetCode: 'GOLD', amount: 30 })
        .expect(201);
      expect(res.body.createdBy).toBe(transferKey.id);
      expect((await t.client.http().get(`/v1/transactions/${res.body.id}`).expect(200)).body.createdBy).toBe(transferKey.id);
      for (const user of [from, to]) {
        const [item] = (await t.client.history(user)).body.data;
        expect({ id: item.id, createdBy: item.createdBy }).toEqual({ id: res.body.id, createdBy: transferKey.id });
      }
      const fundedBy = (await t.client.history(from)).body.data[1];
      expect(fundedBy).toMatchObject({ type: 'TOPUP', createdBy: 'master' });
      const [row] = await t.db.query<{ created_by: string }>(`SELECT created_by FROM journal_transactions WHERE id = $1`, [
        res.body.id,
      ]);
      expect(row.created_by).toBe(transferKey.id);
    });
  });
});

/** Sends bytes no HTTP client library would send, and returns everything the server answered. */
function rawRequest(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
  });
}
