import { AppConfig, EmbeddedDatabase, pendingMigrations, setupDatabase, startEmbeddedPostgres } from '@app/common';
import { Logger } from '@nestjs/common';

export const EMBEDDED_DATABASE_NAME = 'dino_wallet';

export interface DatabaseBootstrap {
  readonly config: AppConfig;
  /** Set when this process started its own PostgreSQL; stop it last. */
  readonly embedded?: EmbeddedDatabase;
}

/**
 * Points the configuration at a database: DATABASE_URL when set, else an embedded PostgreSQL whose
 * data lives in EMBEDDED_PG_DIR (reused on the next start).
 */
export async function provideDatabase(config: AppConfig, logger = new Logger('Database')): Promise<DatabaseBootstrap> {
  if (config.database.url) return { config };
  const embedded = await startEmbeddedPostgres({
    dataDir: config.embedded.dataDir,
    port: config.embedded.port,
    databaseName: EMBEDDED_DATABASE_NAME,
    readyTimeoutMs: config.embedded.startTimeoutMs,
    log: (message, level) =>
      level === 'warn' ? logger.warn(message) : level === 'info' ? logger.log(message) : logger.debug(message),
  });
  logger.log(
    `DATABASE_URL is not set: ${embedded.role === 'joined' ? 'sharing the' : 'running an'} embedded PostgreSQL on localhost:${embedded.port} with its data in ${embedded.dataDir}. ` +
      'Set DATABASE_URL=postgres://user:password@host:5432/dbname to use another database.',
  );
  return { config: { ...config, database: { ...config.database, url: embedded.url } }, embedded };
}

/** Applies pending migrations and the seed (idempotent; replicas serialise on an advisory lock). */
export async function runAutoSetup(config: AppConfig, logger = new Logger('Database')): Promise<void> {
  if (!config.database.autoSetup) {
    const pending = await pendingMigrations(config.database);
    if (pending.length > 0) {
      throw new Error(
        `DB_AUTO_SETUP=false and the database lacks ${pending.length} migration(s) (${pending.join(', ')}): run npm run db:migrate (or the migration Job) first`,
      );
    }
    logger.log('DB_AUTO_SETUP=false: schema is up to date');
    return;
  }
  const { appliedMigrations } = await setupDatabase(config.database, {
    migrate: true,
    seed: true,
    log: (message) => logger.log(message),
  });
  logger.log(appliedMigrations.length > 0 ? `schema created or upgraded` : 'schema up to date');
}
