import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createApiKey } from '../support/api-keys';
import { authedRequest, bearer } from '../support/auth';
import { getJson, JsonResponse, postJson } from '../support/http-json';
import { expectProblem } from '../support/problem-assertions';
import { TestRedis } from '../support/redis-server';
import { spawnService, SpawnedService } from '../support/spawned-service';
import { startTestApp, TestApp } from '../support/test-app';
import { TestDatabase } from '../support/test-database';

/**
 * Rate limits (API.md, "Rate limits"). Budgets are counted in one-second windows that start with a
 * credential's first request, so each check sends its requests back to back and, in the rare case
 * the machine was too slow to fit them in one window, starts again with a fresh key.
 */
async function withinOneWindow<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    const started = Date.now();
    const result = await attempt();
    if (Date.now() - started < 800 || tries >= 4) return result;
  }
}

describe('Rate limits per credential', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_SECOND: '4' });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past a key’s budget, with RateLimit-* headers on every answer; another key is unaffected', async () => {
    const { answers, other } = await withinOneWindow(async () => {
      const limited = await createApiKey(t.url, ['users:read'], { rateLimitPerSecond: 3 });
      const bystander = await createApiKey(t.url, ['users:read'], { rateLimitPerSecond: 100 });
      const seq: Response[] = [];
      for (let i = 0; i < 4; i++) seq.push(await authedRequest(t.url, limited.secret).get('/v1/assets'));
      return { answers: seq, other: await authedRequest(t.url, bystander.secret).get('/v1/assets') };
    });
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => [r.headers['ratelimit-limit'], r.headers['ratelimit-remaining']])).toEqual([
      ['3', '2'],
      ['3', '1'],
      ['3', '0'],
      ['3', '0'],
    ]);
    for (const r of answers) expect(Number(r.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(1);
    expectProblem(answers[3], 429, 'RATE_LIMITED');
    expect(Number(answers[3].headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(other.status).toBe(200);
    expect([other.headers['ratelimit-limit'], other.headers['ratelimit-remaining']]).toEqual(['100', '99']);
  });

  /** The master key is limited too (4 a second here): tests that use it start in a window of their own. */
  const nextWindow = () => new Promise((r) => setTimeout(r, 1100));

  it('limits the master key and keys without a rate of their own at RATE_LIMIT_PER_SECOND; a key with 0 is unlimited', async () => {
    await nextWindow();
    const statuses = await withinOneWindow(async () => {
      const seq: number[] = [];
      for (let i = 0; i < 5; i++) seq.push((await t.client.http().get('/v1/assets')).status);
      return seq;
    });
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    await nextWindow();
    const unlimited = await createApiKey(t.url, ['users:read'], { rateLimitPerSecond: 0 });
    const free = await Promise.all(Array.from({ length: 12 }, () => authedRequest(t.url, unlimited.secret).get('/v1/assets')));
    expect(free.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(free[0].headers['ratelimit-limit']).toBeUndefined();
  });

  it('never stores a 429 under the idempotency key: the retry after Retry-After is carried out once', async () => {
    await nextWindow();
    const writer = await createApiKey(t.url, ['wallets:topup'], { rateLimitPerSecond: 1 });
    const user = (
      await authedRequest(t.url)
        .post('/v1/users')
        .send({ username: `rl_${randomUUID().slice(0, 8)}` })
    ).body.id as string;
    const key = `rl-${randomUUID()}`;
    const send = () =>
      authedRequest(t.url, writer.secret)
        .post('/v1/topup')
        .set('Idempotency-Key', key)
        .send({ userId: user, assetCode: 'GOLD', amount: 5 });
    const [first, second] = await withinOneWindow(async () => {
      const other = await authedRequest(t.url, writer.secret)
        .post('/v1/topup')
        .set('Idempotency-Key', randomUUID())
        .send({ userId: user, assetCode: 'GOLD', amount: 1 });
      return [other, await send()];
    });
    expect(first.status).toBe(201);
    expectProblem(second, 429, 'RATE_LIMITED');
    expect(await t.db.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);
    await new Promise((r) => setTimeout(r, Number(second.headers['retry-after']) * 1000 + 50));
    const retried = await send();
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    await nextWindow();
    expect(await t.client.balance(user)).toBe(6n);
  });
});

describe('Failed authentication limits per client address', () => {
  const bad = (t: TestApp, forwardedFor?: string) => {
    const req = authedRequest(t.url, `dw_${'x'.repeat(49)}`).get('/v1/assets');
    return forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req;
  };

  it('answers 401 with the address’s budget, then 429 to everything from that address for the rest of the minute', async () => {
    const t = await startTestApp({ AUTH_FAILURES_PER_MINUTE: '3' });
    try {
      const answers: Response[] = [];
      for (let i = 0; i < 4; i++) answers.push(await bad(t));
      expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 429]);
      expect(answers.slice(0, 3).map((r) => r.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);
      expectProblem(answers[3], 429, 'RATE_LIMITED');
      const retryAfter = Number(answers[3].headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // Even a valid credential: a guesser must not learn which guess was right.
      expectProblem(await t.client.http().get('/v1/assets'), 429, 'RATE_LIMITED');
      // X-Forwarded-For is not believed by default: a forged address does not escape the block.
      expectProblem(await bad(t, '203.0.113.9'), 429, 'RATE_LIMITED');
      // Public paths stay open.
      expect((await authedRequest(t.url).get('/health/live')).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('with TRUST_PROXY, counts the address the proxy names', async () => {
    const t = await startTestApp({ AUTH_FAILURES_PER_MINUTE: '2', TRUST_PROXY: 'loopback' });
    try {
      expect([
        (await bad(t, '198.51.100.1')).status,
        (await bad(t, '198.51.100.1')).status,
        (await bad(t, '198.51.100.1')).status,
      ]).toEqual([401, 401, 429]);
      expect((await bad(t, '198.51.100.2')).status).toBe(401);
      expect((await t.client.http().get('/v1/assets').set('X-Forwarded-For', '198.51.100.2')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('Rate limits shared through Redis', () => {
  let redis: TestRedis;
  let db: TestDatabase;
  beforeAll(async () => {
    [redis, db] = await Promise.all([TestRedis.start(), TestDatabase.create()]);
  });
  afterAll(async () => {
    await redis.stop();
    await db.drop();
  });

  /** Alternates requests between the processes; returns each answer's status and remaining budget. */
  async function alternate(services: SpawnedService[], secret: string, count: number): Promise<Array<[number, string | null]>> {
    const seen: Array<[number, string | null]> = [];
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${services[i % services.length].url}/v1/assets`, { headers: { authorization: bearer(secret) } });
      await res.arrayBuffer();
      seen.push([res.status, res.headers.get('ratelimit-remaining')]);
    }
    return seen;
  }

  it('two processes sharing one Redis keep one budget; without Redis each keeps its own', async () => {
    const prefix = `dino-test-${randomUUID().slice(0, 8)}`;
    const shared = await Promise.all(
      [1, 2].map(() => spawnService({ DATABASE_URL: db.url, REDIS_URL: redis.url, RATE_LIMIT_KEY_PREFIX: prefix })),
    );
    try {
      const seen = await withinOneWindow(async () =>
        alternate(shared, (await createApiKey(shared[0].url, ['users:read'], { rateLimitPerSecond: 4 })).secret, 6),
      );
      expect(seen).toEqual([
        [200, '3'],
        [200, '2'],
        [200, '1'],
        [200, '0'],
        [429, '0'],
        [429, '0'],
      ]);
      const ready = await getJson(shared[1].url, '/health/ready');
      expect(ready.body.details).toMatchObject({ rateLimits: { status: 'up', store: 'redis' } });
    } finally {
      await Promise.all(shared.map(stop));
    }

    const separate = await Promise.all([1, 2].map(() => spawnService({ DATABASE_URL: db.url })));
    try {
      const seen = await withinOneWindow(async () =>
        alternate(separate, (await createApiKey(separate[0].url, ['users:read'], { rateLimitPerSecond: 2 })).secret, 6),
      );
      expect(seen).toEqual([
        [200, '1'],
        [200, '1'],
        [200, '0'],
        [200, '0'],
        [429, '0'],
        [429, '0'],
      ]);
      expect((await getJson(separate[0].url, '/health/ready')).body.details).toMatchObject({
        rateLimits: { status: 'up', store: 'memory' },
      });
    } finally {
      await Promise.all(separate.map(stop));
    }
  });

  it('keeps money moving when Redis stops: writes succeed, readiness says so (and stays 200), limits count per process, then Redis again when it returns', async () => {
    const service = await spawnService({
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      RATE_LIMIT_KEY_PREFIX: `dino-test-${randomUUID().slice(0, 8)}`,
      LOG_LEVEL: 'info',
    });
    try {
      const user = (await postJson(service.url, '/v1/users', { username: `redis_${randomUUID().slice(0, 8)}` })).body
        .id as string;
      const topup = (): Promise<JsonResponse> =>
        postJson(service.url, '/v1/topup', { userId: user, assetCode: 'GOLD', amount: 1 }, { key: randomUUID() });
      expect((await topup()).status).toBe(201);

      await redis.stop();
      const during = await Promise.all(Array.from({ length: 10 }, topup));
      expect(during.map((r) => r.status)).toEqual(Array(10).fill(201));
      const ready = await getJson(service.url, '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.details).toMatchObject({
        rateLimits: { status: 'up', store: 'memory', message: expect.stringContaining('unreachable') },
      });
      expect(service.output().match(/Redis is unreachable/g)).toHaveLength(1);
      const limited = await createApiKey(service.url, ['users:read'], { rateLimitPerSecond: 2 });
      const perProcess = await withinOneWindow(() => alternate([service], limited.secret, 3));
      expect(perProcess.map(([status]) => status)).toEqual([200, 200, 429]);

      await redis.restart();
      let store = 'memory';
      for (let i = 0; i < 100 && store !== 'redis'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        store = String(
          ((await getJson(service.url, '/health/ready')).body.details as { rateLimits: { store: string } }).rateLimits.store,
        );
      }
      expect(store).toBe('redis');
      expect(service.output()).toContain('Redis is reachable again');
      expect((await topup()).status).toBe(201);
      const back = await createApiKey(service.url, ['users:read'], { rateLimitPerSecond: 2 });
      expect((await withinOneWindow(() => alternate([service], back.secret, 3))).map(([status]) => status)).toEqual([
        200, 200, 429,
      ]);
    } finally {
      await stop(service);
    }
  }, 120_000);
});

async function stop(service: SpawnedService): Promise<void> {
  service.child.kill('SIGTERM');
  await service.exited;
}
