/**
 * npm run verify:cost — what one GET /v1/ledger/verify costs as the ledger grows: a full run and a
 * routine (incremental) run, at each ledger size. A one-off measurement, not a test.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run verify:cost -- 100000 1000000
 *
 * On the server of DATABASE_URL it creates a scratch database (dropped at the end), starts the
 * compiled service on it, spreads top-ups over 1,000 users (written straight into the tables,
 * with the database's guards on) until the ledger holds each size of entries, then times: a full
 * run; a routine run after 1,000 more writes through the service (five rounds: the median and the
 * range); a routine run with nothing new (five runs). Prints one line per measurement. VERIFY_COST_KEEP=1 keeps the database (and prints its name)
 * for a closer look with EXPLAIN.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { bulkTopups } from '../test/support/bulk-ledger';
import { withClient } from '../test/support/pg-client';
import { getJson, postJson } from '../test/support/http-json';
import { spawnService } from '../test/support/spawned-service';

const USERS = 1000;
const NEW_WRITES = 1000;
const say = (message: string) => process.stdout.write(`verify-cost: ${message}\n`);

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  if (sizes.length === 0) sizes.push(100_000, 1_000_000);
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `hardening_verify_cost_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  const service = await spawnService(
    { DATABASE_URL: url, DB_AUTO_SETUP: 'true', LEDGER_VERIFY_STATEMENT_TIMEOUT_MS: '600000' },
    60_000,
  );
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const users: string[] = [];
    for (let i = 0; i < USERS; i++) {
      const created = await postJson(service.url, '/v1/users', { username: `cost_${i}` });
      users.push(String(created.body.id));
      await postJson(service.url, '/v1/topup', { userId: created.body.id, assetCode: 'GOLD', amount: '1' }, { key: `seed-${i}` });
    }
    for (const size of sizes) {
      const entries = async () =>
        Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM journal_entries')).rows[0].n);
      const missing = Math.max(0, size - (await entries()));
      const started = Date.now();
      const perUser = Math.ceil(missing / 2 / USERS);
      for (const userId of users) if (perUser > 0) await bulkTopups(pool, { userId, assetCode: 'GOLD', journals: perUser });
      await pool.query('VACUUM ANALYZE');
      say(`ledger of ${await entries()} entries (${USERS} users) loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

      const full = await verify(service.url, true);
      say(`${await entries()} entries: full: ${full} ms`);
      const routine: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (let i = 0; i < NEW_WRITES; i++) {
          const res = await postJson(
            service.url,
            '/v1/topup',
            { userId: users[i % USERS], assetCode: 'GOLD', amount: '1' },
            { key: `new-${size}-${round}-${i}` },
          );
          if (res.status !== 201) throw new Error(`write: ${res.status} ${res.text}`);
        }
        routine.push(await verify(service.url, false));
      }
      const idle: number[] = [];
      for (let run = 0; run < 5; run++) idle.push(await verify(service.url, false));
      say(`${await entries()} entries: routine after ${NEW_WRITES} writes: ${summary(routine)}`);
      say(`${await entries()} entries: routine, nothing new: ${summary(idle)}`);
    }
  } finally {
    await pool.end();
    service.child.kill('SIGTERM');
    await service.exited;
    if (process.env.VERIFY_COST_KEEP === '1') say(`kept database ${name}`);
    else await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

/** One verification's wall time in ms; throws unless it is ok and of the expected kind. */
async function verify(url: string, full: boolean): Promise<number> {
  const run = await getJson(url, `/v1/ledger/verify${full ? '?full=true' : ''}`);
  if (run.status !== 200 || run.body.ok !== true || run.body.full !== full) {
    throw new Error(`verify (full=${String(full)}): ${run.status} ${JSON.stringify(run.body).slice(0, 300)}`);
  }
  return Math.round(run.ms);
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)]} ms (${sorted[0]}–${sorted[sorted.length - 1]} ms over ${sorted.length} runs)`;
}

main().catch((error: unknown) => {
  process.stderr.write(`verify-cost: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
