/**
 * npm run torture — a bank workload against the real service: many concurrent clients over a few
 * hot users and the treasury (top-ups, spends, transfers both ways, bonuses), refunds racing
 * refunds of one original, captures racing voids of one hold racing its expiry, duplicate
 * submissions of one key (to two processes at once), client-side timeouts followed by retries
 * with the same key. Then it checks conservation, non-negativity, exactly-once per key, refunds
 * capped by their original and one winner per hold, prints a one-line verdict and exits 1 on any
 * violation (2 when the run could not be set up).
 *
 *   npm run torture -- --operations 20000 --seconds 120 --clients 48 --users 6 --processes 2
 *
 * Bounded by --operations and --seconds; loopback only. Env: TORTURE_URL (running services,
 * comma-separated), DATABASE_URL (a PostgreSQL to start the service on and to audit with SQL;
 * default: an embedded one in a temporary folder), TORTURE_API_KEY (the credential for TORTURE_URL:
 * an API key with users:write, wallets:* and ledger:verify, or the master key; the services this
 * script starts itself get the test master key), TORTURE_* for every flag.
 */
import { randomBytes } from 'node:crypto';
import { postJson, useDefaultSecret } from '../test/support/http-json';
import { audit } from './torture/audit';
import type { RaceSummary } from './torture/race-audit';
import { parseOptions, TortureOptions } from './torture/options';
import { provideTarget } from './torture/target';
import { runWorkload, WorkloadResult } from './torture/workload';

const say = (message: string) => process.stderr.write(`torture: ${message}\n`);

async function createHotUsers(url: string, count: number, tag: string): Promise<string[]> {
  const users: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await postJson(url, '/v1/users', { username: `torture_${tag}_${i}` });
    if (res.status !== 201) throw new Error(`creating a hot user failed: ${res.status} ${res.text}`);
    users.push(String(res.body.id));
  }
  return users;
}

function verdict(
  options: TortureOptions,
  run: WorkloadResult,
  races: RaceSummary,
  violations: readonly string[],
  processes: number,
): string {
  const { tally } = run;
  const other = [...tally.statuses].filter(([s]) => ![200, 201, 409, 422, 503].includes(s)).reduce((n, [, c]) => n + c, 0);
  const fields = [
    `operations=${run.operations}`,
    `accepted=${run.ledger.accepted}`,
    `rejected=${run.ledger.rejected}`,
    `duplicates=${run.duplicates}`,
    `reuses=${run.reuses}`,
    `timeouts=${tally.timeouts}`,
    `retries=${tally.retries}`,
    `201=${tally.count(201)}`,
    `422=${tally.count(422)}`,
    `409=${tally.count(409)}`,
    `503=${tally.count(503)}`,
    `200=${tally.count(200)}`,
    `other=${other}`,
    `refund_races=${run.refundRaces}`,
    `refunds=${races.refunds}`,
    `hold_races=${run.holdRaces}`,
    `holds=${races.holds}`,
    `captured=${races.captured}`,
    `voided=${races.voided}`,
    `expired=${races.expired}`,
    `clients=${options.clients}`,
    `users=${options.users}`,
    `processes=${processes}`,
    `seed=${options.seed}`,
    `duration=${(run.durationMs / 1000).toFixed(1)}s`,
    `violations=${violations.length}`,
  ];
  return `torture: ${violations.length === 0 ? 'PASS' : 'FAIL'} ${fields.join(' ')}`;
}

async function main(): Promise<number> {
  let options: TortureOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (options.urls.length > 0) useDefaultSecret(process.env.TORTURE_API_KEY);
  const target = await provideTarget(options, say);
  try {
    const tag = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    const prefix = `torture-${tag}-`;
    say(
      `${target.description}; ${options.clients} clients, ${options.users} hot users, up to ${options.operations} operations or ${options.seconds} s, ` +
        `refund races ${options.refunds}, hold races ${options.holds}, seed ${options.seed}`,
    );
    const users = await createHotUsers(target.urls[0], options.users, tag);
    const run = await runWorkload(target.urls, users, options, prefix);
    const violations = [
      ...run.tally.unexpected.map((u) => `unexpected answer: ${u}`),
      ...[...run.unsettled].map((k) => `never settled: ${k.replace('\u0000', ' ')}`),
      ...run.ledger.violations,
      ...[...run.tally.fresh]
        .filter(([, n]) => n > 1)
        .map(([k, n]) => `${n} non-replayed answers for ${k.replace('\u0000', ' ')}`),
    ];
    const audited = await audit(
      target.urls[0],
      users,
      run.ledger,
      run.unsettled,
      prefix,
      target.databaseUrl,
      target.expiryWithinMs,
    );
    violations.push(...audited.violations);
    for (const v of violations.slice(0, 50)) say(`VIOLATION ${v}`);
    if (violations.length > 50) say(`… and ${violations.length - 50} more`);
    process.stdout.write(`${verdict(options, run, audited.races, violations, target.urls.length)}\n`);
    return violations.length === 0 ? 0 : 1;
  } finally {
    await target.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
