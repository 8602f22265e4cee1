import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './spawned-service';

export interface PgBouncerOptions {
  /** Settings added to the `[pgbouncer]` section, beyond pool_mode=transaction (stock otherwise). */
  readonly settings?: Readonly<Record<string, string>>;
  /** Extra users it lets in (and logs in to PostgreSQL as); the server URL's user always is. */
  readonly users?: ReadonlyArray<{ readonly user: string; readonly password: string }>;
}

const BINARY = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((p) => existsSync(p)) ?? 'pgbouncer';

/**
 * A real PgBouncer (Debian's package) in transaction pooling mode, in front of the PostgreSQL of
 * `serverUrl`, on a free loopback port, with a configuration in a temporary folder. Everything
 * else is PgBouncer's stock setting: no ignore_startup_parameters. (PgBouncer refuses to run as
 * root; as root the test runs it as the `postgres` OS user.)
 */
export class PgBouncer {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess,
    private readonly output: () => string,
  ) {}

  static async start(serverUrl: string, options: PgBouncerOptions = {}): Promise<PgBouncer> {
    const server = new URL(serverUrl);
    const admin = { user: decodeURIComponent(server.username), password: decodeURIComponent(server.password) };
    const users = [admin, ...(options.users ?? [])];
    const port = await freePort();
    const dir = await mkdtemp(join(tmpdir(), 'dino-pgbouncer-'));
    // With a passwordless server (trust), clients are not asked either; else SCRAM both ways.
    const authType = admin.password ? 'scram-sha-256' : 'trust';
    const settings: Record<string, string> = {
      listen_addr: '127.0.0.1',
      listen_port: String(port),
      unix_socket_dir: '',
      auth_type: authType,
      auth_file: join(dir, 'userlist.txt'),
      logfile: join(dir, 'pgbouncer.log'),
      pidfile: join(dir, 'pgbouncer.pid'),
      pool_mode: 'transaction',
      ...options.settings,
    };
    const ini = [
      '[databases]',
      `* = host=${server.hostname === 'localhost' ? '127.0.0.1' : server.hostname} port=${server.port || 5432}`,
      '[pgbouncer]',
      ...Object.entries(settings).map(([k, v]) => `${k} = ${v}`),
    ].join('\n');
    await writeFile(join(dir, 'pgbouncer.ini'), `${ini}\n`);
    await writeFile(join(dir, 'userlist.txt'), users.map((u) => `"${u.user}" "${u.password}"`).join('\n') + '\n');
    const runAs = process.getuid?.() === 0 ? postgresUser() : undefined;
    if (runAs) {
      for (const f of ['', 'pgbouncer.ini', 'userlist.txt']) await chown(join(dir, f), runAs.uid, runAs.gid);
    }
    let output = '';
    const child = spawn(BINARY, [join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'], ...runAs });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const bouncer = new PgBouncer(port, dir, child, () => output);
    await bouncer.waitUntilServing(serverUrl);
    return bouncer;
  }

  /** `url` (a URL of the same server) with its host and port replaced by PgBouncer's. */
  route(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  /** What PgBouncer wrote (its stderr and log), for diagnostics. */
  log(): string {
    return this.output();
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGINT');
      await exited;
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  private async waitUntilServing(serverUrl: string): Promise<void> {
    const deadline = Date.now() + 15000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`pgbouncer exited (${this.child.exitCode}): ${this.output()}`);
      const client = new Client({ connectionString: this.route(serverUrl) });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`pgbouncer not serving on ${this.port}: ${String(error)}\n${this.output()}`, { cause: error });
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** True when Debian's pgbouncer is installed (`.ci/run` installs it). */
export function pgBouncerInstalled(): boolean {
  return existsSync(BINARY) || spawnOk('pgbouncer');
}

function spawnOk(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
