import { postJson } from '../support/http-json';
import { spawnService, SpawnedService } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';

const GRACE_MS = 4000;

/**
 * A repro, found while timing `npm run torture` (issue 13), of a bug not fixed yet: after clients
 * aborted requests (their own timeouts, as the torture's clients do), SIGTERM leaves the compiled
 * service waiting out the whole SHUTDOWN_GRACE_MS (20 s by default) and exiting 1 ("grace period
 * over with work still in flight"): the HTTP server's close() never completes, although no request
 * is in flight any more (one keep-alive connection stays open). Without the aborts it stops in
 * milliseconds. `it.failing` passes while the bug is there: once it is fixed, this fails — then
 * drop `.failing`.
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

  it.failing('drains and exits 0 within 2 s of SIGTERM', async () => {
    service = await spawnService({ DATABASE_URL: db.url, SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    const url = service.url;
    const user = await postJson(url, '/v1/users', { username: `aborts_${Date.now()}` });
    expect(user.status).toBe(201);
    const body = { userId: user.body.id, assetCode: 'GOLD', amount: 5 };
    await Promise.all(Array.from({ length: 30 }, (_, i) => postJson(url, '/v1/topup', body, { key: `abort-${i}`, timeoutMs: 1 + (i % 15) }).catch(() => undefined)));
    await new Promise((resolve) => setTimeout(resolve, 500));

    const started = Date.now();
    service.child.kill('SIGTERM');
    const exit = await service.exited;
    const ms = Date.now() - started;
    expect({ exit, within2s: ms < 2000 }).toEqual({ exit: 0, within2s: true });
  }, 30_000);
});
