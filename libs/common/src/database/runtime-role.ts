import { RUNTIME_SEQUENCE_GRANTS, RUNTIME_TABLE_GRANTS } from '@app/database';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { onConnection } from './connection-errors';
import { normalizeSslMode } from './data-source-options';

/**
 * The role the service logs in as, asked of the database over DATABASE_URL (the user in a
 * pooler's URL is not always the PostgreSQL role: Supabase's is `role.project`). One plain
 * statement, no startup parameters, so it works through any pooler.
 */
export async function runtimeRoleOf(db: DatabaseConfig): Promise<string> {
  const url = db.url ?? '';
  return onConnection('DATABASE_URL', url, async () => {
    const client = new Client({
      connectionString: normalizeSslMode(url),
      connectionTimeoutMillis: db.connectTimeoutMs,
      application_name: 'dino-wallet-setup',
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
      return rows[0].role;
    } finally {
      await client.end().catch(() => undefined);
    }
  });
}

/**
 * Makes the runtime role's privileges exactly RUNTIME_TABLE_GRANTS (database/runtime-grants.ts):
 * everything on the schema's tables and sequences is revoked, then the listed privileges are
 * granted — table-level SELECT/INSERT/DELETE, column-level UPDATE. Idempotent; run by the tables'
 * owner inside the set-up transaction, so other sessions see the old or the new privileges, never
 * a mix. Reports tables without a decision and tables the runtime role owns (an owner can alter
 * them and disable their triggers whatever it was granted).
 */
export async function applyRuntimeGrants(runner: QueryRunner, role: string, log: (message: string) => void): Promise<void> {
  const grantee = quoteIdentifier(role);
  const [{ schema }] = (await runner.query(`SELECT current_schema() AS schema`)) as Array<{ schema: string }>;
  const inSchema = quoteIdentifier(schema);
  await runner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${inSchema} FROM ${grantee}`);
  await runner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${inSchema} FROM ${grantee}`);
  const [{ usage }] = (await runner.query(`SELECT has_schema_privilege($1, $2, 'USAGE') AS usage`, [role, schema])) as Array<{
    usage: boolean;
  }>;
  if (!usage) await runner.query(`GRANT USAGE ON SCHEMA ${inSchema} TO ${grantee}`);

  const tables = (await runner.query(
    `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`,
    [schema],
  )) as Array<{ name: string; owner: string }>;
  const present = new Set(tables.map((t) => t.name));
  for (const [table, grant] of Object.entries(RUNTIME_TABLE_GRANTS)) {
    if (!present.has(table)) continue;
    const target = `${inSchema}.${quoteIdentifier(table)}`;
    if (grant.privileges.length > 0) await runner.query(`GRANT ${grant.privileges.join(', ')} ON TABLE ${target} TO ${grantee}`);
    if (grant.updateColumns?.length) {
      await runner.query(
        `GRANT UPDATE (${grant.updateColumns.map(quoteIdentifier).join(', ')}) ON TABLE ${target} TO ${grantee}`,
      );
    }
  }
  for (const sequence of RUNTIME_SEQUENCE_GRANTS) {
    await runner.query(`GRANT USAGE ON SEQUENCE ${inSchema}.${quoteIdentifier(sequence)} TO ${grantee}`);
  }

  const undecided = tables.filter((t) => !(t.name in RUNTIME_TABLE_GRANTS)).map((t) => t.name);
  if (undecided.length > 0)
    log(`no runtime privileges decided for ${undecided.join(', ')} (database/runtime-grants.ts): role ${role} cannot use them`);
  const owned = tables.filter((t) => t.owner === role).map((t) => t.name);
  if (owned.length > 0) {
    log(
      `role ${role} owns ${owned.join(', ')}: it can alter them and disable their triggers; make the migration role their owner (REASSIGN OWNED BY ${role} TO <owner>)`,
    );
  }
  log(`runtime role ${role}: privileges set from database/runtime-grants.ts`);
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
