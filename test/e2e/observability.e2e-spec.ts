import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { spawnService } from '../support/spawned-service';
import { startTestApp, TestApp } from '../support/test-app';
import { TestDatabase } from '../support/test-database';
import { authHeaders } from '../support/auth';

function metric(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
}

describe('Metrics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('moves the counters with the writes', async () => {
    const before = (await t.client.http().get('/metrics').expect(200)).text;
    const user = await t.client.givenUserWithBalance(10n); // one top-up
    await t.client.spend(user, 3, { key: 'm-1' });
    await t.client.spend(user, 3, { key: 'm-1' }); // replay
    await t.client.spend(user, 100); // INSUFFICIENT_FUNDS
    await t.client.http().get('/v1/ledger/verify').expect(200);
    const res = await t.client.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const after = res.text;
    const delta = (name: string, labels: Record<string, string> = {}) =>
      metric(after, name, labels) - (Number.isNaN(metric(before, name, labels)) ? 0 : metric(before, name, labels));
    expect(delta('ledger_postings_total', { type: 'TOPUP', asset: 'GOLD' })).toBe(1);
    expect(delta('ledger_postings_total', { type: 'SPEND', asset: 'GOLD' })).toBe(1);
    expect(delta('ledger_rejections_total', { code: 'INSUFFICIENT_FUNDS' })).toBe(1);
    expect(delta('idempotency_replays_total')).toBe(1);
    expect(delta('http_request_duration_seconds_count', { method: 'POST', route: '/v1/spend', status: '201' })).toBe(2);
    expect(delta('http_request_duration_seconds_count', { method: 'POST', route: '/v1/spend', status: '422' })).toBe(1);
    expect(delta('ledger_batch_size_count')).toBeGreaterThanOrEqual(3);
    expect(metric(after, 'ledger_lock_wait_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(metric(after, 'ledger_verify_ok')).toBe(1);
    expect(metric(after, 'db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(after).toContain('ledger_transaction_retries_total');
    expect(after).toContain('process_cpu_seconds_total');
  });
});

type Outcome = { key: string; at: number } & ({ status: number; body: string } | { error: string });

/** One request on its own connection, so a refused or reset connection concerns this request only. */
function post(url: string, path: string, body: unknown): Promise<Outcome> {
  const key = randomUUID();
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const req = httpRequest(
      `${url}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(data),
          'idempotency-key': key,
          ...authHeaders(),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ key, at: Date.now(), status: res.statusCode ?? 0, body: text }));
        res.on('error', (e) => resolve({ key, at: Date.now(), error: `response ${e.message}` }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ key, at: Date.now(), error: e.code ?? e.message }));
    req.end(data);
  });
}

describe('Graceful shutdown', () => {
  it('answers every accepted request completely on SIGTERM during a burst, then exits 0 within the grace period', async () => {
    const db = await TestDatabase.create();
    const service = await spawnService({ DATABASE_URL: db.url, SHUTDOWN_GRACE_MS: '15000' });
    try {
      const user = (
        (await (
          await fetch(`${service.url}/v1/users`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...authHeaders() },
            body: JSON.stringify({ username: 'draining' }),
          })
        ).json()) as { id: string }
      ).id;

      let sigtermAt = 0;
      const outcomes: Outcome[] = [];
      const burst = Array.from({ length: 400 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i)); // a steady stream across the signal
        outcomes.push(await post(service.url, '/v1/topup', { userId: user, assetCode: 'GOLD', amount: 1 }));
      });
      await new Promise((r) => setTimeout(r, 150));
      sigtermAt = Date.now();
      service.child.kill('SIGTERM');
      await Promise.all(burst);
      const code = await service.exited;
      const stoppedAfter = Date.now() - sigtermAt;

      expect(code).toBe(0);
      expect(stoppedAfter).toBeLessThan(15000);
      const answered = outcomes.filter((o): o is Outcome & { status: number; body: string } => 'status' in o);
      const unanswered = outcomes.filter((o): o is Outcome & { error: string } => 'error' in o);
      // Connections still in the listen backlog when the server stops listening are refused or
      // reset by the kernel: those requests never reached the application.
      expect([...new Set(unanswered.map((r) => r.error))].filter((e) => e !== 'ECONNREFUSED' && e !== 'ECONNRESET')).toEqual([]);
      expect(answered.filter((a) => a.at > sigtermAt).length).toBeGreaterThan(0); // some were in flight at the signal
      for (const a of answered) {
        expect([201, 503]).toContain(a.status);
        expect(() => JSON.parse(a.body)).not.toThrow();
      }
      // Nothing the application carried out lost its response: exactly the answered 201s are in the
      // journal, and no request without an answer left a trace.
      const journals = await db.query<{ idempotency_key: string }>(
        `SELECT idempotency_key FROM journal_transactions WHERE user_id = $1`,
        [user],
      );
      const posted = new Set(journals.map((j) => j.idempotency_key));
      expect(posted).toEqual(new Set(answered.filter((a) => a.status === 201).map((a) => a.key)));
      expect(unanswered.filter((u) => posted.has(u.key))).toEqual([]);
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
      await db.drop();
    }
  });
});
