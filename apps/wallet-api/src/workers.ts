import { AppConfig, EmbeddedDatabase } from '@app/common';
import { Logger } from '@nestjs/common';
import cluster, { Worker } from 'node:cluster';
import { ShutdownSignals } from './shutdown-signals';

const RESTARTS_PER_MINUTE = 5;

/**
 * HTTP_WORKERS > 1: this process becomes a supervisor. It has already provided the database (the
 * embedded one included) and migrated it; it forks the workers, which share the listening port
 * (Node's cluster module) and the database — the ledger is built for several processes on one
 * database, serialising on the same row locks and idempotency records. A worker that dies is
 * replaced (at most five a minute). SIGTERM/SIGINT are passed on; the supervisor waits for every
 * worker to drain, stops the embedded PostgreSQL last and exits 0, or 1 if a worker failed.
 */
export async function superviseWorkers(config: AppConfig, signals: ShutdownSignals, embedded?: EmbeddedDatabase): Promise<void> {
  const logger = new Logger('Workers');
  const env = {
    DATABASE_URL: config.database.url ?? '',
    DB_AUTO_SETUP: 'false',
    HTTP_WORKERS: '1',
    // The development master key may come from the data folder rather than the environment.
    ...(config.auth.masterKey === undefined ? {} : { API_MASTER_KEY: config.auth.masterKey }),
  };
  const restarts: number[] = [];
  let stopping = false;
  let failed = false;

  const fork = (): Worker => cluster.fork(env);
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      // A worker still loading its modules has no handler yet and dies by our SIGTERM: it had
      // nothing in flight (handlers are installed before a worker listens), so that is clean too.
      if (code !== 0 && signal !== 'SIGTERM') failed = true;
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length > 0 && now - restarts[0] > 60_000) restarts.shift();
    if (restarts.length > RESTARTS_PER_MINUTE) {
      logger.error(`workers keep dying (last: pid ${worker.process.pid}, ${signal ?? code}); giving up`);
      void stop('worker failures', 1);
      return;
    }
    logger.warn(`worker pid ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });

  const stop = async (reason: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${reason}: draining ${Object.keys(cluster.workers ?? {}).length} worker(s)`);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    await Promise.all(
      alive.map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await embedded?.stop();
    logger.log('all workers stopped');
    process.exit(failed || exitCode !== 0 ? 1 : 0);
  };
  signals.handleWith((signal) => void stop(signal));

  for (let i = 0; i < config.http.workers; i++) fork();
  logger.log(`supervising ${config.http.workers} workers on port ${config.http.port}`);
}
