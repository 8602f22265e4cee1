import { connect, Socket } from 'node:net';
import request from 'supertest';
import { authHeaders, bearer } from '../support/auth';
import { ledgerSnapshot } from '../support/ledger-invariants';
import { SpawnedService, spawnService } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';

/**
 * The HTTP layer of the compiled service, as production runs it: server timeouts against slow and
 * silent clients, the security headers of every answer, and log levels that keep client mistakes
 * out of the error log.
 */
describe('HTTP hardening', () => {
  let db: TestDatabase;
  let service: SpawnedService;
  let port: number;
  let alice: string;

  beforeAll(async () => {
    db = await TestDatabase.create();
    service = await spawnService({
      DATABASE_URL: db.url,
      LOG_LEVEL: 'info',
      HTTP_HEADERS_TIMEOUT_MS: '1000',
      HTTP_REQUEST_TIMEOUT_MS: '2000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '1500',
    });
    port = Number(new URL(service.url).port);
    [{ id: alice }] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'alice'`);
  });
  afterAll(async () => {
    service?.child.kill('SIGTERM');
    await service?.exited;
    await db?.drop();
  });

  /** A raw connection; resolves with what the server sent and how long until it closed the connection. */
  function rawConnection(
    behave: (socket: Socket) => void,
    giveUpMs = 15_000,
  ): Promise<{ received: string; closedAfterMs: number | null }> {
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const opened = Date.now();
      let received = '';
      const timer = setTimeout(() => {
        socket.destroy();
        resolve({ received, closedAfterMs: null });
      }, giveUpMs);
      socket.on('connect', () => behave(socket));
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve({ received, closedAfterMs: Date.now() - opened });
      });
    });
  }
  /** Writes `chunks` one by one, `everyMs` apart, until the socket closes. */
  function trickle(socket: Socket, chunks: string[], everyMs: number): void {
    let i = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || i >= chunks.length) return clearInterval(timer);
      socket.write(chunks[i++]);
    }, everyMs);
    socket.on('close', () => clearInterval(timer));
  }

  describe('server timeouts', () => {
    it('closes a connection that never sends anything (headers timeout)', async () => {
      const { closedAfterMs } = await rawConnection(() => undefined);
      expect(closedAfterMs).not.toBeNull();
    });

    it('closes a connection that sends its headers a line at a time and never ends them', async () => {
      const { received, closedAfterMs } = await rawConnection((s) =>
        trickle(
          s,
          ['GET /v1/assets HTTP/1.1\r\n', 'Host: x\r\n', ...Array.from({ length: 100 }, (_, i) => `X-Slow-${i}: y\r\n`)],
          250,
        ),
      );
      expect(closedAfterMs).not.toBeNull();
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
    });

    it('closes a write whose body arrives a byte at a time, and nothing is written', async () => {
      const before = await ledgerSnapshot(db);
      const body = JSON.stringify({ userId: alice, assetCode: 'GOLD', amount: '5' });
      const head =
        `POST /v1/topup HTTP/1.1\r\nHost: x\r\nAuthorization: ${bearer()}\r\nContent-Type: application/json\r\n` +
        `Idempotency-Key: slow-body-1\r\nContent-Length: ${body.length}\r\n\r\n`;
      const { received, closedAfterMs } = await rawConnection((s) => {
        s.write(head);
        trickle(s, body.split(''), 250);
      });
      expect(closedAfterMs).not.toBeNull();
      expect(received).toMatch(/^HTTP\/1\.1 408 /);
      expect(await ledgerSnapshot(db)).toEqual(before);
    });

    it('closes an idle keep-alive connection after its answer', async () => {
      const { received, closedAfterMs } = await rawConnection((s) => s.write('GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n'));
      expect(received).toMatch(/^HTTP\/1\.1 200 /);
      expect(received).toMatch(/\r\nKeep-Alive: timeout=1\r\n/i); // HTTP_KEEP_ALIVE_TIMEOUT_MS, announced
      expect(closedAfterMs).not.toBeNull();
    });

    it('serves a client that sends its request at once (positive control)', async () => {
      const { received } = await rawConnection((s) =>
        s.write('GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      );
      expect(received).toMatch(/^HTTP\/1\.1 200 /);
    });
  });

  describe('response headers', () => {
    const api = () => request(service.url);

    it.each([
      ['balances', () => api().get(`/v1/users/${alice}/balances`).set(authHeaders()), 200],
      ['history', () => api().get(`/v1/users/${alice}/transactions`).set(authHeaders()), 200],
      ['a transaction', () => api().get('/v1/transactions/999999').set(authHeaders()), 404],
      ['a user', () => api().get(`/v1/users/${alice}`).set(authHeaders()), 200],
      ['the API keys', () => api().get('/v1/api-keys').set(authHeaders()), 200],
      ['a refusal without a credential', () => api().get(`/v1/users/${alice}/balances`), 401],
      ['a refused write', () => api().post('/v1/topup').set(authHeaders()).send({}), 400],
    ])('%s: no-store, nosniff, no framing, no referrer, a CSP that allows nothing', async (_, send, status) => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers).toMatchObject({
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none';frame-ancestors 'none'",
        'cross-origin-resource-policy': 'same-origin',
        'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
      });
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('keeps a CSP that lets the docs page load its own scripts and styles', async () => {
      const res = await api().get('/docs/').redirects(1);
      expect(res.status).toBe(200);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });
  });

  describe('log levels', () => {
    it('logs client mistakes at info at most, never as errors and without stack traces', async () => {
      const api = () => request(service.url);
      const marker = `log-level-${Date.now()}`;
      const statuses = [
        (await api().get('/v1/users?username=%00abc').set(authHeaders()).set('X-Request-Id', `${marker}-1`)).status,
        (await api().get('/v1/users/%FF/balances').set(authHeaders()).set('X-Request-Id', `${marker}-2`)).status,
        (await api().get('/v1/nowhere').set(authHeaders()).set('X-Request-Id', `${marker}-3`)).status,
        (
          await api()
            .post('/v1/topup')
            .set(authHeaders())
            .set('Content-Type', 'text/plain')
            .set('X-Request-Id', `${marker}-4`)
            .send('x')
        ).status,
        (await api().post('/v1/topup').set(authHeaders()).set('X-Request-Id', `${marker}-5`).send({ amount: 0 })).status,
        (await api().get('/v1/ledger/verify?full=maybe').set(authHeaders()).set('X-Request-Id', `${marker}-6`)).status,
        (await api().get('/v1/assets').set('X-Request-Id', `${marker}-7`)).status,
      ];
      expect(statuses).toEqual([400, 400, 404, 415, 400, 400, 401]);
      await new Promise((r) => setTimeout(r, 200));
      const lines = service
        .output()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { level: number; requestId?: string; status?: number; trace?: string });
      const ours = lines.filter((l) => l.requestId?.startsWith(marker));
      expect(ours.map((l) => [l.status, l.level])).toEqual(statuses.map((s) => [s, 30]));
      expect(lines.filter((l) => l.level >= 50)).toEqual([]);
      expect(service.output()).not.toMatch(/\n\s+at /);
    });
  });
});
