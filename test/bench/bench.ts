/**
 * npm run bench — the seed design's database-only limit (pgbench on ../shared/bench) next to this
 * service over HTTP, measured in one run on one machine, then a ledger verification.
 *
 * Env: DATABASE_URL (a server to use; default: an embedded PostgreSQL in .data/bench-postgres),
 * BENCH_SECONDS (per scenario, default 15), BENCH_WARMUP_SECONDS (load before the first scenario of
 * the service and of the bare reference, default 3), BENCH_CONNECTIONS (64), BENCH_USERS (1000),
 * BENCH_LOG_LEVEL (service log level, default warn), BENCH_PROFILE=1 (CPU profile of the service),
 * BENCH_NODE_FLAGS (more V8/Node flags for the service, e.g. `--trace-gc`; it always gets the
 * production flags of SERVICE_NODE_FLAGS),
 * BENCH_ONLY (run only the scenarios whose name contains it, e.g. `transfers`: for quick A/B runs;
 * ratios and goals need the full run), BENCH_POOLER=pgbouncer (the service reaches PostgreSQL
 * through Debian's PgBouncer in transaction mode, stock settings, with DATABASE_POOLER=transaction;
 * the pgbench baselines stay direct; results go to latest-pgbouncer.json / .svg).
 * The bare NestJS reference (test/bench/bare-nest-app.ts: the same global pipe, body middleware and
 * write DTOs, no database, no auth) runs the top-up and transfer requests too, each right before the
 * service's scenario it is compared with, so the service's throughput and CPU per write are also
 * reported as ratios to the framework's own, from one run.
 * Each HTTP scenario also reports where the CPU went: microseconds per request used by the service
 * process, by PostgreSQL and by the load generator (from /proc), since the three share the cores.
 */
import { startEmbeddedPostgres } from '@app/common';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PgBouncer } from '../support/pgbouncer';
import { freePort, SERVICE_MAIN, SERVICE_NODE_FLAGS, waitUntilReady } from '../support/spawned-service';
import { runHttp, scenarios } from './http-load';
import { measureCpu, measurePgbenchCpu } from './cpu';
import { loadSeedSchema, runPgbench } from './pgbench';
import { formatTable, ScenarioResult, writeChart } from './report';
import { authHeaders, TEST_MASTER_KEY } from '../support/auth';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const USERS = Number(process.env.BENCH_USERS ?? 1000);
const ONLY = process.env.BENCH_ONLY ?? '';
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const selected = (name: string) => name.includes(ONLY);
const POOLER = process.env.BENCH_POOLER ?? '';
if (POOLER !== '' && POOLER !== 'pgbouncer') throw new Error(`BENCH_POOLER must be pgbouncer or unset (got ${POOLER})`);
const RESULT_NAME = POOLER ? `latest-${POOLER}` : 'latest';
const RESULTS = join(__dirname, 'results');
const ROOT = join(__dirname, '..', '..');

const say = (message: string) => process.stdout.write(`${message}\n`);

interface Databases {
  readonly service: string;
  readonly seed: string;
  readonly serverVersion: string;
  stop(): Promise<void>;
}

async function provideDatabases(): Promise<Databases> {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async (): Promise<void> => undefined;
  if (!adminUrl) {
    const dataDir = join(ROOT, '.data', 'bench-postgres');
    rmSync(dataDir, { recursive: true, force: true });
    const port = await freePort();
    say(`▶ starting an embedded PostgreSQL (data in ${dataDir}, port ${port}, default durability settings)`);
    const embedded = await startEmbeddedPostgres({ dataDir, port, databaseName: 'postgres' });
    adminUrl = embedded.url;
    stop = () => embedded.stop();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const names = { service: 'dino_bench_service', seed: 'dino_bench_seed' };
  for (const name of Object.values(names)) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  }
  const serverVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await admin.end();
  const urlFor = (db: string) => Object.assign(new URL(adminUrl), { pathname: `/${db}` }).toString();
  return { service: urlFor(names.service), seed: urlFor(names.seed), serverVersion, stop };
}

async function startService(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const args = [
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS}`] : []),
    ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  ];
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...args, SERVICE_MAIN], {
    env: {
      CURSOR_SECRET: 'bench-cursor-secret-0123456789abcdefghijklmnop',
      ...process.env,
      API_MASTER_KEY: TEST_MASTER_KEY,
      ...benchLimits(),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child);
  const exited = new Promise((r) => child.once('exit', r));
  return { url, child, stop: async () => void (child.kill('SIGTERM'), await exited) };
}

/** The bare NestJS reference app, as its own process (TypeScript compiled once at start by swc). */
async function startBareNest(): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS}`, '--cpu-prof-name=bare.cpuprofile'] : [];
  const child = spawn(
    process.execPath,
    [...profile, '-r', join(ROOT, 'test/support/register-ts.js'), join(__dirname, 'bare-nest-app.ts')],
    {
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const res = await fetch(`${url}/v1/topup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (res.status === 400) break;
    } catch {
      // starting
    }
    if (i > 300 || child.exitCode !== null) throw new Error('the bare NestJS app did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise((r) => child.once('exit', r));
  return { url, child, stop: async () => void (child.kill('SIGTERM'), await exited) };
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function post(url: string, path: string, body: unknown, key?: string): Promise<{ status: number; body: { id?: string } }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(), ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id?: string } };
}

/**
 * Rate limiting stays on during the bench, with a limit that does not bite (BENCH_RATE_LIMIT_PER_SECOND
 * to change it); BENCH_REDIS=1 counts in
 * the local Redis (REDIS_URL, default redis://127.0.0.1:6379) as replicas would share it.
 */
function benchLimits(): Record<string, string> {
  // BENCH_RATE_LIMIT_PER_SECOND=0 turns the limiter off (to measure what it costs).
  const limits: Record<string, string> = { RATE_LIMIT_PER_SECOND: process.env.BENCH_RATE_LIMIT_PER_SECOND ?? '1000000' };
  if (process.env.BENCH_REDIS === '1') {
    limits.REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    limits.RATE_LIMIT_KEY_PREFIX = `dino-bench-${process.pid}`;
  }
  return limits;
}

/** The load runs with an API key, as game servers do (the master key skips the key cache). */
async function createBenchKey(url: string): Promise<string> {
  const res = await post(url, '/v1/api-keys', {
    name: 'bench',
    scopes: ['wallets:read', 'wallets:topup', 'wallets:spend', 'wallets:transfer'],
  });
  const secret = (res.body as { secret?: string }).secret;
  if (res.status !== 201 || !secret) throw new Error(`creating the bench API key failed: ${res.status}`);
  return secret;
}

async function createFundedUsers(url: string): Promise<string[]> {
  const users: string[] = [];
  const tag = Date.now().toString(36);
  await inParallel(
    Array.from({ length: USERS }, (_, i) => i),
    32,
    async (i) => {
      const res = await post(url, '/v1/users', { username: `bench_${tag}_${i}` });
      if (res.status !== 201 || !res.body.id) throw new Error(`creating a bench user failed: ${res.status}`);
      users.push(res.body.id);
    },
  );
  await inParallel(users, 32, async (id) => {
    const res = await post(url, '/v1/topup', { userId: id, assetCode: 'GOLD', amount: 1_000_000_000 }, `fund-${id}`);
    if (res.status !== 201) throw new Error(`funding a bench user failed: ${res.status}`);
  });
  return users;
}

function progress(label: string, seconds: number): (tick: number) => void {
  process.stdout.write(`▶ ${label} (${seconds} s) `);
  return (tick) => {
    if (tick % 1 === 0) process.stdout.write('.');
    if (tick >= seconds) process.stdout.write('\n');
  };
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const started = new Date();
  const db = await provideDatabases();
  const results: ScenarioResult[] = [];
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  let bare: Awaited<ReturnType<typeof startBareNest>> | undefined;
  let bouncer: PgBouncer | undefined;
  try {
    say(`▶ seed design, database only: ../shared/bench/schema.sql, pgbench ${CONNECTIONS} clients`);
    await loadSeedSchema(db.seed);
    for (const [name, script] of [
      ['seed design top-ups (pgbench)', 'naive_topup.sql'],
      ['seed design transfers (pgbench)', 'naive_p2p.sql'],
    ] as const) {
      if (!selected(name)) continue;
      say(`▶ ${name} (${SECONDS} s)`);
      results.push(await measurePgbenchCpu(() => runPgbench(name, script, db.seed, SECONDS, CONNECTIONS)));
    }

    const bareNames: Readonly<Record<string, string>> = {
      'hot top-ups (HTTP)': 'bare NestJS top-up POST',
      'transfers (HTTP)': 'bare NestJS transfer POST',
    };
    // The bare reference runs beside the service, each of its scenarios right before the service's
    // scenario it is compared with: on a shared machine whose speed drifts over minutes, a ratio of
    // two measurements taken a few seconds apart is steadier than one of measurements minutes apart.
    let reference: ReturnType<typeof scenarios> = [];
    if (Object.values(bareNames).some(selected)) {
      say('▶ the HTTP framework alone: bare NestJS, same global pipe and body validation, no database, no auth');
      bare = await startBareNest();
      reference = scenarios(
        Array.from({ length: USERS }, () => randomUUID()),
        'dw_not-checked-by-the-bare-app',
      );
      await runHttp(bare.url, reference[0], WARMUP_SECONDS, CONNECTIONS, progress('warm-up', WARMUP_SECONDS));
    }

    if (POOLER === 'pgbouncer') {
      bouncer = await PgBouncer.start(db.service);
      say(`▶ PgBouncer (transaction pooling, stock settings) on port ${bouncer.port}: the service connects through it`);
      say('▶ starting the service (compiled, as the container runs it) with DATABASE_POOLER=transaction');
      service = await startService(bouncer.route(db.service), { DATABASE_POOLER: 'transaction' });
    } else {
      say('▶ starting the service (compiled, as the container runs it)');
      service = await startService(db.service);
    }
    say(`▶ creating and funding ${USERS} users`);
    const users = await createFundedUsers(service.url);
    const all = scenarios(users, await createBenchKey(service.url));
    await runHttp(service.url, all[0], WARMUP_SECONDS, CONNECTIONS, progress('warm-up', WARMUP_SECONDS));
    for (const scenario of all) {
      const bareName = bareNames[scenario.name];
      const bareScenario = reference.find((x) => x.name === scenario.name);
      if (bare && bareName && bareScenario && selected(bareName)) {
        const { url, child } = bare;
        const measured = await measureCpu(child.pid ?? 0, () =>
          runHttp(url, { ...bareScenario, name: bareName }, SECONDS, CONNECTIONS, progress(bareName, SECONDS)),
        );
        results.push({ ...measured, kind: 'framework-only' });
      }
      if (!selected(scenario.name)) continue;
      const pid = service.child.pid ?? 0;
      results.push(
        await measureCpu(pid, () => runHttp(service!.url, scenario, SECONDS, CONNECTIONS, progress(scenario.name, SECONDS))),
      );
    }

    say('▶ GET /v1/ledger/verify');
    const verify = (await (await fetch(`${service.url}/v1/ledger/verify`, { headers: authHeaders() })).json()) as {
      ok: boolean;
      assets: Array<{ assetCode: string; entries: number; mismatches: unknown[] }>;
    };

    if (ONLY) {
      say('');
      say(formatTable(results));
      say(`ledger verify: ${verify.ok ? 'ok' : 'MISMATCHES'} (partial run for "${ONLY}": no ratios, results not written)`);
      if (!verify.ok) process.exitCode = 1;
      return;
    }
    const seedTopup = results.find((r) => r.name.startsWith('seed design top-ups'))!;
    const seedP2p = results.find((r) => r.name.startsWith('seed design transfers'))!;
    for (const r of results.filter((x) => x.kind === 'http')) {
      const base = r.name.startsWith('transfers') ? seedP2p : seedTopup;
      r.ratio = r.throughput / base.throughput;
      r.baseline = r.name.startsWith('transfers') ? 'seed transfers' : 'seed top-ups';
    }
    const topups = results.find((r) => r.name.startsWith('hot top-ups'))!;
    const transfers = results.find((r) => r.name.startsWith('transfers'))!;
    const bareTopups = results.find((r) => r.name === bareNames['hot top-ups (HTTP)']);
    const bareTransfers = results.find((r) => r.name === bareNames['transfers (HTTP)']);
    for (const [r, bare] of [
      [topups, bareTopups],
      [transfers, bareTransfers],
    ] as const) {
      if (bare?.cpu && r.cpu) r.vsBare = { throughput: r.throughput / bare.throughput, cpu: r.cpu.service / bare.cpu.service };
    }
    const goals = {
      topupsAtLeast5x: (topups.ratio ?? 0) >= 5,
      transfersAtLeast2x: (transfers.ratio ?? 0) >= 2,
      writesAtLeast60PercentOfBareNest: [topups, transfers].every((r) => (r.vsBare?.throughput ?? 0) >= 0.6),
      cpuPerWriteAtMost1_3xBareNest: [topups, transfers].every((r) => (r.vsBare?.cpu ?? Infinity) <= 1.3),
      p99AtMost100ms: results.filter((r) => r.kind === 'http').every((r) => r.p99 <= 100),
      zeroErrors: results.filter((r) => r.kind === 'http').every((r) => r.errors === 0),
      verifyOk: verify.ok,
    };

    say('');
    say(formatTable(results));
    say('');
    for (const r of [topups, transfers]) {
      if (r.vsBare)
        say(
          `${r.name}: ${(r.vsBare.throughput * 100).toFixed(0)} % of bare NestJS throughput, ${r.vsBare.cpu.toFixed(2)}× its CPU per request`,
        );
    }
    say(
      `goals: ${Object.entries(goals)
        .map(([k, v]) => `${k} ${v ? 'yes' : 'NO'}`)
        .join(', ')}`,
    );
    say(
      `ledger verify: ${verify.ok ? 'ok' : 'MISMATCHES'} (${verify.assets.map((a) => `${a.assetCode} ${a.entries} entries`).join(', ')})`,
    );

    const report = {
      startedAt: started.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, postgres: db.serverVersion },
      settings: {
        seconds: SECONDS,
        connections: CONNECTIONS,
        users: USERS,
        serviceLogLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
        database: process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded',
        pooler: POOLER || 'none',
      },
      results,
      goals,
      verify: { ok: verify.ok },
    };
    writeFileSync(join(RESULTS, `${RESULT_NAME}.json`), `${JSON.stringify(report, null, 2)}\n`);
    const through = POOLER ? `, the service through ${POOLER}` : '';
    writeChart(
      join(RESULTS, `${RESULT_NAME}.svg`),
      results,
      `Dino Wallet vs seed design (${cpus().length} cores, ${CONNECTIONS} connections${through}, one run)`,
    );
    say(`results: test/bench/results/${RESULT_NAME}.json, chart: test/bench/results/${RESULT_NAME}.svg`);
    if (!verify.ok) process.exitCode = 1;
  } finally {
    await service?.stop();
    await bare?.stop();
    await bouncer?.stop();
    await db.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
