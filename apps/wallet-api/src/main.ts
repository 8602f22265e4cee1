import 'reflect-metadata';
import type { Server } from 'node:http';
import {
  AppConfig,
  AppLogger,
  ConfigurationError,
  createRootLogger,
  EmbeddedDatabase,
  loadAppConfig,
  StartupAbandonedError,
  waitForDatabase,
} from '@app/common';
import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import { createApp } from './create-app';
import { provideDatabase, runAutoSetup } from './database-bootstrap';
import { ShutdownState } from './http/shutdown-state';
import { provideMasterKey } from './master-key';
import { assertPortFree } from './port-check';
import { announceReady } from './startup-banner';
import { ShutdownSignals } from './shutdown-signals';
import { StartupServer } from './startup-server';
import { superviseWorkers } from './workers';

const logger = new Logger('Main');

async function bootstrap(): Promise<void> {
  const signals = new ShutdownSignals();
  const initial = readConfig();
  Logger.overrideLogger(new AppLogger(createRootLogger(initial.log.level, 1, initial.log.format)));
  // A worker's primary has already provided and prepared the database (see superviseWorkers).
  if (cluster.isWorker) return serve(initial, signals, await listenEarly(initial));
  await assertPortFree(initial.http.host, initial.http.port);
  const startup = await listenEarly(initial);
  const provided = await provideDatabase(initial);
  const { embedded } = provided;
  try {
    const config = await provideMasterKey(provided.config, embedded);
    startup.status = 'waiting for the database';
    await waitForDatabase(() => runAutoSetup(config), {
      timeoutMs: config.database.startupTimeoutMs,
      stopRequested: () => signals.requested !== undefined,
      log: (message) => logger.warn(message),
    }).catch((error: unknown) => {
      if (!(error instanceof StartupAbandonedError)) throw error;
    });
    startup.status = 'starting';
    if (signals.requested) return stopBeforeServing(signals.requested, embedded);
    if (config.http.workers > 1) {
      await startup.close(); // the workers take the port over
      await superviseWorkers(config, signals, embedded);
    } else await serve(config, signals, startup, embedded);
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/** The port answers probes from the start (live 200, ready 503) while the database is prepared. */
async function listenEarly(config: AppConfig): Promise<StartupServer> {
  try {
    return await StartupServer.listen(config.http);
  } catch (error) {
    throw new Error(
      `cannot listen on ${config.http.host}:${config.http.port} (${error instanceof Error ? error.message : String(error)}); set PORT or HOST`,
      {
        cause: error,
      },
    );
  }
}

/** Runs the HTTP application in this process until SIGTERM/SIGINT, then drains and exits. */
async function serve(
  config: AppConfig,
  signals: ShutdownSignals,
  startup: StartupServer,
  embedded?: EmbeddedDatabase,
): Promise<void> {
  const app = await createApp(config, startup.adapter());
  if (signals.requested) {
    await app.close();
    await startup.close();
    return stopBeforeServing(signals.requested, embedded);
  }
  await app.init();
  startup.handOver(app);
  logger.log(`Dino Wallet listening on http://${config.http.host}:${config.http.port} (docs at /docs)`);
  if (cluster.isPrimary) await announceReady(app, config, embedded);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests (grace ${config.http.shutdownGraceMs} ms)`);
    app.get(ShutdownState).draining = true;
    setTimeout(() => {
      logger.error('grace period over with work still in flight; exiting');
      process.exit(1);
    }, config.http.shutdownGraceMs).unref();
    // The server stops accepting and closes idle keep-alive connections, then waits for the others.
    // Once no request is in flight, what is left are connections that never completed a request
    // (a client that gave up half-way through sending one): closed, so they cannot hold the drain.
    const server = app.getHttpServer() as Server;
    const state = app.get(ShutdownState);
    const sweep = setInterval(() => state.inFlight === 0 && server.closeAllConnections(), 50).unref();
    await app.close();
    clearInterval(sweep);
    await embedded?.stop();
    logger.log('stopped cleanly');
    process.exit(0);
  };
  signals.handleWith((signal) => void stop(signal));
}

async function stopBeforeServing(signal: string, embedded?: EmbeddedDatabase): Promise<never> {
  logger.log(`${signal} during start-up: stopping before serving`);
  await embedded?.stop();
  process.exit(0);
}

function readConfig(): AppConfig {
  try {
    // A worker's supervisor has checked the same environment; in embedded mode it hands the
    // workers the embedded database's URL, with which the development defaults still apply.
    return loadAppConfig(process.env, { requireSecrets: !cluster.isWorker });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Dino Wallet failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
