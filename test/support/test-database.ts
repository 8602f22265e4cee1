import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import { withDatabase } from './global-setup';
import { withClient } from './pg-client';
import { fileDatabasePrefix, TEST_ENV } from './test-run';

/**
 * A database of its own for one test file, cloned from the migrated and seeded template, so files
 * run in parallel and no test depends on another's leftovers.
 */
export class TestDatabase {
  private constructor(
    readonly name: string,
    readonly url: string,
    /** For assertions and for bypassing the service with raw SQL. */
    readonly pool: Pool,
    private readonly adminUrl: string,
  ) {}

  static async create(): Promise<TestDatabase> {
    const adminUrl = requireEnv(TEST_ENV.adminUrl);
    const template = requireEnv(TEST_ENV.template);
    const name = `${fileDatabasePrefix(requireEnv(TEST_ENV.runId))}${randomBytes(5).toString('hex')}`;
    await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
    const url = withDatabase(adminUrl, name);
    return new TestDatabase(name, url, new Pool({ connectionString: url, max: 4 }), adminUrl);
  }

  async query<T extends object = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query<T>(sql, params)).rows;
  }

  async drop(): Promise<void> {
    await this.pool.end();
    await withClient(this.adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`));
  }
}

/** Runs work on a connection to the run's admin database (to create or drop databases). */
export function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return withClient(requireEnv(TEST_ENV.adminUrl), work);
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests through jest (npm test), whose global setup prepares the database`);
  return value;
}
