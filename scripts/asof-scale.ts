/**
 * npm run asof:scale — what GET /v1/users/{userId}/balances?asOf= costs as the ledger grows: its
 * latency (median and p95 over many calls, at instants spread over the ledger's whole history) at
 * each ledger size, beside the current-balances read, and the plan PostgreSQL runs for it. A
 * one-off measurement, not a test.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run asof:scale -- 100000 1000000
 *
 * On the server of DATABASE_URL it creates a scratch database (dropped at the end), starts the
 * compiled service on it, and grows the ledger (top-ups written straight into the tables with the
 * database's guards on, test/support/bulk-ledger.ts) to each size: half of the new journals to one
 * "whale" user (one account holding a quarter of all entries), the rest spread over 1,000 users,
 * with a few real writes through the service between the loads so that the history has many
 * distinct timestamps. Then, per size: CALLS asOf reads of the whale and of ordinary users at
 * instants drawn from the journal's own timestamps (exactly a transaction's createdAt, and 1 ms
 * before it), the current balances for comparison, the index build time of the migration's two
 * indexes on this ledger, and EXPLAIN (ANALYZE, BUFFERS) of the statement as the service runs it
 * (a named prepared statement: the generic plan). ASOF_SCALE_KEEP=1 keeps the database.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { BALANCES_AS_OF_SQL } from '../libs/ledger/src/balances-as-of.repository';
import { bulkTopups } from '../test/support/bulk-ledger';
import { withClient } from '../test/support/pg-client';
import { getJson, postJson } from '../test/support/http-json';
import { spawnService } from '../test/support/spawned-service';

const USERS = 1000;
const CALLS = Number(process.env.ASOF_SCALE_CALLS ?? 200);
const say = (message: string) => process.stdout.write(`asof-scale: ${message}\n`);

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  if (sizes.length === 0) sizes.push(100_000, 1_000_000);
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `asof_scale_${randomBytes(4).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString();
  const service = await spawnService({ DATABASE_URL: url, DB_AUTO_SETUP: 'true' }, 60_000);
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const users: string[] = [];
    for (let i = 0; i <= USERS; i++) {
      const created = await postJson(service.url, '/v1/users', { username: `asof_${i}` });
      users.push(String(created.body.id));
      for (const assetCode of ['GOLD', 'POINT']) {
        await write(service.url, '/v1/topup', { userId: created.body.id, assetCode, amount: '1' }, `seed-${assetCode}-${i}`);
      }
    }
    const [whale, ...others] = users;
    const entries = async () =>
      Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM journal_entries')).rows[0].n);
    const summaries: string[] = [];
    for (const size of sizes) {
      const started = Date.now();
      const journals = Math.max(0, Math.ceil((size - (await entries())) / 2));
      // Ten rounds, each followed by real writes: the history gets timestamps all along.
      for (let round = 0; round < 10; round++) {
        await bulkTopups(pool, { userId: whale, assetCode: 'GOLD', journals: Math.ceil(journals / 20) });
        const perUser = Math.ceil(journals / 20 / others.length);
        for (const userId of others)
          await bulkTopups(pool, { userId, assetCode: round % 2 === 0 ? 'GOLD' : 'POINT', journals: perUser });
        for (let i = 0; i < 20; i++) {
          await write(
            service.url,
            '/v1/topup',
            { userId: users[(i * 37) % users.length], assetCode: 'GOLD', amount: '2' },
            `w-${size}-${round}-${i}`,
          );
        }
      }
      await pool.query('VACUUM ANALYZE');
      const total = await entries();
      say(
        `ledger of ${total} entries (whale: ${await accountEntries(pool, whale)} entries on one account) loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );

      const instants = await sampleInstants(pool, CALLS / 2);
      const whaleMs = await time(CALLS, (i) =>
        getJson(service.url, `/v1/users/${whale}/balances?asOf=${instants[i % instants.length]}`),
      );
      const userMs = await time(CALLS, (i) =>
        getJson(service.url, `/v1/users/${others[(i * 13) % others.length]}/balances?asOf=${instants[i % instants.length]}`),
      );
      const nowMs = await time(CALLS, (i) =>
        getJson(service.url, `/v1/users/${i % 2 === 0 ? whale : others[i % others.length]}/balances`),
      );
      const lines = [
        `${total} entries: asOf, whale account: ${summary(whaleMs)}`,
        `${total} entries: asOf, ordinary users: ${summary(userMs)}`,
        `${total} entries: current balances (no asOf): ${summary(nowMs)}`,
      ];
      lines.forEach(say);
      summaries.push(...lines);
      summaries.push(`${total} entries: ${await explain(pool, whale, await midHistory(pool, whale))}`);
      summaries.push(`${total} entries: ${await indexBuild(pool)}`);
      say(summaries[summaries.length - 1]);
    }
    say('summary:');
    summaries.forEach((line) => say(`  ${line}`));
  } finally {
    await pool.end();
    service.child.kill('SIGTERM');
    await service.exited;
    if (process.env.ASOF_SCALE_KEEP === '1') say(`kept database ${name}`);
    else await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

async function write(url: string, path: string, body: object, key: string): Promise<void> {
  const res = await postJson(url, path, body, { key });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
}

async function accountEntries(pool: Pool, userId: string): Promise<string> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM journal_entries e JOIN accounts a ON a.id = e.account_id
      WHERE a.kind = 'USER' AND a.user_id = $1 AND a.asset_code = 'GOLD'`,
    [userId],
  );
  return rows[0].n;
}

/** Instants spread over the whole history: distinct journal timestamps, each exactly and 1 ms before, oldest to newest. */
async function sampleInstants(pool: Pool, count: number): Promise<string[]> {
  const { rows } = await pool.query<{ at: Date }>(
    `SELECT at FROM (SELECT DISTINCT created_at AS at FROM journal_transactions) t ORDER BY random() LIMIT $1`,
    [count],
  );
  return rows.flatMap((r) => [r.at.toISOString(), new Date(r.at.getTime() - 1).toISOString()]);
}

/** Wall times (ms) of `calls` sequential requests; throws unless each is a 200. */
async function time(calls: number, request: (i: number) => ReturnType<typeof getJson>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await request(i); // warm-up: connections, prepared statements
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) {
    const res = await request(i);
    if (res.status !== 200) throw new Error(`balances: ${res.status} ${res.text.slice(0, 300)}`);
    ms.push(res.ms);
  }
  return ms;
}

function summary(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms (${sorted.length} calls)`;
}

/** The createdAt of the middle entry of the user's GOLD account: half its history after it. */
async function midHistory(pool: Pool, userId: string): Promise<string> {
  const { rows } = await pool.query<{ at: Date }>(
    `SELECT j.created_at AS at FROM journal_entries e
       JOIN accounts a ON a.id = e.account_id
       JOIN journal_transactions j ON j.id = e.journal_id
      WHERE a.kind = 'USER' AND a.user_id = $1 AND a.asset_code = 'GOLD'
      ORDER BY e.journal_id
     OFFSET (SELECT count(*) / 2 FROM journal_entries e JOIN accounts a ON a.id = e.account_id
              WHERE a.kind = 'USER' AND a.user_id = $1 AND a.asset_code = 'GOLD')
      LIMIT 1`,
    [userId],
  );
  return rows[0].at.toISOString();
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statement, printed for the generic plan (the service's
 * statements are named prepared statements: after five runs PostgreSQL may settle on it) and
 * summed up for both plans; throws if either scans a ledger table.
 */
async function explain(pool: Pool, userId: string, asOf: string): Promise<string> {
  const client = await pool.connect();
  const costs: string[] = [];
  try {
    await client.query(`PREPARE asof_plan(uuid, timestamptz) AS ${BALANCES_AS_OF_SQL}`);
    for (const mode of ['force_generic_plan', 'force_custom_plan']) {
      await client.query(`SET plan_cache_mode = ${mode}`);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE asof_plan(${client.escapeLiteral(userId)}, ${client.escapeLiteral(asOf)})`,
      );
      const plan = rows.map((r) => r['QUERY PLAN']);
      const seqScans = plan.filter((line) => /Seq Scan on (journal_entries|journal_transactions)/.test(line));
      if (seqScans.length > 0) throw new Error(`the ${mode} plan scans a ledger table: ${seqScans.join('; ')}`);
      const buffers = /Buffers: shared hit=\d+/.exec(plan.join('\n'))?.[0] ?? '?';
      const execution = plan.find((line) => /Execution Time/.test(line))?.trim() ?? '?';
      costs.push(`${mode === 'force_generic_plan' ? 'generic' : 'custom'} plan: ${buffers}, ${execution}`);
      if (mode === 'force_generic_plan') {
        say(`EXPLAIN (ANALYZE, BUFFERS) of the whale's balances at ${asOf} (the middle of its history), generic plan:`);
        plan.forEach((line) => say(`  ${line}`));
      }
    }
    return `whale mid-history, ${costs.join('; ')}; index scans only`;
  } finally {
    await client.query('DEALLOCATE ALL').catch(() => undefined);
    await client.query('RESET plan_cache_mode').catch(() => undefined);
    client.release();
  }
}

/** How long the migration's two indexes take to build on this ledger (dropped and built again). */
async function indexBuild(pool: Pool): Promise<string> {
  const parts: string[] = [];
  for (const [index, definition] of [
    ['journal_transactions_created_at_idx', 'journal_transactions (created_at, id)'],
    ['journal_entries_account_journal_idx', 'journal_entries (account_id, journal_id)'],
  ]) {
    await pool.query(`DROP INDEX ${index}`);
    const started = performance.now();
    await pool.query(`CREATE INDEX ${index} ON ${definition}`);
    const { rows } = await pool.query<{ size: string }>(`SELECT pg_size_pretty(pg_relation_size($1::regclass)) AS size`, [index]);
    parts.push(`${index} ${((performance.now() - started) / 1000).toFixed(2)} s (${rows[0].size})`);
  }
  return `index build (plain CREATE INDEX, writes held off meanwhile): ${parts.join(', ')}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`asof-scale: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
