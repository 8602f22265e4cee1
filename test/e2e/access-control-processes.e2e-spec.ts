import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { authHeaders, TEST_MASTER_KEY } from '../support/auth';
import { getJson, postJson } from '../support/http-json';
import { freePort, launchService, SERVICE_MAIN, spawnService, SpawnedService, waitForOutput } from '../support/spawned-service';
import { TestDatabase } from '../support/test-database';

const CLI = join(SERVICE_MAIN, '../cli.js');

/** Access control across processes: replicas, the CLI, the start-up rules for the master key. */
describe('Access control across processes', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await TestDatabase.create();
  });
  afterAll(() => db.drop());

  it('a key revoked on one replica is refused by another within 5 seconds; logs name the key, never a secret', async () => {
    const [first, second] = await Promise.all([
      spawnService({ DATABASE_URL: db.url, LOG_LEVEL: 'info' }),
      spawnService({ DATABASE_URL: db.url, LOG_LEVEL: 'info' }),
    ]);
    try {
      const created = await postJson(first.url, '/v1/api-keys', { name: 'replicated', scopes: ['users:read'] });
      expect(created.status).toBe(201);
      const secret = created.body.secret as string;
      // The second replica verifies the key once and caches it.
      expect((await getJson(second.url, '/v1/assets', { secret })).status).toBe(200);
      expect((await getJson(second.url, '/v1/assets', { secret })).status).toBe(200);

      const revokedAt = Date.now();
      const revoke = await fetch(`${first.url}/v1/api-keys/${String(created.body.id)}`, {
        method: 'DELETE',
        headers: authHeaders(),
      });
      expect(revoke.status).toBe(204);
      expect((await getJson(first.url, '/v1/assets', { secret })).status).toBe(401);
      let status = 200;
      while (status === 200 && Date.now() - revokedAt < 10_000) {
        status = (await getJson(second.url, '/v1/assets', { secret })).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 100));
      }
      expect({ status, seenWithinMs: Date.now() - revokedAt < 5_000 }).toEqual({ status: 401, seenWithinMs: true });

      const logs = first.output() + second.output();
      expect(logs).toContain(`"keyId":"${String(created.body.id)}"`);
      expect(logs).toContain('"keyId":"master"');
      expect(logs).not.toContain(secret);
      expect(logs).not.toContain(TEST_MASTER_KEY);
    } finally {
      await Promise.all([stop(first), stop(second)]);
    }
  }, 120_000);

  it('npm run keys: creates (secret printed once), lists, revokes; refuses unknown scopes and ids', async () => {
    const env = { DATABASE_URL: db.url };
    const created = await runCli(['keys', 'create', '--name', 'from-the-shell', '--scopes', 'users:read,wallets:read'], env);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { id: string; secret: string; scopes: string[]; createdBy: string };
    expect(key).toMatchObject({
      scopes: ['users:read', 'wallets:read'],
      createdBy: 'cli',
      secret: expect.stringMatching(/^dw_[0-9A-Za-z]{49}$/),
    });
    expect(created.stderr).toContain('not shown again');

    const service = await spawnService({ DATABASE_URL: db.url, API_MASTER_KEY: '' });
    try {
      expect(service.output()).toContain('API_MASTER_KEY is not set: only API keys are accepted');
      expect((await getJson(service.url, '/v1/assets', { secret: key.secret })).status).toBe(200);
      expect((await getJson(service.url, '/v1/assets')).status).toBe(401); // no master key on this service

      const listed = await runCli(['keys', 'list'], env);
      expect(JSON.parse(listed.stdout).data.map((k: { id: string }) => k.id)).toContain(key.id);
      expect(listed.stdout).not.toContain(key.secret);

      expect((await runCli(['keys', 'revoke', key.id], env)).code).toBe(0);
      const deadline = Date.now() + 5_000;
      let status = 200;
      while (status === 200 && Date.now() < deadline)
        status = (await getJson(service.url, '/v1/assets', { secret: key.secret })).status;
      expect(status).toBe(401);
    } finally {
      await stop(service);
    }

    const unknownScope = await runCli(['keys', 'create', '--name', 'x', '--scopes', 'wallets:mint'], env);
    expect(unknownScope.code).toBe(64);
    expect(unknownScope.stderr).toContain('scopes');
    const unknownId = await runCli(['keys', 'revoke', '00000000-0000-0000-0000-000000000000'], env);
    expect(unknownId.code).toBe(64);
    expect(unknownId.stderr).toContain('No API key has this id');
  }, 180_000);

  it('refuses to start with a master key shorter than 32 characters, in one line that does not echo it', async () => {
    const service = await launchService({ DATABASE_URL: db.url, API_MASTER_KEY: 'short-secret-1234' });
    expect(await service.exited).toBe(1);
    const lines = service.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/API_MASTER_KEY must be 32 to 512 visible ASCII characters/);
    expect(lines[0]).not.toContain('short-secret-1234');
  });

  it('on the embedded database without API_MASTER_KEY: makes a master key file (0600) on the first start and reuses it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dino-master-key-'));
    chmodSync(parent, 0o755); // PostgreSQL runs as the postgres OS user when the tests run as root
    const env = { DATABASE_URL: '', API_MASTER_KEY: '', EMBEDDED_PG_DIR: join(parent, 'postgres'), LOG_LEVEL: 'info' };
    const file = join(parent, 'master.key');
    try {
      const first = await spawnService({ ...env, EMBEDDED_PG_PORT: String(await freePort()) }, 60_000);
      let key: string;
      try {
        await waitForOutput(first, /Development master key created/);
        expect(existsSync(file)).toBe(true);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        key = readFileSync(file, 'utf8').trim();
        expect(key.length).toBeGreaterThanOrEqual(32);
        expect(first.output()).toContain(`Authorization: Bearer $(cat ${file})`);
        expect(first.output()).not.toContain(key);
        expect((await getJson(first.url, '/v1/assets', { secret: key })).status).toBe(200);
      } finally {
        await stop(first);
      }
      const second = await spawnService({ ...env, EMBEDDED_PG_PORT: String(await freePort()) }, 60_000);
      try {
        await waitForOutput(second, /Development master key reused/);
        expect(readFileSync(file, 'utf8').trim()).toBe(key);
        expect((await getJson(second.url, '/v1/assets', { secret: key })).status).toBe(200);
        expect((await getJson(second.url, '/v1/assets')).status).toBe(401); // the test key is not this service's
      } finally {
        await stop(second);
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 180_000);
});

async function stop(service: SpawnedService): Promise<void> {
  service.child.kill('SIGTERM');
  await service.exited;
}

async function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
