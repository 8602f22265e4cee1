import 'reflect-metadata';
import { AppConfig, AppLogger, ConfigurationError, createRootLogger, EmbeddedDatabase, loadAppConfig } from '@app/common';
import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import { createApp } from './create-app';
import { provideDatabase, runAutoSetup } from './database-bootstrap';
import { ShutdownState } from './http/shutdown-state';
import { provideMasterKey } from './master-key';
import { assertPortFree } from './port-check';
import { announceReady } from './startup-banner';
import { ShutdownSignals } from './shutdown-signals';
import { superviseWorkers } from './workers';

const logger = new Logger('Main');

async function bootstrap(): Promise<void> {
  const signals = new ShutdownSignals();
  const initial = readConfig();
  Logger.overrideLogger(new AppLogger(createRootLogger(initial.log.level, 1, initial.log.format)));
  // A worker's primary has already provided and prepared the database (see superviseWorkers).
  if (cluster.isWorker) return serve(initial, signals);
  await assertPortFree(initial.http.host, initial.http.port);
  const provided = await provideDatabase(initial);
  const { embedded } = provided;
  try {
    const config = await provideMasterKey(provided.config, embedded);
    await runAutoSetup(config);
    if (signals.requested) return stopBeforeServing(signals.requested, embedded);
    if (config.http.workers > 1) await superviseWorkers(config, signals, embedded);
    else await serve(config, signals, embedded);
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/** Runs the HTTP application in this process until SIGTERM/SIGINT, then drains and exits. */
async function serve(config: AppConfig, signals: ShutdownSignals, embedded?: EmbeddedDatabase): Promise<void> {
  const app = await createApp(config);
  if (signals.requested) {
    await app.close();
    return stopBeforeServing(signals.requested, embedded);
  }
  await app.listen(config.http.port, config.http.host);
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
    await app.close();
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
