import type { JsonResponse } from './http-json';

/**
 * A mixed wallet workload over a few hot users and the system accounts, and the client's own
 * record of what the service accepted: each key settles on one outcome, and the balances the
 * ledger must show follow from the accepted (201) operations alone. Shared by the multi-process
 * and fault tests and by `npm run torture`.
 */
export type MoveKind = 'topup' | 'spend' | 'bonus' | 'transfer';
export type OperationKind = MoveKind | 'refund' | 'hold' | 'capture' | 'void';

interface OperationBase {
  readonly path: string;
  readonly key: string;
  /** The user whose key scope the write uses: the acting user; a refund's original's, a capture's or void's holder. */
  readonly actingUserId: string;
  readonly assetCode: string;
  readonly body: Record<string, unknown>;
}

export interface MoveOperation extends OperationBase {
  readonly kind: MoveKind;
  readonly toUserId?: string;
  readonly amount: bigint;
}

/** A refund of an accepted move (`originalId`: its journal); `amount` null: all that is left. */
export interface RefundOperation extends OperationBase {
  readonly kind: 'refund';
  readonly original: MoveOperation;
  readonly originalId: string;
  readonly amount: bigint | null;
}

export interface HoldOperation extends OperationBase {
  readonly kind: 'hold';
  readonly amount: bigint;
}

/** A capture (`amount` null: all of the hold; `toUserId` absent: the treasury) or a void of an accepted hold. */
export interface SettleOperation extends OperationBase {
  readonly kind: 'capture' | 'void';
  readonly hold: HoldOperation;
  readonly holdId: string;
  readonly amount: bigint | null;
  readonly toUserId?: string;
}

export type Operation = MoveOperation | RefundOperation | HoldOperation | SettleOperation;

const PATHS: Record<MoveKind, string> = { topup: '/v1/topup', spend: '/v1/spend', bonus: '/v1/bonus', transfer: '/v1/transfers' };
const TYPES: Record<MoveKind, string> = { topup: 'TOPUP', spend: 'SPEND', bonus: 'BONUS', transfer: 'TRANSFER' };

/** Amounts go out as digit strings half of the time: both forms are the same request. */
const wire = (amount: bigint) => (amount % 2n === 0n ? amount.toString() : Number(amount));

export function operation(
  kind: MoveKind,
  key: string,
  userId: string,
  assetCode: string,
  amount: bigint,
  toUserId?: string,
): MoveOperation {
  const users = kind === 'transfer' ? { fromUserId: userId, toUserId } : { userId };
  return {
    kind,
    path: PATHS[kind],
    key,
    actingUserId: userId,
    toUserId,
    assetCode,
    amount,
    body: { ...users, assetCode, amount: wire(amount) },
  };
}

export function refundOperation(
  key: string,
  original: MoveOperation,
  originalId: string,
  amount: bigint | null,
): RefundOperation {
  const body = amount === null ? {} : { amount: wire(amount) };
  return {
    kind: 'refund',
    path: `/v1/transactions/${originalId}/refunds`,
    key,
    actingUserId: original.actingUserId,
    assetCode: original.assetCode,
    original,
    originalId,
    amount,
    body,
  };
}

export function holdOperation(
  key: string,
  userId: string,
  assetCode: string,
  amount: bigint,
  expiresInSeconds: number,
): HoldOperation {
  return {
    kind: 'hold',
    path: '/v1/holds',
    key,
    actingUserId: userId,
    assetCode,
    amount,
    body: { userId, assetCode, amount: wire(amount), expiresInSeconds },
  };
}

export function captureOperation(
  key: string,
  hold: HoldOperation,
  holdId: string,
  amount: bigint | null,
  toUserId?: string,
): SettleOperation {
  const body = { ...(amount === null ? {} : { amount: wire(amount) }), ...(toUserId === undefined ? {} : { toUserId }) };
  return {
    kind: 'capture',
    path: `/v1/holds/${holdId}/capture`,
    key,
    actingUserId: hold.actingUserId,
    assetCode: hold.assetCode,
    hold,
    holdId,
    amount,
    toUserId,
    body,
  };
}

export function voidOperation(key: string, hold: HoldOperation, holdId: string): SettleOperation {
  return {
    kind: 'void',
    path: `/v1/holds/${holdId}/void`,
    key,
    actingUserId: hold.actingUserId,
    assetCode: hold.assetCode,
    hold,
    holdId,
    amount: null,
    body: {},
  };
}

/**
 * A random operation: top-ups and spends (GOLD mostly, some DIAMOND), transfers between two
 * distinct hot users in either direction, bonuses in POINT and GOLD. Spends and transfers are
 * sized so that a fair share of them meets INSUFFICIENT_FUNDS.
 */
export function randomOperation(random: () => number, users: readonly string[], key: string): MoveOperation {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const amount = (max: number) => BigInt(1 + Math.floor(random() * max));
  const user = pick(users);
  const roll = random();
  if (roll < 0.3) return operation('topup', key, user, random() < 0.8 ? 'GOLD' : 'DIAMOND', amount(60));
  if (roll < 0.55) return operation('spend', key, user, random() < 0.8 ? 'GOLD' : 'DIAMOND', amount(90));
  if (roll < 0.9 && users.length > 1) {
    const others = users.filter((u) => u !== user);
    return operation('transfer', key, user, 'GOLD', amount(70), pick(others));
  }
  return operation('bonus', key, user, random() < 0.5 ? 'POINT' : 'GOLD', amount(25));
}

/** How a write's answer is to be treated by a client that follows the contract. */
export type Verdict = 'accepted' | 'rejected' | 'retry' | 'unexpected';

export function classify(res: Pick<JsonResponse, 'status' | 'body'>, op?: Operation): Verdict {
  const code = res.body.code;
  const settles = op?.kind === 'capture' || op?.kind === 'void';
  if (res.status === (settles ? 200 : 201)) return 'accepted';
  if (res.status === 422 && code === 'INSUFFICIENT_FUNDS') return 'rejected';
  // The loser of refunds racing for one original, and of captures and voids racing for one hold (stored outcomes).
  if (op?.kind === 'refund' && res.status === 422 && code === 'REFUND_EXCEEDS_ORIGINAL') return 'rejected';
  if (settles && res.status === 409 && code === 'HOLD_NOT_ACTIVE') return 'rejected';
  if (res.status === 409 && code === 'IDEMPOTENCY_KEY_IN_PROGRESS') return 'retry';
  if (res.status === 503 && code === 'SERVICE_UNAVAILABLE') return 'retry';
  return 'unexpected';
}

/** A key's final answer: accepted (the write was carried out) or a stored rejection. */
export interface SettledOperation {
  readonly op: Operation;
  readonly status: number;
  readonly text: string;
  readonly body: Record<string, unknown>;
  readonly accepted: boolean;
  /** The journals an accepted answer names: a capture's release and capture, a hold's HOLD, a move's or refund's own. */
  readonly journalIds: readonly string[];
}

/** How a hold ended, as read back after the run (for the balances its users must have). */
export interface FinalHold {
  readonly status: 'HELD' | 'CAPTURED' | 'VOIDED' | 'EXPIRED';
  readonly capturedAmount: bigint;
  readonly capturedToUserId: string | null;
}

export class ClientLedger {
  private readonly settled = new Map<string, SettledOperation>();
  /** Contract violations seen while settling (a key answered two ways, a 201 that is not the request). */
  readonly violations: string[] = [];
  /** Captures that never settled: their key may carry two journals (the release and the capture). */
  private readonly unsettledCaptures = new Set<string>();

  /** Records a final answer (201, 200 for a capture or void, or a stored rejection) for the operation's key. */
  settle(op: Operation, res: Pick<JsonResponse, 'status' | 'text' | 'body'>): void {
    const id = scoped(op.actingUserId, op.key);
    const before = this.settled.get(id);
    if (before) {
      if (before.text !== res.text || before.status !== res.status) {
        this.violations.push(`key ${op.key} answered ${before.status} then ${res.status} with another body`);
      }
      return;
    }
    const accepted = classify(res, op) === 'accepted';
    let journalIds: string[] = [];
    if (accepted) {
      const problem = acceptedMismatch(op, res.body);
      if (problem) this.violations.push(`key ${op.key}: the ${res.status} ${problem}`);
      journalIds = journalsNamed(op, res.body);
    }
    this.settled.set(id, { op, status: res.status, text: res.text, body: res.body, accepted, journalIds });
  }

  /** Notes an operation that never settled (what checkJournals then allows under its key). */
  markUnsettled(op: Operation): void {
    if (op.kind === 'capture') this.unsettledCaptures.add(scoped(op.actingUserId, op.key));
  }

  isSettled(op: Operation): boolean {
    return this.settled.has(scoped(op.actingUserId, op.key));
  }

  /** The final answer of the operation's key, if it settled. */
  settledOf(op: Operation): SettledOperation | undefined {
    return this.settled.get(scoped(op.actingUserId, op.key));
  }

  /** Every settled key's answer, in the order they settled. */
  all(): SettledOperation[] {
    return [...this.settled.values()];
  }

  get accepted(): number {
    return this.all().filter((s) => s.accepted).length;
  }

  get rejected(): number {
    return this.all().filter((s) => !s.accepted).length;
  }

  /**
   * user id → asset → the balance the accepted operations imply (users start at zero): moves, refunds
   * (back along the original's path, of the amount the refund took), and holds as they ended
   * (`holds` by hold id: captured → only the captured part left, to its receiver; voided or expired
   * → nothing left; still held or unknown → the amount is held, not spendable).
   */
  expectedBalances(holds: ReadonlyMap<string, FinalHold> = new Map()): Map<string, Map<string, bigint>> {
    const balances = new Map<string, Map<string, bigint>>();
    const add = (user: string, asset: string, delta: bigint) => {
      const assets = balances.get(user) ?? new Map<string, bigint>();
      assets.set(asset, (assets.get(asset) ?? 0n) + delta);
      balances.set(user, assets);
    };
    for (const { op, body, accepted } of this.settled.values()) {
      if (!accepted) continue;
      if (op.kind === 'refund') {
        const [payer, payee] = moved(op.original);
        const amount = BigInt(String(body.amount));
        if (payee) add(payee, op.assetCode, -amount);
        if (payer) add(payer, op.assetCode, amount);
      } else if (op.kind === 'hold') {
        add(op.actingUserId, op.assetCode, -op.amount);
        const end = holds.get(String(body.id));
        if (end?.status === 'VOIDED' || end?.status === 'EXPIRED') add(op.actingUserId, op.assetCode, op.amount);
        if (end?.status === 'CAPTURED') {
          add(op.actingUserId, op.assetCode, op.amount - end.capturedAmount);
          if (end.capturedToUserId) add(end.capturedToUserId, op.assetCode, end.capturedAmount);
        }
      } else if (isMove(op)) {
        const [payer, payee] = moved(op);
        if (payer) add(payer, op.assetCode, -op.amount);
        if (payee) add(payee, op.assetCode, op.amount);
      }
    }
    return balances;
  }

  /**
   * Compares the journals found per (acting user, key) with the settled outcomes: an accepted key has
   * exactly the journals its answer named; a rejected key has none; no journal carries a key the
   * client never settled. Returns one line per violation.
   */
  checkJournals(found: ReadonlyMap<string, readonly string[]>, unsettledKeys: ReadonlySet<string> = new Set()): string[] {
    const problems: string[] = [];
    for (const [id, s] of this.settled) {
      const journals = [...(found.get(id) ?? [])].sort();
      if (s.accepted && JSON.stringify(journals) !== JSON.stringify([...s.journalIds].sort())) {
        problems.push(
          `key ${s.op.key} (${s.status}, journals [${s.journalIds.join(', ')}]) has journals [${journals.join(', ')}]`,
        );
      }
      if (!s.accepted && journals.length > 0)
        problems.push(`key ${s.op.key} (${s.status}) has journals [${journals.join(', ')}]`);
    }
    for (const [id, journals] of found) {
      if (!this.settled.has(id) && !unsettledKeys.has(id))
        problems.push(`journals [${journals.join(', ')}] under a key no request settled: ${id.replace('\u0000', ' ')}`);
      else if (unsettledKeys.has(id) && journals.length > (this.unsettledCaptures.has(id) ? 2 : 1)) {
        problems.push(`unsettled key ${id.replace('\u0000', ' ')} has ${journals.length} journals`);
      }
    }
    return problems;
  }
}

export function isMove(op: Operation): op is MoveOperation {
  return op.kind in PATHS;
}

/** The user a move takes from and the user it gives to (null: a system account). */
function moved(op: MoveOperation): [string | null, string | null] {
  switch (op.kind) {
    case 'spend':
      return [op.actingUserId, null];
    case 'transfer':
      return [op.actingUserId, op.toUserId ?? null];
    default:
      return [null, op.actingUserId];
  }
}

/** Why an accepted answer does not describe its request (undefined when it does). */
function acceptedMismatch(op: Operation, b: Record<string, unknown>): string | undefined {
  const compare = (expected: Record<string, unknown>) => {
    const got = Object.fromEntries(Object.keys(expected).map((k) => [k, b[k]]));
    return JSON.stringify(got) === JSON.stringify(expected)
      ? undefined
      : `describes ${JSON.stringify(got)}, not the request ${JSON.stringify(expected)}`;
  };
  switch (op.kind) {
    case 'refund':
      if (op.amount === null && !/^[1-9]\d*$/.test(String(b.amount))) return `has the amount ${JSON.stringify(b.amount)}`;
      return compare({
        type: 'REFUND',
        refundOf: op.originalId,
        userId: op.actingUserId,
        assetCode: op.assetCode,
        ...(op.amount === null ? {} : { amount: op.amount.toString() }),
      });
    case 'hold':
      return compare({ status: 'HELD', userId: op.actingUserId, assetCode: op.assetCode, amount: op.amount.toString() });
    case 'capture':
      return compare({
        id: op.holdId,
        status: 'CAPTURED',
        capturedAmount: (op.amount ?? op.hold.amount).toString(),
        capturedToUserId: op.toUserId,
      });
    case 'void':
      return compare({ id: op.holdId, status: 'VOIDED', capturedAmount: '0' });
    default:
      return compare({
        type: TYPES[op.kind],
        userId: op.actingUserId,
        assetCode: op.assetCode,
        amount: op.amount.toString(),
        ...(op.toUserId === undefined ? {} : { toUserId: op.toUserId }),
      });
  }
}

function journalsNamed(op: Operation, b: Record<string, unknown>): string[] {
  const transactions = Array.isArray(b.transactions) ? (b.transactions as Array<{ id: unknown }>).map((t) => String(t.id)) : [];
  if (op.kind === 'hold') return transactions.slice(0, 1);
  if (op.kind === 'capture' || op.kind === 'void') return transactions.slice(1);
  return [String(b.id)];
}

export function scoped(userId: string, key: string): string {
  return `${userId}\u0000${key}`;
}

/** Journals per (acting user, key) for keys with the given prefix, read with raw SQL. */
export async function journalsByKey(
  query: (sql: string, params: unknown[]) => Promise<Array<{ user_id: string; idempotency_key: string; id: string }>>,
  keyPrefix: string,
): Promise<Map<string, string[]>> {
  const rows = await query(
    `SELECT user_id::text AS user_id, idempotency_key, id::text AS id FROM journal_transactions WHERE starts_with(idempotency_key, $1) ORDER BY id`,
    [keyPrefix],
  );
  const found = new Map<string, string[]>();
  for (const r of rows) {
    const id = scoped(r.user_id, r.idempotency_key);
    found.set(id, [...(found.get(id) ?? []), r.id]);
  }
  return found;
}

/** What a client saw while driving a workload. */
export class Tally {
  readonly statuses = new Map<number, number>();
  /** Answers outside the contract (a 500, a 400, an unknown code, a dropped connection). */
  readonly unexpected: string[] = [];
  retries = 0;
  timeouts = 0;
  /** Final answers that were not replays, per scoped key: exactly one per settled key. */
  readonly fresh = new Map<string, number>();

  count(status: number): number {
    return this.statuses.get(status) ?? 0;
  }

  see(status: number): void {
    this.statuses.set(status, this.count(status) + 1);
  }
}

export interface SubmitOptions {
  /** Sends attempt `n` (0-based) of the operation; may reject when a client timeout aborts it. */
  readonly send: (attempt: number) => Promise<JsonResponse>;
  readonly isAbort?: (error: unknown) => boolean;
  readonly maxAttempts?: number;
  /** Pause before attempt `n` after a 409, a 503 or a timeout. */
  readonly backoffMs?: (attempt: number) => number;
}

/**
 * Sends an operation, and again with the same key after a 409, a 503 or a client-side timeout,
 * until it settles on a final answer (201 or a stored rejection), which goes into the ledger.
 * @returns false when it did not settle within `maxAttempts`.
 */
export async function submitUntilSettled(
  op: Operation,
  ledger: ClientLedger,
  tally: Tally,
  options: SubmitOptions,
): Promise<boolean> {
  const maxAttempts = options.maxAttempts ?? 40;
  const backoff = options.backoffMs ?? ((n: number) => Math.min(20 * n, 250));
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    if (attempt > 0) {
      tally.retries++;
      await new Promise((r) => setTimeout(r, backoff(attempt)));
    }
    let res: JsonResponse;
    try {
      res = await options.send(attempt);
    } catch (error) {
      if (options.isAbort?.(error)) {
        tally.timeouts++;
        continue;
      }
      tally.unexpected.push(
        `${op.path} ${op.key}: no answer (${error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error)})`,
      );
      return false;
    }
    tally.see(res.status);
    const verdict = classify(res, op);
    if (verdict === 'retry') continue;
    if (verdict === 'unexpected') {
      tally.unexpected.push(`${op.path} ${op.key}: ${res.status} ${res.text.slice(0, 200)}`);
      return false;
    }
    if (!res.replayed) {
      const id = scoped(op.actingUserId, op.key);
      tally.fresh.set(id, (tally.fresh.get(id) ?? 0) + 1);
    }
    ledger.settle(op, res);
    return true;
  }
  return false;
}
