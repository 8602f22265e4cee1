/** Settings of one torture run: flags win over environment variables, which win over defaults. */
export interface TortureOptions {
  /** Distinct idempotency keys (operations) to submit at most. */
  readonly operations: number;
  /** Stop submitting new operations after this many seconds (in-flight ones finish). */
  readonly seconds: number;
  /** Concurrent clients, each with one operation in flight (two while it sends a duplicate). */
  readonly clients: number;
  /** Hot users the load is spread over (plus the treasury and bonus pool every write touches). */
  readonly users: number;
  /** Service processes to start (ignored with TORTURE_URL). */
  readonly processes: number;
  /** Share of operations sent twice at once with the same key (to two processes when there are). */
  readonly duplicates: number;
  /** Share of operations whose first attempt the client aborts after a short random time. */
  readonly timeouts: number;
  /** Share of the clients' turns spent on a refund race (refunds of one accepted move at once). */
  readonly refunds: number;
  /** Share of the clients' turns spent on a hold race (captures and voids of one short hold at once, racing its expiry). */
  readonly holds: number;
  readonly seed: number;
  /** Running services to drive (comma-separated, loopback only); none: start the service. */
  readonly urls: readonly string[];
  /** A PostgreSQL to start the service on and to audit with SQL; none: an embedded one. */
  readonly databaseUrl?: string;
}

const FLAGS: Record<string, { env: string; key: keyof TortureOptions }> = {
  '--operations': { env: 'TORTURE_OPERATIONS', key: 'operations' },
  '--seconds': { env: 'TORTURE_SECONDS', key: 'seconds' },
  '--clients': { env: 'TORTURE_CLIENTS', key: 'clients' },
  '--users': { env: 'TORTURE_USERS', key: 'users' },
  '--processes': { env: 'TORTURE_PROCESSES', key: 'processes' },
  '--duplicates': { env: 'TORTURE_DUPLICATES', key: 'duplicates' },
  '--timeouts': { env: 'TORTURE_TIMEOUTS', key: 'timeouts' },
  '--refunds': { env: 'TORTURE_REFUNDS', key: 'refunds' },
  '--holds': { env: 'TORTURE_HOLDS', key: 'holds' },
  '--seed': { env: 'TORTURE_SEED', key: 'seed' },
};

const DEFAULTS = {
  operations: 20000,
  seconds: 120,
  clients: 48,
  users: 6,
  processes: 2,
  duplicates: 0.1,
  timeouts: 0.1,
  refunds: 0.08,
  holds: 0.08,
};
const LIMITS: Record<string, [number, number]> = {
  operations: [1, 1_000_000],
  seconds: [1, 3600],
  clients: [1, 512],
  users: [2, 1000],
  processes: [1, 8],
  duplicates: [0, 1],
  timeouts: [0, 1],
  refunds: [0, 1],
  holds: [0, 1],
  seed: [0, 2 ** 32 - 1],
};

export const USAGE =
  'usage: npm run torture -- [--operations N] [--seconds N] [--clients N] [--users N] [--processes N] ' +
  '[--duplicates 0..1] [--timeouts 0..1] [--refunds 0..1] [--holds 0..1] [--seed N]   (env: TORTURE_*, TORTURE_URL, DATABASE_URL)';

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): TortureOptions {
  const given: Record<string, string | undefined> = {};
  for (const { env: name, key } of Object.values(FLAGS)) given[key] = env[name];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const target = FLAGS[flag];
    const value = inline ?? argv[++i];
    if (!target || value === undefined) throw new Error(`unknown or incomplete flag ${argv[i - 1] ?? flag}\n${USAGE}`);
    given[target.key] = value;
  }
  const numbers: Record<string, number> = { ...DEFAULTS, seed: Math.floor(Math.random() * 2 ** 31) };
  for (const [key, raw] of Object.entries(given)) {
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const [min, max] = LIMITS[key];
    const integral = !['duplicates', 'timeouts', 'refunds', 'holds'].includes(key);
    if (!Number.isFinite(value) || value < min || value > max || (integral && !Number.isInteger(value))) {
      throw new Error(`${key} must be ${integral ? 'an integer' : 'a number'} from ${min} to ${max} (got ${raw})\n${USAGE}`);
    }
    numbers[key] = value;
  }
  if (numbers.refunds + numbers.holds > 1)
    throw new Error(
      `refunds and holds are shares of one turn: together at most 1 (got ${numbers.refunds} + ${numbers.holds})\n${USAGE}`,
    );
  const urls = (env.TORTURE_URL ?? '')
    .split(',')
    .map((u) => u.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  for (const url of urls) {
    const host = new URL(url).hostname;
    if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host))
      throw new Error(`TORTURE_URL must be a loopback address (got ${url})`);
  }
  return {
    operations: numbers.operations,
    seconds: numbers.seconds,
    clients: numbers.clients,
    users: numbers.users,
    processes: numbers.processes,
    duplicates: numbers.duplicates,
    timeouts: numbers.timeouts,
    refunds: numbers.refunds,
    holds: numbers.holds,
    seed: numbers.seed,
    urls,
    databaseUrl: env.DATABASE_URL || undefined,
  };
}
