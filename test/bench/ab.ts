/**
 * npm run bench:ab -- <A> <B> — two builds of the service measured side by side, for changes too
 * small for separate bench runs on a shared machine (whose speed drifts by tens of per cent over
 * minutes). Both run at once, each on its own database of one PostgreSQL (their account books
 * would otherwise go stale on each other's writes), and the load alternates between them in short
 * slices (A B, then B A, …), so each pair of slices is measured seconds apart; the report gives, per
 * build, the median service CPU per request and throughput, and the median of the paired ratios B/A.
 *
 * <A>, <B>: compiled service entry points (`…/main.js`) or build directories holding one (`nest build`
 * output, e.g. a copy of `dist` made before the change). Env: DATABASE_URL (a server to use; default:
 * an embedded PostgreSQL in .data/ab-postgres), AB_SCENARIO (default `hot top-ups`), AB_SLICES (pairs
 * of slices, default 8), AB_SLICE_SECONDS (default 4), BENCH_CONNECTIONS (64), BENCH_USERS (1000),
 * AB_NODE_FLAGS_A / AB_NODE_FLAGS_B (more V8/Node flags for one build, e.g. to compare flags on one build:
 * `npm run bench:ab -- dist dist` with AB_NODE_FLAGS_B set), AB_ENV_A / AB_ENV_B (more environment for
 * one build, `NAME=value` pairs separated by spaces, e.g. `AB_ENV_B='LEDGER_BATCH_CONCURRENCY=2'`).
 */
import { startEmbeddedPostgres } from '@app/common';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { authHeaders, TEST_MASTER_KEY } from '../support/auth';
import { freePort, SERVICE_NODE_FLAGS, waitUntilReady } from '../support/spawned-service';
import { measureCpu } from './cpu';
import { runHttp, scenarios } from './http-load';

const SCENARIO = process.env.AB_SCENARIO ?? 'hot top-ups';
const SLICES = Number(process.env.AB_SLICES ?? 8);
const SLICE_SECONDS = Number(process.env.AB_SLICE_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const USERS = Number(process.env.BENCH_USERS ?? 1000);
const ROOT = join(__dirname, '..', '..');
const MAIN = 'apps/wallet-api/apps/wallet-api/src/main.js';

const say = (message: string) => process.stdout.write(`${message}\n`);

function entryPoint(given: string): string {
  const path = resolve(given);
  if (existsSync(path) && statSync(path).isFile()) return path;
  const inside = join(path, MAIN);
  if (existsSync(inside)) return inside;
  throw new Error(`no compiled service at ${given} (expected a main.js or a build directory holding ${MAIN})`);
}

interface Build {
  readonly label: 'A' | 'B';
  readonly url: string;
  readonly child: ChildProcess;
  readonly users: string[];
  readonly secret: string;
}

async function startBuild(label: 'A' | 'B', main: string, databaseUrl: string): Promise<Build> {
  const port = await freePort();
  const flags = (process.env[`AB_NODE_FLAGS_${label}`] ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...flags, main], {
    env: {
      CURSOR_SECRET: 'bench-cursor-secret-0123456789abcdefghijklmnop',
      ...process.env,
      API_MASTER_KEY: TEST_MASTER_KEY,
      RATE_LIMIT_PER_SECOND: '1000000',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(
        (process.env[`AB_ENV_${label}`] ?? '')
          .split(' ')
          .filter(Boolean)
          .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
      ),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(url, child, `build ${label}`);
  const key = await post(url, '/v1/api-keys', {
    name: 'ab',
    scopes: ['wallets:read', 'wallets:topup', 'wallets:spend', 'wallets:transfer'],
  });
  if (key.status !== 201 || typeof key.body.secret !== 'string') throw new Error(`build ${label}: creating the API key failed`);
  const users: string[] = [];
  for (let start = 0; start < USERS; start += 32) {
    await Promise.all(
      Array.from({ length: Math.min(32, USERS - start) }, async (_, k) => {
        const user = await post(url, '/v1/users', { username: `ab_${label}_${start + k}` });
        if (user.status !== 201 || typeof user.body.id !== 'string') throw new Error(`build ${label}: creating a user failed`);
        const funded = await post(
          url,
          '/v1/topup',
          { userId: user.body.id, assetCode: 'GOLD', amount: 1_000_000_000 },
          `fund-${user.body.id}`,
        );
        if (funded.status !== 201) throw new Error(`build ${label}: funding a user failed`);
        users.push(user.body.id);
      }),
    );
  }
  return { label, url, child, users, secret: key.body.secret };
}

async function post(
  url: string,
  path: string,
  body: unknown,
  key?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(), ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

interface Slice {
  readonly rate: number;
  readonly serviceUs: number;
  readonly postgresUs: number;
  readonly errors: number;
}

async function slice(build: Build, seconds: number): Promise<Slice> {
  const scenario = scenarios(build.users, build.secret).find((s) => s.name.includes(SCENARIO));
  if (!scenario) throw new Error(`no scenario named like ${SCENARIO}`);
  const result = await measureCpu(build.child.pid!, () => runHttp(build.url, scenario, seconds, CONNECTIONS));
  return { rate: result.throughput, serviceUs: result.cpu.service, postgresUs: result.cpu.postgres, errors: result.errors };
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const pct = (ratio: number) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)} %`;

async function main(): Promise<void> {
  const [a, b] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: npm run bench:ab -- <build A> <build B>');
  const mains = { A: entryPoint(a), B: entryPoint(b) };
  let adminUrl = process.env.DATABASE_URL;
  let stopDatabase = async (): Promise<void> => undefined;
  if (!adminUrl) {
    const dataDir = join(ROOT, '.data', 'ab-postgres');
    rmSync(dataDir, { recursive: true, force: true });
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), databaseName: 'postgres' });
    adminUrl = embedded.url;
    stopDatabase = () => embedded.stop();
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const urls: Record<'A' | 'B', string> = { A: '', B: '' };
  for (const label of ['A', 'B'] as const) {
    const name = `dino_ab_${label.toLowerCase()}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    urls[label] = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  }
  const builds: Build[] = [];
  try {
    for (const label of ['A', 'B'] as const) {
      say(`▶ build ${label}: ${mains[label]}`);
      builds.push(await startBuild(label, mains[label], urls[label]));
    }
    for (const build of builds) await slice(build, 3); // warm-up
    const slices: Record<'A' | 'B', Slice[]> = { A: [], B: [] };
    say(`▶ ${SLICES} pairs of ${SLICE_SECONDS} s slices of "${SCENARIO}", ${CONNECTIONS} connections`);
    for (let i = 0; i < SLICES; i++) {
      const order = i % 2 === 0 ? builds : [...builds].reverse();
      const line: string[] = [];
      for (const build of order) {
        const measured = await slice(build, SLICE_SECONDS);
        slices[build.label].push(measured);
        line.push(
          `${build.label} ${Math.round(measured.rate)}/s ${measured.serviceUs}/${measured.postgresUs} µs${measured.errors ? ` ${measured.errors} errors` : ''}`,
        );
      }
      say(`  ${i + 1}: ${line.join('  ')}`);
    }
    const summary = (label: 'A' | 'B') => {
      const s = slices[label];
      return `${label}: median ${Math.round(median(s.map((x) => x.rate)))}/s, service ${Math.round(median(s.map((x) => x.serviceUs)))} µs, PostgreSQL ${Math.round(median(s.map((x) => x.postgresUs)))} µs per request`;
    };
    const paired = (pick: (x: Slice) => number) => median(slices.B.map((x, i) => pick(x) / pick(slices.A[i])));
    for (const build of builds) {
      const metrics = await (await fetch(`${build.url}/metrics`, { headers: authHeaders() })).text();
      const batches = metrics
        .split('\n')
        .filter(
          (line) =>
            /^ledger_(batches_total|single_flight_fallbacks_total|batch_size_(sum|count)) /.test(line) ||
            /^ledger_(batches_total|single_flight_fallbacks_total)\{/.test(line),
        );
      say(`${build.label} batches: ${batches.join(', ')}`);
    }
    say(summary('A'));
    say(summary('B'));
    say(
      `B vs A (median of paired ratios): throughput ${pct(paired((x) => x.rate))}, service CPU per request ${pct(paired((x) => x.serviceUs))}, PostgreSQL CPU per request ${pct(paired((x) => x.postgresUs))}`,
    );
  } finally {
    for (const build of builds) {
      const exited = new Promise((r) => build.child.once('exit', r));
      build.child.kill('SIGTERM');
      await exited;
    }
    await admin.end();
    await stopDatabase();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
