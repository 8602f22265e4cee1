import { loadAppConfig, setupDatabase, startEmbeddedPostgres } from '@app/common';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './spawned-service';
import { TEST_ENV, testRun } from './test-run';

/**
 * Starts the run's PostgreSQL and prepares a template database. With DATABASE_URL set, that
 * server is used, and its database name must say it is for tests; without it, a throw-away
 * embedded PostgreSQL (fsync off) is started in a temporary folder on a free port.
 */
export default async function globalSetup(): Promise<void> {
  const given = process.env.DATABASE_URL;
  let adminUrl: string;
  if (given) {
    const name = decodeURIComponent(new URL(given).pathname.slice(1));
    if (!/test/i.test(name)) {
      throw new Error(`Refusing to run tests against database "${name}": its name must contain "test".`);
    }
    adminUrl = given;
  } else {
    const parent = await mkdtemp(join(tmpdir(), 'dino-wallet-test-'));
    await chmod(parent, 0o755); // PostgreSQL runs as the postgres OS user when the tests run as root
    const dataDir = join(parent, 'pg');
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      databaseName: 'dino_test_admin',
      serverFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=400'],
    });
    testRun.embedded = embedded;
    adminUrl = embedded.url;
  }
  const template = `dino_test_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(adminUrl, template);
  const config = loadAppConfig({ DATABASE_URL: templateUrl }, { requireSecrets: false });
  await setupDatabase(config.database, { migrate: true, seed: true });
  testRun.adminUrl = adminUrl;
  testRun.template = template;
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.runId] = String(process.pid);
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
