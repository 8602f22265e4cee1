import { AppConfig, EmbeddedDatabase, isPrettyLogging } from '@app/common';
import { UsersService } from '@app/wallets';
import { INestApplication, Logger } from '@nestjs/common';
import { relative } from 'node:path';
import { masterKeyFile } from './master-key';

/**
 * What a person needs once the service is up: where it is, the docs, the database, the credential,
 * the seeded users. On a terminal, a block of plain lines; otherwise one log line that says the same.
 */
export async function announceReady(
  app: INestApplication,
  config: AppConfig,
  embedded: EmbeddedDatabase | undefined,
): Promise<void> {
  const credential = credentialHint(config, embedded);
  const host = config.http.host === '0.0.0.0' || config.http.host === '::' ? 'localhost' : config.http.host;
  const base = `http://${host}:${config.http.port}`;
  const users = await seededUsers(app);
  const rows: Array<[string, string]> = [
    ['API reference', `${base}/docs  ("Try it out" sends real requests)`],
    ['OpenAPI', `${base}/openapi.json  (import into Postman or Insomnia)`],
    ['Database', embedded ? `embedded PostgreSQL on localhost:${embedded.port}, data in ${embedded.dataDir}` : 'DATABASE_URL'],
  ];
  rows.push(['Credential', credential]);
  if (users.length > 0) rows.push(['Seeded users', users.join(', ')]);
  if (isPrettyLogging(config.log.format)) {
    const width = Math.max(...rows.map(([label]) => label.length));
    const lines = [`Dino Wallet is ready at ${base}`, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)];
    process.stdout.write(`\n${lines.join('\n')}\n\n`);
  } else {
    new Logger('Main').log(`ready at ${base}: ${rows.map(([label, value]) => `${label.toLowerCase()} ${value}`).join('; ')}`);
  }
}

async function seededUsers(app: INestApplication): Promise<string[]> {
  try {
    const users = app.get(UsersService);
    const found = await Promise.all(['alice', 'bob'].map((name) => users.findByUsername(name)));
    return found.filter((u) => u !== null).map((u) => `${u.username} (${u.id})`);
  } catch {
    return []; // the database went away between start-up and now: the banner is not worth failing for
  }
}

/** Where the credential for a first request comes from (never the secret itself). */
function credentialHint(config: AppConfig, embedded: EmbeddedDatabase | undefined): string {
  if (process.env.API_MASTER_KEY) return 'the master key in API_MASTER_KEY: -H "Authorization: Bearer $API_MASTER_KEY"';
  if (config.auth.masterKey !== undefined && embedded) {
    const file = masterKeyFile(config.embedded.dataDir);
    const shown = relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file);
    return `development master key in ${shown}: -H "Authorization: Bearer $(cat ${shown})"`;
  }
  return 'API keys only (no API_MASTER_KEY): npm run keys -- create --name NAME --scopes a,b';
}
