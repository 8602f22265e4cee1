import { isAbort, JsonResponse, postJson, seededRandom } from '../../test/support/http-json';
import { ClientLedger, Operation, operation, randomOperation, scoped, submitUntilSettled, Tally } from '../../test/support/wallet-workload';
import type { TortureOptions } from './options';

/** A request that gets no answer for this long counts as a hang (a violation), not a timeout. */
export const HANG_MS = 30000;
/** Share of settled operations sent once more later, which must replay the stored answer. */
const LATE_REPLAY = 0.03;
/** Share of settled operations whose key is then used for another amount: 422, and nothing moves. */
const LATE_REUSE = 0.02;

export interface WorkloadResult {
  readonly ledger: ClientLedger;
  readonly tally: Tally;
  readonly operations: number;
  /** Extra submissions of a key: concurrent twins and late replays. */
  readonly duplicates: number;
  /** Settled keys sent again with another amount (each must be refused as IDEMPOTENCY_KEY_REUSED). */
  readonly reuses: number;
  /** Scoped keys that did not settle within the attempts allowed. */
  readonly unsettled: Set<string>;
  readonly durationMs: number;
}

/**
 * `options.clients` clients, each submitting random operations over the hot users until the
 * operation budget or the time is spent. Some operations go twice at once (to two processes when
 * there are), some have their first attempt aborted after 1–40 ms; every one is retried with its key
 * after a timeout, a 409 or a 503 until it settles. Afterwards a few are sent once more (the stored
 * answer must come back) and a few have their key reused for another amount (422, nothing moves).
 */
export async function runWorkload(urls: readonly string[], users: readonly string[], options: TortureOptions, prefix: string): Promise<WorkloadResult> {
  const ledger = new ClientLedger();
  const tally = new Tally();
  const unsettled = new Set<string>();
  const started = performance.now();
  const deadline = Date.now() + options.seconds * 1000;
  let issued = 0;
  let duplicates = 0;
  let reuses = 0;

  const client = async (index: number) => {
    const random = seededRandom(options.seed + index * 7919);
    while (issued < options.operations && Date.now() < deadline) {
      const n = issued++;
      const op = randomOperation(random, users, `${prefix}${n}`);
      const home = urls[n % urls.length];
      const away = urls[(n + 1) % urls.length];
      const submit = (first: string, abortFirst: boolean) =>
        submitUntilSettled(op, ledger, tally, {
          send: (attempt) => send(attempt % 2 ? (first === home ? away : home) : first, op, attempt === 0 && abortFirst ? 1 + Math.floor(random() * 40) : undefined),
          isAbort,
        });
      const abortFirst = random() < options.timeouts;
      const twins = random() < options.duplicates ? [submit(home, abortFirst), submit(away, false)] : [submit(home, abortFirst)];
      duplicates += twins.length - 1;
      const settled = await Promise.all(twins);
      const after = random();
      if (settled.includes(false)) unsettled.add(scoped(op.actingUserId, op.key));
      else if (after < LATE_REPLAY) {
        duplicates++;
        await lateReplay(away, op, ledger, tally);
      } else if (after < LATE_REPLAY + LATE_REUSE) {
        reuses++;
        await reuseKey(away, op, tally);
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return { ledger, tally, operations: issued, duplicates, reuses, unsettled, durationMs: performance.now() - started };
}

/** A short client timeout aborts the request (the caller retries); a long silence is a hang. */
async function send(url: string, op: Operation, abortAfterMs: number | undefined): Promise<JsonResponse> {
  try {
    return await postJson(url, op.path, op.body, { key: op.key, timeoutMs: abortAfterMs ?? HANG_MS });
  } catch (error) {
    if (abortAfterMs === undefined && isAbort(error)) throw new Error(`no answer within ${HANG_MS} ms`, { cause: error });
    throw error;
  }
}

/** A settled key sent again: the stored answer, byte for byte, marked as a replay. */
async function lateReplay(url: string, op: Operation, ledger: ClientLedger, tally: Tally): Promise<void> {
  const res = await send(url, op, undefined).catch((error: unknown) => error as Error);
  if (res instanceof Error) return void tally.unexpected.push(`replay of ${op.key}: ${res.message}`);
  tally.see(res.status);
  if (res.status === 503 || (res.status === 409 && res.body.code === 'IDEMPOTENCY_KEY_IN_PROGRESS')) return;
  if (!res.replayed) tally.unexpected.push(`replay of the settled key ${op.key} was not marked Idempotent-Replayed (${res.status})`);
  ledger.settle(op, res); // compares with the settled answer
}

/** A settled key sent with another amount: IDEMPOTENCY_KEY_REUSED, never the stored answer. */
async function reuseKey(url: string, op: Operation, tally: Tally): Promise<void> {
  const other = operation(op.kind, op.key, op.actingUserId, op.assetCode, op.amount + 1n, op.toUserId);
  const res = await send(url, other, undefined).catch((error: unknown) => error as Error);
  if (res instanceof Error) return void tally.unexpected.push(`reuse of ${op.key}: ${res.message}`);
  tally.see(res.status);
  if (res.status === 503) return;
  if (res.status !== 422 || res.body.code !== 'IDEMPOTENCY_KEY_REUSED') {
    tally.unexpected.push(`the settled key ${op.key} sent with another amount was answered ${res.status} ${res.text.slice(0, 120)}`);
  }
}
