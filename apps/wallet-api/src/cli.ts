import 'reflect-metadata';
import { AppLogger, ConfigurationError, createRootLogger, loadAppConfig, setupDatabase, waitForDatabase } from '@app/common';
import { LedgerVerifyService } from '@app/ledger';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { provideDatabase } from './database-bootstrap';
import { buildOpenApiDocument } from './openapi';

const USAGE = `usage: cli <command>
  migrate   apply pending migrations (npm run db:migrate)
  seed      insert the seed rows that are missing (npm run db:seed)
  verify    recompute the ledger and report mismatches; exit 2 when any (npm run ledger:verify)
  openapi   write openapi.json from the code, no database needed (npm run openapi)`;

/** Operator commands; with no DATABASE_URL they use the same embedded PostgreSQL as `npm start`. */
async function main(command: string | undefined): Promise<number> {
  // Logs go to stderr as JSON lines; stdout carries only the command's output (verify's report).
  Logger.overrideLogger(new AppLogger(createRootLogger('info', 2)));
  const logger = new Logger('cli');
  if (command === 'openapi') return writeOpenApi(process.argv[3] ?? 'openapi.json');
  if (command !== 'migrate' && command !== 'seed' && command !== 'verify') {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const { config, embedded } = await provideDatabase(loadAppConfig(process.env), logger);
  try {
    if (command === 'verify') {
      const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
      try {
        const result = await app.get(LedgerVerifyService).verify();
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return result.ok ? 0 : 2;
      } finally {
        await app.close();
      }
    }
    // A Job started during a database outage waits for it (DATABASE_STARTUP_TIMEOUT_MS).
    const { appliedMigrations } = await waitForDatabase(
      () => setupDatabase(config.database, { migrate: command === 'migrate', seed: command === 'seed', log: (m) => logger.log(m) }),
      { timeoutMs: config.database.startupTimeoutMs, stopRequested: () => false, log: (m) => logger.warn(m) },
    );
    logger.log(command === 'migrate' ? `${appliedMigrations.length} migration(s) applied` : 'seed applied');
    return 0;
  } finally {
    await embedded?.stop();
  }
}

async function writeOpenApi(target: string): Promise<number> {
  const config = loadAppConfig({ DATABASE_URL: 'postgres://openapi@localhost/none' });
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false });
  const document = buildOpenApiDocument(app);
  await writeFile(resolve(target), `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`wrote ${target}\n`);
  return 0;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ConfigurationError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message}\n`);
    process.exit(1);
  },
);
