import { isAbort, JsonResponse, postJson, seededRandom, sleep } from '../../test/support/http-json';
import {
  captureOperation,
  ClientLedger,
  HoldOperation,
  holdOperation,
  MoveOperation,
  Operation,
  operation,
  randomOperation,
  refundOperation,
  scoped,
  submitUntilSettled,
  Tally,
  voidOperation,
} from '../../test/support/wallet-workload';
import type { TortureOptions } from './options';

/** A request that gets no answer for this long counts as a hang (a violation), not a timeout. */
export const HANG_MS = 30000;
/** Share of settled operations sent once more later, which must replay the stored answer. */
const LATE_REPLAY = 0.03;
/** Share of settled operations whose key is then used for another request: 422, and nothing moves. */
const LATE_REUSE = 0.02;
/** Holds of the race live this long; their captures and voids go out 0–1.4 s after, so expiry often races them. */
export const HOLD_SECONDS = 1;
const SETTLE_DELAY_MS = 1400;

export interface WorkloadResult {
  readonly ledger: ClientLedger;
  readonly tally: Tally;
  readonly operations: number;
  /** Extra submissions of a key: concurrent twins and late replays. */
  readonly duplicates: number;
  /** Settled keys sent again for another request (each must be refused as IDEMPOTENCY_KEY_REUSED). */
  readonly reuses: number;
  /** Refund races (refunds of one original at once) and hold races (captures and voids of one hold at once, near its expiry). */
  readonly refundRaces: number;
  readonly holdRaces: number;
  /** Scoped keys that did not settle within the attempts allowed. */
  readonly unsettled: Set<string>;
  readonly durationMs: number;
}

/**
 * `options.clients` clients, each running scenarios over the hot users until the operation budget
 * or the time is spent: mostly one random move; with the shares `options.refunds` and
 * `options.holds`, a refund race (2–4 refunds of one accepted move at once, to different
 * processes: parts and "all that is left") or a hold race (a hold of HOLD_SECONDS, then after a
 * random delay 2–3 captures and voids of it at once, racing each other and the expiry job). Some
 * operations go twice at once (to two processes when there are), some have their first attempt
 * aborted after 1–40 ms; every one is retried with its key after a timeout, a 409 or a 503 until
 * it settles. Afterwards a few are sent once more (the stored answer must come back) and a few have
 * their key reused for another request (422, nothing moves).
 */
export async function runWorkload(
  urls: readonly string[],
  users: readonly string[],
  options: TortureOptions,
  prefix: string,
): Promise<WorkloadResult> {
  const ledger = new ClientLedger();
  const tally = new Tally();
  const unsettled = new Set<string>();
  const started = performance.now();
  const deadline = Date.now() + options.seconds * 1000;
  const counts = { issued: 0, duplicates: 0, reuses: 0, refundRaces: 0, holdRaces: 0 };
  const more = () => counts.issued < options.operations && Date.now() < deadline;
  /** Accepted moves, for the refund races to pick from. */
  const originals: Array<{ op: MoveOperation; id: string }> = [];

  const client = async (index: number) => {
    const random = seededRandom(options.seed + index * 7919);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    /** Sends one operation (twice at once sometimes) until it settles, then maybe replays or reuses its key. */
    const submit = async (op: Operation, n: number): Promise<boolean> => {
      const home = urls[n % urls.length];
      const away = urls[(n + 1) % urls.length];
      const attempt = (first: string, abortFirst: boolean) =>
        submitUntilSettled(op, ledger, tally, {
          send: (a) =>
            send(
              a % 2 ? (first === home ? away : home) : first,
              op,
              a === 0 && abortFirst ? 1 + Math.floor(random() * 40) : undefined,
            ),
          isAbort,
        });
      const abortFirst = random() < options.timeouts;
      const twins =
        random() < options.duplicates ? [attempt(home, abortFirst), attempt(away, false)] : [attempt(home, abortFirst)];
      counts.duplicates += twins.length - 1;
      const settled = !(await Promise.all(twins)).includes(false);
      const after = random();
      if (!settled) {
        unsettled.add(scoped(op.actingUserId, op.key));
        ledger.markUnsettled(op);
      } else if (after < LATE_REPLAY) {
        counts.duplicates++;
        await lateReplay(away, op, ledger, tally);
      } else if (after < LATE_REPLAY + LATE_REUSE) {
        counts.reuses++;
        await reuseKey(away, op, tally);
      }
      return settled;
    };
    /** Takes `count` keys of the budget at once (a race's keys are taken when it starts, so no race overshoots the budget). */
    const keys = (count: number) =>
      Array.from({ length: Math.max(0, Math.min(count, options.operations - counts.issued)) }, () => {
        const n = counts.issued++;
        return { n, key: `${prefix}${n}` };
      });
    const single = async ({ n, key: k }: { n: number; key: string }) => {
      const op = randomOperation(random, users, k);
      await submit(op, n);
      const settled = ledger.settledOf(op);
      if (settled?.accepted) originals.push({ op, id: String(settled.body.id) });
    };

    const refundRace = async () => {
      counts.refundRaces++;
      const original = pick(originals);
      const refunds = keys(2 + Math.floor(random() * 3)).map(({ n, key: k }) => {
        const amount = random() < 0.35 ? null : 1n + BigInt(Math.floor(random() * Number(original.op.amount)));
        return { n, op: refundOperation(k, original.op, original.id, amount) };
      });
      await Promise.all(refunds.map(({ op, n }) => submit(op, n)));
    };

    const holdRace = async () => {
      counts.holdRaces++;
      const [first, ...rest] = keys(1 + 2 + Math.floor(random() * 2));
      const hold = holdOperation(first.key, pick(users), 'GOLD', 1n + BigInt(Math.floor(random() * 40)), HOLD_SECONDS);
      const created = (await submit(hold, first.n)) ? ledger.settledOf(hold) : undefined;
      if (!created?.accepted) {
        for (const k of rest) await single(k); // the keys taken for the race still count
        return;
      }
      await sleep(Math.floor(random() * SETTLE_DELAY_MS));
      const settlements = rest.map(({ n, key: k }) => ({ n, op: settlement(k, hold, String(created.body.id)) }));
      await Promise.all(settlements.map(({ op, n }) => submit(op, n)));
    };

    const settlement = (k: string, hold: HoldOperation, holdId: string): Operation => {
      if (random() < 0.4) return voidOperation(k, hold, holdId);
      const amount = random() < 0.5 ? null : 1n + BigInt(Math.floor(random() * Number(hold.amount)));
      const others = users.filter((u) => u !== hold.actingUserId);
      return captureOperation(k, hold, holdId, amount, random() < 0.5 && others.length > 0 ? pick(others) : undefined);
    };

    while (more()) {
      const roll = random();
      const left = options.operations - counts.issued;
      if (roll < options.refunds && originals.length > 0 && left >= 2) await refundRace();
      else if (roll >= options.refunds && roll < options.refunds + options.holds && left >= 3) await holdRace();
      else await single(keys(1)[0]);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  const { issued: operations, duplicates, reuses, refundRaces, holdRaces } = counts;
  return {
    ledger,
    tally,
    operations,
    duplicates,
    reuses,
    refundRaces,
    holdRaces,
    unsettled,
    durationMs: performance.now() - started,
  };
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
  if (!res.replayed)
    tally.unexpected.push(`replay of the settled key ${op.key} was not marked Idempotent-Replayed (${res.status})`);
  ledger.settle(op, res); // compares with the settled answer
}

/** The same user and key for another request: another amount, or a void for a capture and back. */
function anotherRequest(op: Operation): Operation {
  switch (op.kind) {
    case 'refund':
      return refundOperation(op.key, op.original, op.originalId, (op.amount ?? 0n) + 1n);
    case 'hold':
      return holdOperation(op.key, op.actingUserId, op.assetCode, op.amount + 1n, HOLD_SECONDS);
    case 'capture':
      return voidOperation(op.key, op.hold, op.holdId);
    case 'void':
      return captureOperation(op.key, op.hold, op.holdId, null);
    default:
      return operation(op.kind, op.key, op.actingUserId, op.assetCode, op.amount + 1n, op.toUserId);
  }
}

/** A settled key sent for another request: IDEMPOTENCY_KEY_REUSED, never the stored answer. */
async function reuseKey(url: string, op: Operation, tally: Tally): Promise<void> {
  const res = await send(url, anotherRequest(op), undefined).catch((error: unknown) => error as Error);
  if (res instanceof Error) return void tally.unexpected.push(`reuse of ${op.key}: ${res.message}`);
  tally.see(res.status);
  if (res.status === 503) return;
  if (res.status !== 422 || res.body.code !== 'IDEMPOTENCY_KEY_REUSED') {
    tally.unexpected.push(
      `the settled key ${op.key} sent for another request was answered ${res.status} ${res.text.slice(0, 120)}`,
    );
  }
}
