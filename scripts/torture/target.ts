import { startEmbeddedPostgres } from '@app/common';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { freePort, spawnService, SpawnedService } from '../../test/support/spawned-service';
import type { TortureOptions } from './options';

/** The expiry job's period in the services this script starts (the default is 10 s): expiry races the captures and voids. */
export const HOLD_EXPIRY_INTERVAL_MS = 100;

/** What the workload drives and what the audit may read. */
export interface Target {
  readonly urls: readonly string[];
  /** Set when the audit can read the database with SQL. */
  readonly databaseUrl?: string;
  readonly description: string;
  /** How long a hold may stay HELD past its expiry on these services (the contract's 60 s for given ones). */
  readonly expiryWithinMs: number;
  /** Stops whatever this run started. */
  stop(): Promise<void>;
}

/**
 * TORTURE_URL: the given services. Otherwise the compiled service (npm run build), as many
 * processes as asked, on DATABASE_URL or on an embedded PostgreSQL in a temporary folder that is
 * removed afterwards.
 */
export async function provideTarget(options: TortureOptions, log: (message: string) => void): Promise<Target> {
  if (options.urls.length > 0) {
    return {
      urls: options.urls,
      databaseUrl: options.databaseUrl,
      description: `${options.urls.length} given service(s)`,
      expiryWithinMs: 60000,
      stop: async () => undefined,
    };
  }
  let databaseUrl = options.databaseUrl;
  let stopDatabase = async (): Promise<void> => undefined;
  if (!databaseUrl) {
    const parent = await mkdtemp(join(tmpdir(), 'dino-wallet-torture-'));
    await chmod(parent, 0o755); // PostgreSQL runs as the postgres OS user when this runs as root
    const dataDir = join(parent, 'pg');
    const port = await freePort();
    log(`starting an embedded PostgreSQL on port ${port} (data in ${dataDir}, removed afterwards)`);
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port,
      databaseName: 'dino_torture',
      serverFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    });
    databaseUrl = embedded.url;
    stopDatabase = async () => {
      await embedded.stop();
      await rm(dirname(embedded.dataDir), { recursive: true, force: true });
    };
  }
  const url = databaseUrl;
  log(`starting ${options.processes} service process(es) at once (DB_AUTO_SETUP=true)`);
  const ports: number[] = [];
  while (ports.length < options.processes) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const started = await Promise.allSettled(
    ports.map((port) =>
      spawnService(
        {
          DATABASE_URL: url,
          DB_AUTO_SETUP: 'true',
          PORT: String(port),
          LOG_LEVEL: 'warn',
          HOLD_EXPIRY_INTERVAL_MS: String(HOLD_EXPIRY_INTERVAL_MS),
        },
        60000,
      ),
    ),
  );
  const services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stop = async () => {
    await Promise.all(services.map(stopService));
    await stopDatabase();
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    urls: services.map((s) => s.url),
    databaseUrl: url,
    description: `${services.length} service process(es) on ${options.databaseUrl ? 'DATABASE_URL' : 'an embedded PostgreSQL'}`,
    // Many runs of the job: room for a busy machine (the audit stops waiting as soon as no hold is left).
    expiryWithinMs: 10000,
    stop,
  };
}

async function stopService(service: SpawnedService): Promise<void> {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill('SIGTERM');
  const exit = await service.exited;
  if (exit !== 0 && exit !== 'SIGTERM')
    process.stderr.write(`a service process exited with ${exit}:\n${service.output().slice(-2000)}\n`);
}
