import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, launchService, SERVICE_MAIN, SpawnedService, spawnService } from '../support/spawned-service';
import { authHeaders, TEST_MASTER_KEY } from '../support/auth';

const CLI = SERVICE_MAIN.replace(/main\.js$/, 'cli.js');
const PRESTART = join(__dirname, '../../scripts/prestart.mjs');

interface Run {
  readonly code: number | null;
  readonly output: string;
  readonly ms: number;
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, LOG_LEVEL: 'info', API_MASTER_KEY: TEST_MASTER_KEY, ...env } as NodeJS.ProcessEnv,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output, ms: Date.now() - started }));
  });
}

function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

/** Running, and not a zombie waiting to be reaped (a PostgreSQL whose parent was killed is reparented). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Reads /health/ready and a user read every 100 ms until stopped; every status is kept. */
function pollWhile(service: SpawnedService): { stop(): Promise<number[]> } {
  const statuses: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const path of ['/health/ready', '/v1/users?username=alice']) {
        statuses.push(
          await fetch(`${service.url}${path}`, { headers: authHeaders() }).then(
            (r) => r.status,
            () => -1,
          ),
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return statuses;
    },
  };
}

async function stopService(service: SpawnedService, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | string> {
  service.child.kill(signal);
  return service.exited;
}

/**
 * The embedded PostgreSQL of `npm start` is shared by every process that asks for the same data
 * folder: a second service, `db:migrate`, `ledger:verify`, `db:seed`. None of them may stop it
 * under the first (before, each treated it as a crash leftover and stopped it, and the first
 * service answered 503 until restarted); it stops when its last user stops.
 */
describe('Embedded PostgreSQL shared between processes', () => {
  let parent: string;
  let env: Record<string, string>;
  let dataDir: string;

  beforeEach(async () => {
    parent = await mkdtemp(join(tmpdir(), 'dino-shared-'));
    await chmod(parent, 0o755); // as root, PostgreSQL runs as the postgres OS user
    dataDir = join(parent, 'pg');
    env = { DATABASE_URL: '', EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'info' };
  });

  afterEach(async () => {
    const pid = postmasterPid(dataDir);
    if (pid && isRunning(pid)) process.kill(pid, 'SIGINT'); // only after a failed test
    await rm(parent, { recursive: true, force: true });
  });

  it('migrate, verify, seed and a second service use the running PostgreSQL; the first keeps answering 200 throughout', async () => {
    const first = await spawnService(env, 60000);
    const poll = pollWhile(first);
    let second: SpawnedService | undefined;
    try {
      const pid = postmasterPid(dataDir);
      for (const command of ['migrate', 'verify', 'seed']) {
        const result = await run(CLI, [command], env);
        expect({ command, code: result.code }).toEqual({ command, code: 0 });
        expect(result.output).toContain('using the embedded PostgreSQL already running');
        expect(result.output).toContain('leaving the embedded PostgreSQL running');
      }
      second = await spawnService(env, 60000);
      expect(second.output()).toContain(
        `using the embedded PostgreSQL already running on port ${env.EMBEDDED_PG_PORT} (pid ${pid}`,
      );
      // A user made through the second is seen by the first: one database.
      const created = await fetch(`${second.url}/v1/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authHeaders() },
        body: JSON.stringify({ username: 'shared_user' }),
      });
      expect(created.status).toBe(201);
      const found = (await (await fetch(`${first.url}/v1/users?username=shared_user`, { headers: authHeaders() })).json()) as {
        data: unknown[];
      };
      expect(found.data).toHaveLength(1);

      expect(await stopService(second)).toBe(0);
      second = undefined;
      expect(postmasterPid(dataDir)).toBe(pid);
      await new Promise((r) => setTimeout(r, 500));
      const statuses = await poll.stop();
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(first.output()).not.toMatch(/"level":(40|50)/);
    } finally {
      await poll.stop();
      if (second) await stopService(second);
      await stopService(first);
    }
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('when the service that started PostgreSQL stops first, the other keeps it; the last one stops it', async () => {
    const first = await spawnService(env, 60000);
    const second = await spawnService(env, 60000);
    const pid = postmasterPid(dataDir) as number;
    expect(await stopService(first)).toBe(0);
    expect(first.output()).toContain(`still uses it`);
    const poll = pollWhile(second);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await poll.stop()).filter((s) => s !== 200)).toEqual([]);
    expect(isRunning(pid)).toBe(true);
    expect(await stopService(second)).toBe(0);
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
    expect(readdirSync(join(parent, '.pg.holders'))).toEqual([]);
  });

  it('a PostgreSQL whose owner was killed is a crash leftover: stopped with a warning, and the next service starts its own', async () => {
    const killed = await spawnService(env, 60000);
    const leftover = postmasterPid(dataDir) as number;
    expect(await stopService(killed, 'SIGKILL')).toBe('SIGKILL');
    expect(isRunning(leftover)).toBe(true); // PostgreSQL runs in its own session: the kill did not reach it

    const next = await spawnService(env, 60000);
    try {
      const warning = next
        .output()
        .split('\n')
        .find((line) => line.includes('left running'));
      expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 40, msg: expect.stringContaining(`pid ${leftover}`) });
      expect(isRunning(leftover)).toBe(false);
      expect(postmasterPid(dataDir)).not.toBe(leftover);
      const alice = await fetch(`${next.url}/v1/users?username=alice`, { headers: authHeaders() });
      expect(alice.status).toBe(200);
    } finally {
      expect(await stopService(next)).toBe(0);
    }
  });

  it('refuses with one line naming the pid and port when the running PostgreSQL of a live process does not answer', async () => {
    const made = await spawnService(env, 60000); // a real cluster in the folder
    expect(await stopService(made)).toBe(0);
    // A live holder whose "PostgreSQL" (a process that is no PostgreSQL) never accepts connections.
    const impostor = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const port = await freePort();
      writeFileSync(join(dataDir, 'postmaster.pid'), `${impostor.pid}\n${dataDir}\n0\n${port}\n`);
      mkdirSync(join(parent, '.pg.holders'), { recursive: true });
      writeFileSync(join(parent, '.pg.holders', String(impostor.pid)), '{}\n');
      const result = await run(CLI, ['verify'], { ...env, EMBEDDED_PG_START_TIMEOUT_MS: '1500', LOG_LEVEL: 'warn' });
      expect(result.code).toBe(1);
      expect(result.output.trim().split('\n')).toEqual([
        expect.stringMatching(
          new RegExp(
            `pid ${impostor.pid}, port ${port}, used by process ${impostor.pid}\\) does not accept connections: stop that process, or set EMBEDDED_PG_DIR`,
          ),
        ),
      ]);
      expect(isRunning(impostor.pid as number)).toBe(true); // refused, not killed
    } finally {
      impostor.kill();
      rmSync(join(dataDir, 'postmaster.pid'), { force: true });
    }
  });

  it('two services started at the same moment on an empty folder share one cluster', async () => {
    const [a, b] = await Promise.all([spawnService(env, 90000), spawnService(env, 90000)]);
    try {
      const roles = [a, b].map((s) => (s.output().includes('sharing the embedded PostgreSQL') ? 'joined' : 'started'));
      expect(roles.sort()).toEqual(['joined', 'started']);
      for (const s of [a, b]) expect((await fetch(`${s.url}/health/ready`)).status).toBe(200);
    } finally {
      expect([await stopService(a), await stopService(b)]).toEqual([0, 0]);
    }
    expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
  });
});

describe('HTTP port already in use', () => {
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '0.0.0.0', resolve));
  });
  afterAll(() => new Promise((resolve) => blocker.close(resolve)));

  it('npm start (its prestart step) fails with one line naming the port and PORT=, before building', async () => {
    const result = await run(PRESTART, [], { PORT: String(port) });
    expect(result.code).toBe(1);
    expect(result.output.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^Port ${port} is already in use.*PORT=${port + 1} npm start$`)),
    ]);
    expect(result.output).not.toContain('Building');
    expect(result.ms).toBeLessThan(20000); // a build alone takes longer than this on a loaded machine
  });

  it('the service fails with one line before touching the database', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'dino-port-'));
    try {
      const dataDir = join(parent, 'pg');
      const service = await launchService({
        DATABASE_URL: '',
        EMBEDDED_PG_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await freePort()),
        PORT: String(port),
      });
      expect(await service.exited).toBe(1);
      expect(service.output().trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`Port ${port} is already in use.*PORT=${port + 1}`)),
      ]);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
