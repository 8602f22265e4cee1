import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { percentile, ScenarioResult } from './report';

/** The seed design's scripts, shared by the whole team (read only). */
export const SHARED_BENCH = join(__dirname, '..', '..', '..', 'shared', 'bench');

export function findPgbench(): string {
  const candidates = [process.env.PGBENCH, '/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'];
  try {
    candidates.push(execFileSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).trim());
  } catch {
    // not on PATH
  }
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new Error('pgbench not found: install postgresql-client (Debian) or set PGBENCH');
  return found;
}

/** Loads ../shared/bench/schema.sql into a database of its own. */
export async function loadSeedSchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(readFileSync(join(SHARED_BENCH, 'schema.sql'), 'utf8'));
  } finally {
    await client.end();
  }
}

/**
 * Runs one of the seed design's scripts with pgbench (64 clients, 2 threads) and reads throughput
 * and latency percentiles from pgbench's per-transaction log.
 */
export async function runPgbench(
  name: string,
  script: string,
  url: string,
  seconds: number,
  clients: number,
): Promise<ScenarioResult> {
  const logDir = await mkdtemp(join(tmpdir(), 'dino-pgbench-'));
  const u = new URL(url);
  const args = [
    '-n',
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(seconds),
    '-f',
    join(SHARED_BENCH, script),
    '-l',
    `--log-prefix=${join(logDir, 'tx')}`,
  ];
  args.push(
    '-h',
    u.hostname,
    '-p',
    u.port || '5432',
    '-U',
    decodeURIComponent(u.username || 'postgres'),
    decodeURIComponent(u.pathname.slice(1)),
  );
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(findPgbench(), args, { env: { ...process.env, PGPASSWORD: decodeURIComponent(u.password) } });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench ${script} failed (${code}):\n${text}`))));
  });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? NaN);
  const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
  const latencies: number[] = [];
  for (const file of readdirSync(logDir)) {
    for (const line of readFileSync(join(logDir, file), 'utf8').split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (Number.isFinite(micros)) latencies.push(micros / 1000);
    }
  }
  rmSync(logDir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);
  return {
    name,
    kind: 'database-only',
    throughput: tps,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    errors: failed,
    requests: latencies.length,
  };
}
