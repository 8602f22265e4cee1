import { inParallel, postJson, seededRandom } from './http-json';
import { freePort, spawnService, SpawnedService } from './spawned-service';
import { ClientLedger, journalsByKey, Operation, operation, randomOperation, submitUntilSettled, Tally } from './wallet-workload';

/** Starts several copies of the compiled service at the same moment, each on a port of its own. */
export async function spawnTogether(
  count: number,
  env: Record<string, string>,
  readyTimeoutMs = 60000,
): Promise<SpawnedService[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const started = await Promise.allSettled(ports.map((port) => spawnService({ ...env, PORT: String(port) }, readyTimeoutMs)));
  const services = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await stopAll(services);
    throw failed.reason;
  }
  return services;
}

/** SIGTERM to every service still running; resolves when all have exited. */
export async function stopAll(services: readonly SpawnedService[]): Promise<void> {
  await Promise.all(
    services.map(async (s) => {
      if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
      await s.exited;
    }),
  );
}

export interface BurstResult {
  readonly ledger: ClientLedger;
  readonly tally: Tally;
  readonly unsettled: string[];
  /** Journals found per key against what the client settled: one line per disagreement. */
  readonly journalProblems: string[];
}

/**
 * A mixed burst of writes over `users` (funded first) spread over `urls`: top-ups, spends,
 * transfers and bonuses, a share of them sent to two services at once with the same key, every
 * 409 and 503 retried. The caller asserts on the result (statuses, balances, journals).
 */
export async function mixedBurst(
  urls: readonly string[],
  users: readonly string[],
  query: (sql: string, params: unknown[]) => Promise<Array<{ user_id: string; idempotency_key: string; id: string }>>,
  options: { seed: number; operations: number; inFlight: number; label: string },
): Promise<BurstResult> {
  const random = seededRandom(options.seed);
  const prefix = `${options.label}-${options.seed}-`;
  const ledger = new ClientLedger();
  const tally = new Tally();
  const plan: Array<{ op: Operation; duplicate: boolean }> = [
    ...users.map((u, i) => ({ op: operation('topup', `${prefix}fund-${i}`, u, 'GOLD', 300n), duplicate: false })),
    ...Array.from({ length: options.operations }, (_, i) => ({
      op: randomOperation(random, users, `${prefix}${i}`),
      duplicate: random() < 0.15,
    })),
  ];
  const unsettled: string[] = [];
  await inParallel(plan, options.inFlight, async ({ op, duplicate }, i) => {
    const first = urls[i % urls.length];
    const targets = duplicate && urls.length > 1 ? urls : [first];
    const settled = await Promise.all(
      targets.map((target, t) =>
        submitUntilSettled(op, ledger, tally, {
          send: (attempt) =>
            postJson(urls[(urls.indexOf(target) + attempt + t) % urls.length], op.path, op.body, { key: op.key }),
        }),
      ),
    );
    if (settled.includes(false)) unsettled.push(op.key);
  });
  const journalProblems = ledger.checkJournals(await journalsByKey(query, prefix));
  return { ledger, tally, unsettled, journalProblems };
}
