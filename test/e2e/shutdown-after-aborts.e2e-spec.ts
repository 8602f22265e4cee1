import { postJson } from '../support/http-json';
import { spawnService, SpawnedService } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';

const GRACE_MS = 4000;

/**
 * Found while timing `npm run torture`: after clients aborted requests (their own timeouts, as the
 * torture's clients do), SIGTERM left the service waiting out the whole SHUTDOWN_GRACE_MS and
 * exiting 1 ("grace period over with work still in flight"): with no request in flight, the HTTP
 * server's close() still waited for connections on which a client had given up half-way through
 * sending a request (not idle to Node, so not closed by close()). The drain now closes those once
 * nothing is in flight.
 */
describe('Shutdown after client-aborted requests', () => {
  let db: TestDatabase;
  let service: SpawnedService | undefined;

  beforeAll(async () => {
    db = await TestDatabase.create();
  });
  afterAll(async () => {
    service?.child.kill('SIGKILL');
    await db.drop();
  });

  it('drains and exits 0 within 2 s of SIGTERM', async () => {
    service = await spawnService({ DATABASE_URL: db.url, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    const url = service.url;
    const user = await postJson(url, '/v1/users', { username: `aborts_${Date.now()}` });
    expect(user.status).toBe(201);
    const body = { userId: user.body.id, assetCode: 'GOLD', amount: 5 };
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        postJson(url, '/v1/topup', body, { key: `abort-${i}`, timeoutMs: 1 + (i % 15) }).catch(() => undefined),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const started = Date.now();
    service.child.kill('SIGTERM');
    const exit = await service.exited;
    const ms = Date.now() - started;
    expect({ exit, within2s: ms < 2000 }).toEqual({ exit: 0, within2s: true });
  }, 30_000);
});
