import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authHeaders, TEST_CURSOR_SECRET, TEST_MASTER_KEY } from '../support/auth';
import { withDatabase } from '../support/global-setup';
import { freePort, launchService, SERVICE_MAIN, SpawnedService, spawnService, waitForOutput } from '../support/spawned-service';
import { TestDatabase, withAdminClient } from '../support/test-database';
import { TEST_ENV } from '../support/test-run';

const CLI = SERVICE_MAIN.replace(/main\.js$/, 'cli.js');

function run(
  script: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env } as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Exit code 0, or the process's output in the failure message. */
function expectCleanExit(code: number | string, service: SpawnedService): void {
  expect({ code, output: code === 0 ? '' : service.output() }).toEqual({ code: 0, output: '' });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('Start-up', () => {
  it.each([
    [{ DATABASE_URL: 'nonsense' }, /DATABASE_URL/],
    [{ PORT: '-1' }, /PORT/],
    [{ LOG_LEVEL: 'shouty' }, /LOG_LEVEL/],
  ])('exits non-zero with a one-line reason on bad configuration %p', async (env, reason) => {
    const { code, stderr } = await run(SERVICE_MAIN, [], env);
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(reason);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['no CURSOR_SECRET', {}],
    ['an empty CURSOR_SECRET', { CURSOR_SECRET: '' }],
  ])('refuses to start on a DATABASE_URL with %s, in one line saying how to make one', async (_, secret) => {
    const database = await TestDatabase.create();
    try {
      const { code, stderr, stdout } = await run(SERVICE_MAIN, [], {
        DATABASE_URL: database.url,
        PORT: String(await freePort()),
        ...secret,
      });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^Invalid configuration: CURSOR_SECRET is required when DATABASE_URL is set.*openssl rand -hex 32\)?$/,
        ),
      ]);
      expect(stdout).not.toMatch(/listening/);
    } finally {
      await database.drop();
    }
  });

  it('refuses a CURSOR_SECRET shorter than 32 characters without echoing it', async () => {
    const { code, stderr } = await run(SERVICE_MAIN, [], { CURSOR_SECRET: 'short-but-secret-value-0123456' });
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(
      /^Invalid configuration: CURSOR_SECRET must be longer than or equal to 32 characters \(got a hidden value\)$/,
    );
    expect(stderr).not.toContain('short-but-secret');
  });

  it('refuses to start with DB_AUTO_SETUP=false on an unmigrated database, and starts once the CLI migrated it', async () => {
    const name = `dino_test_empty_${process.pid}_${Date.now()}`;
    await withAdminClient((admin) => admin.query(`CREATE DATABASE ${name}`));
    const url = withDatabase(process.env[TEST_ENV.adminUrl] as string, name);
    try {
      const refused = await run(SERVICE_MAIN, [], {
        DATABASE_URL: url,
        CURSOR_SECRET: TEST_CURSOR_SECRET,
        DB_AUTO_SETUP: 'false',
        PORT: String(await freePort()),
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/db:migrate/);

      expect((await run(CLI, ['migrate'], { DATABASE_URL: url })).code).toBe(0);
      expect((await run(CLI, ['seed'], { DATABASE_URL: url })).code).toBe(0);
      const service = await spawnService({ DATABASE_URL: url, DB_AUTO_SETUP: 'false' });
      const assets = (await (await fetch(`${service.url}/v1/assets`, { headers: authHeaders() })).json()) as { data: unknown[] };
      expect(assets.data).toHaveLength(3);
      // A routine verification through the service leaves checkpoints behind…
      expect(await (await fetch(`${service.url}/v1/ledger/verify`, { headers: authHeaders() })).json()).toMatchObject({
        ok: true,
      });
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      // …and the operator's command still recomputes everything from the first entry (no CURSOR_SECRET needed).
      const verify = await run(CLI, ['verify'], { DATABASE_URL: url });
      expect(verify.code).toBe(0);
      expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, full: true });
    } finally {
      await withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  }, 120_000); // five node processes in a row: slow on a loaded machine

  it('logs one JSON line per request with method, route, status, duration and request id, and no body', async () => {
    const database = await TestDatabase.create();
    const service = await spawnService({ DATABASE_URL: database.url, LOG_LEVEL: 'info' });
    try {
      const res = await fetch(`${service.url}/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'log-probe-1', ...authHeaders() },
        body: JSON.stringify({ username: 'secret_player_name' }),
      });
      expect(res.status).toBe(201);
      await new Promise((r) => setTimeout(r, 200));
      const lines = service
        .output()
        .split('\n')
        .filter((l) => l.includes('log-probe-1'));
      expect(lines).toHaveLength(1);
      const entry = JSON.parse(lines[0]);
      expect(entry).toMatchObject({
        level: 30,
        requestId: 'log-probe-1',
        method: 'POST',
        path: '/v1/users',
        route: '/v1/users',
        status: 201,
        durationMs: expect.any(Number),
        keyId: 'master',
      });
      expect(service.output()).not.toContain('secret_player_name');
      expect(service.output()).not.toContain(TEST_MASTER_KEY);
      for (const line of service.output().split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
      await database.drop();
    }
  });

  it('with HTTP_WORKERS=2 serves from two worker processes sharing the port and drains them all on SIGTERM', async () => {
    const database = await TestDatabase.create();
    const service = await spawnService({ DATABASE_URL: database.url, HTTP_WORKERS: '2', LOG_LEVEL: 'info' }, 60000);
    try {
      await waitForOutput(service, /listening on[^]*listening on/); // ready means one worker; wait for both
      const user = (
        (await (
          await fetch(`${service.url}/v1/users`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...authHeaders() },
            body: JSON.stringify({ username: 'clustered' }),
          })
        ).json()) as { id: string }
      ).id;
      const writes = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          fetch(`${service.url}/v1/topup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'idempotency-key': `cluster-${i % 30}`, ...authHeaders() },
            body: JSON.stringify({ userId: user, assetCode: 'GOLD', amount: 2 }),
          }).then((r) => r.status),
        ),
      );
      expect(writes.every((s) => s === 201)).toBe(true);
      const balances = (await (await fetch(`${service.url}/v1/users/${user}/balances`, { headers: authHeaders() })).json()) as {
        balances: Array<{ assetCode: string; balance: string }>;
      };
      expect(balances.balances.find((b) => b.assetCode === 'GOLD')?.balance).toBe('60'); // 30 keys, each once
      const pids = new Set(
        service
          .output()
          .split('\n')
          .filter((l) => l.includes('listening on'))
          .map((l) => JSON.parse(l).pid),
      );
      expect(pids.size).toBe(2);
      expect(pids.has(service.child.pid)).toBe(false);
    } finally {
      service.child.kill('SIGTERM');
      const code = await service.exited;
      await database.drop();
      expectCleanExit(code, service);
    }
  });

  it('SIGTERM while workers are still starting stops them all and exits 0 (as Kubernetes does to a pod that is starting)', async () => {
    const database = await TestDatabase.create();
    try {
      const service = await launchService({ DATABASE_URL: database.url, HTTP_WORKERS: '2', LOG_LEVEL: 'info' });
      await waitForOutput(service, /supervising 2 workers/); // forked, still loading or building their applications
      service.child.kill('SIGTERM');
      expectCleanExit(await service.exited, service);
      const workerPids = [...service.output().matchAll(/"pid":(\d+)/g)]
        .map((m) => Number(m[1]))
        .filter((pid) => pid !== service.child.pid);
      for (const pid of new Set(workerPids)) expect(isRunning(pid)).toBe(false);
    } finally {
      await database.drop();
    }
  });

  it('SIGTERM before the HTTP server listens lets start-up finish and exits 0', async () => {
    const database = await TestDatabase.create();
    try {
      const service = await launchService({ DATABASE_URL: database.url, LOG_LEVEL: 'info' });
      await waitForOutput(service, /schema (up to date|created)/);
      service.child.kill('SIGTERM');
      expectCleanExit(await service.exited, service);
      expect(service.output()).toMatch(/SIGTERM during start-up: stopping before serving|stopped cleanly/);
    } finally {
      await database.drop();
    }
  });

  it('without DATABASE_URL runs an embedded PostgreSQL, keeps its data across restarts and stops it on SIGTERM', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'dino-embedded-'));
    await chmod(parent, 0o755);
    const dataDir = join(parent, 'pg');
    // No CURSOR_SECRET: the built-in development key is accepted with the embedded database only.
    const env = {
      DATABASE_URL: '',
      CURSOR_SECRET: '',
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'info',
    };
    try {
      const first = await spawnService(env, 60000);
      expect(first.output()).toContain(dataDir);
      expect(first.output()).toContain('DATABASE_URL');
      const created = await fetch(`${first.url}/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeaders() },
        body: JSON.stringify({ username: 'persisted' }),
      });
      expect(created.status).toBe(201);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

      // Workers get the embedded database's URL from their supervisor, and still need no secret.
      const second = await spawnService({ ...env, HTTP_WORKERS: '2' }, 60000);
      const found = (await (await fetch(`${second.url}/v1/users?username=persisted`, { headers: authHeaders() })).json()) as {
        data: unknown[];
      };
      expect(found.data).toHaveLength(1);
      const alice = (await (await fetch(`${second.url}/v1/users?username=alice`, { headers: authHeaders() })).json()) as {
        data: unknown[];
      };
      expect(alice.data).toHaveLength(1);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);

      // Stopped while starting, after its PostgreSQL is up: that PostgreSQL must not be left running.
      const third = await launchService(env);
      await waitForOutput(third, /DATABASE_URL is not set/, 60000);
      third.child.kill('SIGTERM');
      expectCleanExit(await third.exited, third);
      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  }, 180_000); // three starts of an embedded PostgreSQL: slow on a loaded machine
});
