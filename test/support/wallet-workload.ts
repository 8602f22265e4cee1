import type { JsonResponse } from './http-json';

/**
 * A mixed wallet workload over a few hot users and the system accounts, and the client's own
 * record of what the service accepted: each key settles on one outcome, and the balances the
 * ledger must show follow from the accepted (201) operations alone. Shared by the multi-process
 * and fault tests and by `npm run torture`.
 */
export type OperationKind = 'topup' | 'spend' | 'bonus' | 'transfer';

export interface Operation {
  readonly kind: OperationKind;
  readonly path: string;
  readonly key: string;
  readonly actingUserId: string;
  readonly toUserId?: string;
  readonly assetCode: string;
  readonly amount: bigint;
  readonly body: Record<string, unknown>;
}

const PATHS: Record<OperationKind, string> = { topup: '/v1/topup', spend: '/v1/spend', bonus: '/v1/bonus', transfer: '/v1/transfers' };
const TYPES: Record<OperationKind, string> = { topup: 'TOPUP', spend: 'SPEND', bonus: 'BONUS', transfer: 'TRANSFER' };

export function operation(kind: OperationKind, key: string, userId: string, assetCode: string, amount: bigint, toUserId?: string): Operation {
  const users = kind === 'transfer' ? { fromUserId: userId, toUserId } : { userId };
  // Amounts go out as digit strings half of the time: both forms are the same request.
  const wire = amount % 2n === 0n ? amount.toString() : Number(amount);
  return { kind, path: PATHS[kind], key, actingUserId: userId, toUserId, assetCode, amount, body: { ...users, assetCode, amount: wire } };
}

/**
 * A random operation: top-ups and spends (GOLD mostly, some DIAMOND), transfers between two
 * distinct hot users in either direction, bonuses in POINT and GOLD. Spends and transfers are
 * sized so that a fair share of them meets INSUFFICIENT_FUNDS.
 */
export function randomOperation(random: () => number, users: readonly string[], key: string): Operation {
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

export function classify(res: Pick<JsonResponse, 'status' | 'body'>): Verdict {
  const code = res.body.code;
  if (res.status === 201) return 'accepted';
  if (res.status === 422 && code === 'INSUFFICIENT_FUNDS') return 'rejected';
  if (res.status === 409 && code === 'IDEMPOTENCY_KEY_IN_PROGRESS') return 'retry';
  if (res.status === 503 && code === 'SERVICE_UNAVAILABLE') return 'retry';
  return 'unexpected';
}

interface Settled {
  readonly op: Operation;
  readonly status: number;
  readonly text: string;
  readonly journalId: string | null;
}

export class ClientLedger {
  private readonly settled = new Map<string, Settled>();
  /** Contract violations seen while settling (a key answered two ways, a 201 that is not the request). */
  readonly violations: string[] = [];

  /** Records a final answer (201 or a stored rejection) for the operation's key. */
  settle(op: Operation, res: Pick<JsonResponse, 'status' | 'text' | 'body'>): void {
    const id = scoped(op.actingUserId, op.key);
    const before = this.settled.get(id);
    if (before) {
      if (before.text !== res.text || before.status !== res.status) {
        this.violations.push(`key ${op.key} answered ${before.status} then ${res.status} with another body`);
      }
      return;
    }
    let journalId: string | null = null;
    if (res.status === 201) {
      const b = res.body;
      const expected = { type: TYPES[op.kind], userId: op.actingUserId, assetCode: op.assetCode, amount: op.amount.toString() };
      const got = { type: b.type, userId: b.userId, assetCode: b.assetCode, amount: b.amount };
      if (JSON.stringify(got) !== JSON.stringify(expected) || (op.toUserId !== undefined && b.toUserId !== op.toUserId)) {
        this.violations.push(`key ${op.key}: the 201 describes ${JSON.stringify(got)}, not the request ${JSON.stringify(expected)}`);
      }
      journalId = String(b.id);
    }
    this.settled.set(id, { op, status: res.status, text: res.text, journalId });
  }

  isSettled(op: Operation): boolean {
    return this.settled.has(scoped(op.actingUserId, op.key));
  }

  get accepted(): number {
    return [...this.settled.values()].filter((s) => s.status === 201).length;
  }

  get rejected(): number {
    return [...this.settled.values()].filter((s) => s.status !== 201).length;
  }

  /** user id → asset → the balance the accepted operations imply (users start at zero). */
  expectedBalances(): Map<string, Map<string, bigint>> {
    const balances = new Map<string, Map<string, bigint>>();
    const add = (user: string, asset: string, delta: bigint) => {
      const assets = balances.get(user) ?? new Map<string, bigint>();
      assets.set(asset, (assets.get(asset) ?? 0n) + delta);
      balances.set(user, assets);
    };
    for (const { op, status } of this.settled.values()) {
      if (status !== 201) continue;
      if (op.kind === 'spend' || op.kind === 'transfer') add(op.actingUserId, op.assetCode, -op.amount);
      else add(op.actingUserId, op.assetCode, op.amount);
      if (op.kind === 'transfer' && op.toUserId) add(op.toUserId, op.assetCode, op.amount);
    }
    return balances;
  }

  /**
   * Compares the journals found per (acting user, key) with the settled outcomes: a key that got a
   * 201 has exactly one journal, the one its 201 named; a rejected key has none; no journal carries
   * a key the client never settled. Returns one line per violation.
   */
  checkJournals(found: ReadonlyMap<string, readonly string[]>, unsettledKeys: ReadonlySet<string> = new Set()): string[] {
    const problems: string[] = [];
    for (const [id, s] of this.settled) {
      const journals = found.get(id) ?? [];
      if (s.status === 201 && (journals.length !== 1 || journals[0] !== s.journalId)) {
        problems.push(`key ${s.op.key} (201, journal ${s.journalId}) has journals [${journals.join(', ')}]`);
      }
      if (s.status !== 201 && journals.length > 0) problems.push(`key ${s.op.key} (${s.status}) has journals [${journals.join(', ')}]`);
    }
    for (const [id, journals] of found) {
      if (!this.settled.has(id) && !unsettledKeys.has(id)) problems.push(`journals [${journals.join(', ')}] under a key no request settled: ${id.replace('\u0000', ' ')}`);
      else if (unsettledKeys.has(id) && journals.length > 1) problems.push(`unsettled key ${id.replace('\u0000', ' ')} has ${journals.length} journals`);
    }
    return problems;
  }
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
export async function submitUntilSettled(op: Operation, ledger: ClientLedger, tally: Tally, options: SubmitOptions): Promise<boolean> {
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
      tally.unexpected.push(`${op.path} ${op.key}: no answer (${error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error)})`);
      return false;
    }
    tally.see(res.status);
    const verdict = classify(res);
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
