import { AppConfig, EmbeddedDatabase } from '@app/common';
import { Logger } from '@nestjs/common';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join, relative, resolve } from 'node:path';

const VALID_KEY = /^[!-~]{32,512}$/;

/**
 * The master key. API_MASTER_KEY when set. Otherwise, on the embedded development database, one
 * kept in the data folder (`.data/master.key`, readable by its owner only): made on the first
 * start, reused afterwards, so `npm start` stays the one command a newcomer needs. On any other
 * database there is no master key: only API keys made with `npm run keys` work, and the log says so.
 */
export async function provideMasterKey(
  config: AppConfig,
  embedded: EmbeddedDatabase | undefined,
  logger = new Logger('Access'),
): Promise<AppConfig> {
  if (config.auth.masterKey !== undefined) return config;
  if (!embedded) {
    logger.warn(
      'API_MASTER_KEY is not set: only API keys are accepted. Make one with `npm run keys -- create --name NAME --scopes a,b`, ' +
        'or set API_MASTER_KEY (32+ characters, e.g. `openssl rand -base64 32`).',
    );
    return config;
  }
  const file = masterKeyFile(config.embedded.dataDir);
  const { key, created } = await readOrCreateKey(file);
  const shown = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
  logger.log(
    `Development master key ${created ? 'created' : 'reused'}: ${shown} (every scope; set API_MASTER_KEY to use your own). ` +
      `Try: curl -H "Authorization: Bearer $(cat ${shown})" http://localhost:${config.http.port}/v1/assets`,
  );
  return { ...config, auth: { ...config.auth, masterKey: key } };
}

/** Beside the embedded PostgreSQL's data folder: `.data/postgres` keeps its key in `.data/master.key`. */
export function masterKeyFile(dataDir: string): string {
  return join(dirname(resolve(dataDir)), 'master.key');
}

async function readOrCreateKey(file: string): Promise<{ key: string; created: boolean }> {
  const key = randomBytes(32).toString('base64url');
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    return { key, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await chmod(file, 0o600);
  const existing = (await readFile(file, 'utf8')).trim();
  if (!VALID_KEY.test(existing)) {
    throw new Error(
      `${file} does not hold a valid master key (32-512 visible ASCII characters): delete it to have a new one made`,
    );
  }
  return { key: existing, created: false };
}
