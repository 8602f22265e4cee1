import { randomUUID } from 'node:crypto';
import { spawnService } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';
import { authHeaders } from '../support/auth';

interface Planned {
  readonly path: string;
  readonly key: string;
  readonly body: Record<string, unknown>;
}

async function send(url: string, p: Planned): Promise<{ status: number; text: string; replayed: boolean }> {
  const res = await fetch(`${url}${p.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': p.key, ...authHeaders() },
    body: JSON.stringify(p.body),
  });
  return { status: res.status, text: await res.text(), replayed: res.headers.get('idempotent-replayed') === 'true' };
}

/**
 * Kill -9 in the middle of a burst of writes: the claim of each key and its journal commit
 * together, so after a restart every request retried with its key is carried out exactly once.
 */
describe('Crash recovery', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await TestDatabase.create();
  });
  afterAll(() => db.drop());

  it('keeps exactly one journal per key when the process is killed with writes in flight', async () => {
    let service = await spawnService({ DATABASE_URL: db.url });
    const users: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${service.url}/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeaders() },
        body: JSON.stringify({ username: `crash_${i}` }),
      });
      users.push(((await res.json()) as { id: string }).id);
    }
    const plan: Planned[] = Array.from({ length: 400 }, (_, i) => {
      const u = users[i % users.length];
      const v = users[(i + 1) % users.length];
      const key = `crash-${i}-${randomUUID()}`;
      if (i % 3 === 0) return { path: '/v1/topup', key, body: { userId: u, assetCode: 'GOLD', amount: 50 } };
      if (i % 3 === 1) return { path: '/v1/spend', key, body: { userId: u, assetCode: 'GOLD', amount: 7 } };
      return { path: '/v1/transfers', key, body: { fromUserId: u, toUserId: v, assetCode: 'GOLD', amount: 3 } };
    });

    const before = new Map<string, { status: number; text: string }>();
    // Killed as the first answer arrives: the rest of the 400 are still being sent, queued or in a
    // batch (a poll for the 40th answer was too late once a single batch could take the remaining 360).
    const victim = service.child;
    const inFlight = plan.map((p) =>
      send(service.url, p).then(
        (r) => {
          before.set(p.key, r);
          if (victim.exitCode === null && victim.signalCode === null) victim.kill('SIGKILL');
        },
        () => undefined, // the connection died with the process
      ),
    );
    await Promise.all(inFlight);
    expect(await service.exited).toBe('SIGKILL');
    expect(before.size).toBeLessThan(plan.length); // some requests were cut off

    service = await spawnService({ DATABASE_URL: db.url });
    try {
      for (const p of plan) {
        const retry = await send(service.url, p);
        expect([201, 422]).toContain(retry.status);
        const first = before.get(p.key);
        if (first) {
          expect(retry.status).toBe(first.status);
          expect(retry.text).toBe(first.text);
          expect(retry.replayed).toBe(true);
        }
      }
      const duplicates = await db.query(
        `SELECT user_id, idempotency_key, count(*) FROM journal_transactions GROUP BY 1, 2 HAVING count(*) > 1`,
      );
      expect(duplicates).toEqual([]);
      const [{ journals }] = await db.query<{ journals: string }>(
        `SELECT count(*) AS journals FROM journal_transactions WHERE idempotency_key LIKE 'crash-%'`,
      );
      const [{ records }] = await db.query<{ records: string }>(
        `SELECT count(*) AS records FROM idempotency_keys WHERE key LIKE 'crash-%' AND status_code = 201`,
      );
      expect(journals).toBe(records);
      const verify = (await (await fetch(`${service.url}/v1/ledger/verify`, { headers: authHeaders() })).json()) as {
        ok: boolean;
      };
      expect(verify.ok).toBe(true);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });
});
