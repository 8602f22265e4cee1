import 'reflect-metadata';
import { ApiKeyResponseDto, ApiKeysService, CreateApiKeyDto, type Credential, SCOPES } from '@app/api-keys';
import {
  AppConfig,
  AppLogger,
  ConfigurationError,
  createRootLogger,
  DomainException,
  flattenValidationErrors,
  loadAppConfig,
  setupDatabase,
  waitForDatabase,
} from '@app/common';
import { LedgerVerifyService } from '@app/ledger';
import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import { provideDatabase } from './database-bootstrap';
import { buildOpenApiDocument } from './openapi';

const USAGE = `usage: cli <command>
  migrate   apply pending migrations (npm run db:migrate)
  seed      insert the seed rows that are missing (npm run db:seed)
  verify    recompute the ledger and report mismatches; exit 2 when any (npm run ledger:verify)
  openapi   write openapi.json from the code, no database needed (npm run openapi)
  keys create --name NAME --scopes a,b [--expires-at ISO-8601] [--rate-limit N]
            make an API key and print it with its secret, shown this once (npm run keys -- create ...)
  keys list                        the API keys that are not revoked
  keys revoke ID                   revoke an API key (every replica refuses it within 5 s)`;

/** Operator commands; with no DATABASE_URL they use the same embedded PostgreSQL as `npm start`. */
async function main(command: string | undefined): Promise<number> {
  // Operator commands serve no history cursors, so the migration Job needs no CURSOR_SECRET.
  const environment = loadAppConfig(process.env, { requireSecrets: false });
  // Logs go to stderr as JSON lines; stdout carries only the command's output (verify's report).
  Logger.overrideLogger(new AppLogger(createRootLogger('info', 2, environment.log.format)));
  const logger = new Logger('cli');
  if (command === 'openapi') return writeOpenApi(process.argv[3] ?? 'openapi.json');
  if (command !== 'migrate' && command !== 'seed' && command !== 'verify' && command !== 'keys') {
    process.stderr.write(`${USAGE}\n`);
    return 64;
  }
  const { config, embedded } = await provideDatabase(environment, logger);
  try {
    if (command === 'keys') return await withApp(config, (app) => manageKeys(app.get(ApiKeysService), process.argv.slice(3)));
    if (command === 'verify') {
      return await withApp(config, async (app) => {
        // Always a full run: the operator's check recomputes everything, whatever the checkpoints say.
        const result = await app.get(LedgerVerifyService).verify({ full: true });
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return result.ok ? 0 : 2;
      });
    }
    // A Job started during a database outage waits for it (DATABASE_STARTUP_TIMEOUT_MS).
    const { appliedMigrations } = await waitForDatabase(
      () =>
        setupDatabase(config.database, { migrate: command === 'migrate', seed: command === 'seed', log: (m) => logger.log(m) }),
      { timeoutMs: config.database.startupTimeoutMs, stopRequested: () => false, log: (m) => logger.warn(m) },
    );
    logger.log(command === 'migrate' ? `${appliedMigrations.length} migration(s) applied` : 'seed applied');
    return 0;
  } finally {
    await embedded?.stop();
  }
}

async function withApp<T>(config: AppConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** The operator's own credential: every scope, recorded as `cli` on the keys it makes. */
const CLI_CREDENTIAL: Credential = { id: 'cli', scopes: new Set(SCOPES), rateLimitPerSecond: null };

async function manageKeys(keys: ApiKeysService, args: string[]): Promise<number> {
  const [action, ...rest] = args;
  const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  if (action === 'list' && rest.length === 0) {
    print({ data: (await keys.list()).map((k) => ApiKeyResponseDto.toResponse(k)) });
    return 0;
  }
  if (action === 'revoke' && rest.length === 1) {
    await keys.revoke(CLI_CREDENTIAL, rest[0]);
    process.stderr.write(`revoked ${rest[0]}\n`);
    return 0;
  }
  if (action === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: {
        name: { type: 'string' },
        scopes: { type: 'string' },
        'expires-at': { type: 'string' },
        'rate-limit': { type: 'string' },
      },
      strict: true,
    });
    const request = plainToInstance(CreateApiKeyDto, {
      name: values.name,
      scopes: values.scopes
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      expiresAt: values['expires-at'],
      rateLimitPerSecond:
        values['rate-limit'] === undefined
          ? undefined
          : /^\d+$/.test(values['rate-limit'])
            ? Number(values['rate-limit'])
            : values['rate-limit'],
    });
    const errors = flattenValidationErrors(await validate(request));
    if (errors.length > 0) {
      process.stderr.write(`${errors.map((e) => `${e.field}: ${e.message}`).join('\n')}\n${USAGE}\n`);
      return 64;
    }
    const { key, secret } = await keys.create(CLI_CREDENTIAL, request);
    print({ ...ApiKeyResponseDto.toResponse(key), secret });
    process.stderr.write('Store the secret now: it is not shown again (the service keeps only a hash).\n');
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 64;
}

async function writeOpenApi(target: string): Promise<number> {
  const config = loadAppConfig({ DATABASE_URL: 'postgres://openapi@localhost/none' }, { requireSecrets: false });
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
    // A refusal the command caused (an unknown key id, say) is a usage error, not a failure.
    process.exit(error instanceof DomainException ? 64 : 1);
  },
);
