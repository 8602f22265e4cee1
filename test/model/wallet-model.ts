/**
 * A small in-memory model of the wallet service, written from API.md: what every write should
 * answer and how it moves balances, held funds, refunds and holds. The model-based test runs the
 * same commands against the service and this model and compares every answer. Hold expiry is
 * time-based and left out: holds here live for an hour or more (the torture run races expiry).
 */
import {
  AccountRef,
  accountKey,
  CaptureRequest,
  DEFAULT_HOLD_SECONDS,
  fingerprint,
  HoldRequest,
  HoldStatus,
  isMove,
  legs,
  MoveRequest,
  namedUsers,
  REFUNDABLE,
  RefundRequest,
  scope,
  SystemName,
  TransactionType,
  VoidRequest,
  WriteRequest,
} from './wallet-requests';

export * from './wallet-requests';

/** The largest and smallest balance PostgreSQL's bigint can store. */
export const MAX_BALANCE = 2n ** 63n - 1n;
export const MIN_BALANCE = -(2n ** 63n);
/** The most one request may move (a larger amount is a 400). */
export const MAX_AMOUNT = 10n ** 15n;

export interface ExpectedEntry {
  readonly account: AccountRef;
  readonly amount: bigint;
  readonly balanceAfter: bigint;
}

/** A journal transaction the model expects a write to post (its id comes with the answer). */
export interface ExpectedJournal {
  readonly type: TransactionType;
  readonly assetCode: string;
  readonly amount: bigint;
  /** The acting user. */
  readonly userId: string;
  readonly toUserId: string | null;
  readonly refundOf: string | null;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
  /** Debit, then credit. */
  readonly entries: readonly [ExpectedEntry, ExpectedEntry];
}

/** A posted transaction as the model knows it. */
export interface ModelTransaction extends ExpectedJournal {
  readonly id: string;
  /** The body its write answered (moves and refunds); a hold's movements have none of their own. */
  readonly text: string | null;
  readonly refunded: bigint;
  readonly refunds: readonly string[];
}

/** What a hold is after a write, apart from what only the service can know (ids, clock). */
export interface HoldState {
  readonly status: HoldStatus;
  readonly userId: string;
  readonly assetCode: string;
  readonly amount: bigint;
  readonly capturedAmount: bigint;
  readonly capturedToUserId: string | null;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  /** The key of the request that created it. */
  readonly idempotencyKey: string;
  readonly expiresInSeconds: number;
}

export interface ModelHold extends HoldState {
  readonly id: string;
  /** Its journals in order: the HOLD, then the HOLD_RELEASE and the HOLD_CAPTURE. */
  readonly transactions: ReadonlyArray<{ readonly id: string; readonly type: TransactionType; readonly amount: bigint }>;
  /** The body the service last answered with it (creation or settlement): GET /v1/holds/{id} answers it too. */
  readonly text: string;
}

/** What the contract says the service must answer to a write, given everything before it. */
export type Expected =
  | { readonly outcome: 'POSTED'; readonly journal: ExpectedJournal }
  | {
      readonly outcome: 'HOLD';
      readonly status: 200 | 201;
      readonly hold: HoldState;
      /** The hold before a capture or void (null: the write creates it). */
      readonly previous: ModelHold | null;
      readonly journals: readonly ExpectedJournal[];
    }
  | { readonly outcome: 'INSUFFICIENT_FUNDS'; readonly assetCode: string; readonly balance: bigint; readonly required: bigint }
  | { readonly outcome: 'REFUND_EXCEEDS_ORIGINAL'; readonly refundable: bigint }
  | { readonly outcome: 'HOLD_NOT_ACTIVE'; readonly holdStatus: HoldStatus }
  | {
      readonly outcome:
        | 'SAME_ACCOUNT_TRANSFER'
        | 'LIMIT_EXCEEDED'
        | 'NOT_REFUNDABLE'
        | 'IDEMPOTENCY_KEY_REUSED'
        | 'USER_NOT_FOUND'
        | 'VALIDATION_FAILED';
    }
  | { readonly outcome: 'REPLAY'; readonly status: number; readonly body: string };

/** Business rejections: stored under the key and replayed like a success. */
const STORED_REJECTIONS: ReadonlySet<Expected['outcome']> = new Set([
  'INSUFFICIENT_FUNDS',
  'SAME_ACCOUNT_TRANSFER',
  'LIMIT_EXCEEDED',
  'REFUND_EXCEEDS_ORIGINAL',
  'NOT_REFUNDABLE',
  'HOLD_NOT_ACTIVE',
]);

/** One line of a user's history in one asset, as GET /v1/users/{id}/transactions shows it. */
export interface HistoryLine {
  readonly id: string;
  readonly type: TransactionType;
  readonly amount: bigint;
  readonly direction: 'CREDIT' | 'DEBIT';
  readonly balanceAfter: bigint;
  readonly counterparty: AccountRef;
  readonly idempotencyKey: string;
}

interface StoredOutcome {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: string;
}

type Leg = { readonly entries: readonly [ExpectedEntry, ExpectedEntry] } | { readonly rejected: Expected };

const TREASURY: AccountRef = { kind: 'SYSTEM', name: 'TREASURY' };

export class WalletModel {
  /** Users known to exist, in creation order (commands pick them by index). */
  readonly users: string[] = [];
  /** Journals posted and idempotency records stored since the model started. */
  postings = 0;
  storedKeys = 0;
  private readonly balances = new Map<string, bigint>();
  private readonly outcomes = new Map<string, StoredOutcome>();
  private readonly histories = new Map<string, HistoryLine[]>();
  /** Every transaction posted, by id, in posting order (records are replaced, never changed). */
  readonly transactions = new Map<string, ModelTransaction>();
  /** Every hold created, by id, in creation order (records are replaced, never changed). */
  readonly holds = new Map<string, ModelHold>();

  /** System accounts start where the database has them (they are shared by every run). */
  constructor(systemBalances: ReadonlyArray<{ name: SystemName; assetCode: string; balance: bigint }> = []) {
    for (const s of systemBalances) this.balances.set(accountKey({ kind: 'SYSTEM', name: s.name }, s.assetCode), s.balance);
  }

  clone(): WalletModel {
    const copy = new WalletModel();
    copy.users.push(...this.users);
    copy.postings = this.postings;
    copy.storedKeys = this.storedKeys;
    for (const [k, v] of this.balances) copy.balances.set(k, v);
    for (const [k, v] of this.outcomes) copy.outcomes.set(k, v);
    for (const [k, v] of this.histories) copy.histories.set(k, [...v]);
    for (const [k, v] of this.transactions) copy.transactions.set(k, v);
    for (const [k, v] of this.holds) copy.holds.set(k, v);
    return copy;
  }

  balance(account: AccountRef, assetCode: string): bigint {
    return this.balances.get(accountKey(account, assetCode)) ?? 0n;
  }

  /** The user's history in one asset, oldest first. */
  history(userId: string, assetCode: string): readonly HistoryLine[] {
    return this.histories.get(`${userId}|${assetCode}`) ?? [];
  }

  /** GET /v1/transactions/{id} of a write's own transaction: its body, with what was refunded of it since. */
  transactionBody(id: string): string | null {
    const tx = this.transactions.get(id);
    if (!tx?.text) return null;
    if (!REFUNDABLE.has(tx.type)) return tx.text;
    const body = JSON.parse(tx.text) as Record<string, unknown>;
    body.refundedAmount = tx.refunded.toString();
    body.refunds = [...tx.refunds];
    return JSON.stringify(body);
  }

  /**
   * What the service must answer. Order of the rules, the service's where the contract is silent:
   * validation (an amount over 10^15, a capture larger than its hold: 400, never stored); an
   * unknown user (404, never stored — but a used key answers 422 first: a request naming an unknown
   * user can never be the one stored under it); a stored key (replay, or REUSED for a different
   * request); then the business rules behind the locks.
   */
  decide(req: WriteRequest): Expected {
    if ('amount' in req && req.amount !== null && req.amount > MAX_AMOUNT) return { outcome: 'VALIDATION_FAILED' };
    if (req.kind === 'CAPTURE' && req.amount !== null && req.amount > this.hold(req.holdId).amount)
      return { outcome: 'VALIDATION_FAILED' };
    const stored = this.outcomes.get(scope(req));
    if (namedUsers(req).some((id) => !this.users.includes(id)))
      return { outcome: stored ? 'IDEMPOTENCY_KEY_REUSED' : 'USER_NOT_FOUND' };
    if (stored) {
      return stored.fingerprint === fingerprint(req)
        ? { outcome: 'REPLAY', status: stored.status, body: stored.body }
        : { outcome: 'IDEMPOTENCY_KEY_REUSED' };
    }
    if (isMove(req)) return this.decideMove(req);
    switch (req.kind) {
      case 'REFUND':
        return this.decideRefund(req);
      case 'HOLD':
        return this.decideHold(req);
      default:
        return this.decideSettlement(req);
    }
  }

  /** Applies what `decide` said, once the service's answer matched it (its body is what replays). */
  commit(req: WriteRequest, expected: Expected, answer: { status: number; text: string }): void {
    if (expected.outcome === 'POSTED') {
      const id = String((JSON.parse(answer.text) as { id: unknown }).id);
      this.post(expected.journal, id, answer.text);
      if (req.kind === 'REFUND') {
        const original = this.transaction(req.transactionId);
        this.transactions.set(original.id, {
          ...original,
          refunded: original.refunded + expected.journal.amount,
          refunds: [...original.refunds, id],
        });
      }
    } else if (expected.outcome === 'HOLD') {
      const body = JSON.parse(answer.text) as {
        id: string;
        transactions: Array<{ id: string; type: TransactionType; amount: string }>;
      };
      const ids = body.transactions.map((t) => t.id).slice(expected.previous ? 1 : 0);
      expected.journals.forEach((journal, i) => this.post(journal, ids[i], null));
      const transactions = body.transactions.map((t) => ({ id: t.id, type: t.type, amount: BigInt(t.amount) }));
      this.holds.set(body.id, { ...expected.hold, id: body.id, transactions, text: answer.text });
    } else if (!STORED_REJECTIONS.has(expected.outcome)) {
      return; // replays, reused keys, 400s and 404s change nothing
    }
    this.outcomes.set(scope(req), { fingerprint: fingerprint(req), status: answer.status, body: answer.text });
    this.storedKeys++;
  }

  transaction(id: string): ModelTransaction {
    const tx = this.transactions.get(id);
    if (!tx) throw new Error(`the model has no transaction ${id}`);
    return tx;
  }

  hold(id: string): ModelHold {
    const hold = this.holds.get(id);
    if (!hold) throw new Error(`the model has no hold ${id}`);
    return hold;
  }

  private decideMove(req: MoveRequest): Expected {
    if (req.kind === 'TRANSFER' && req.userId === req.toUserId) return { outcome: 'SAME_ACCOUNT_TRANSFER' };
    const [from, to] = legs(req);
    const leg = this.leg(new Map(), req.assetCode, req.amount, from, to);
    if ('rejected' in leg) return leg.rejected;
    const { kind: type, assetCode, amount, userId, description, metadata, key: idempotencyKey } = req;
    const toUserId = req.kind === 'TRANSFER' ? (req.toUserId ?? null) : null;
    return {
      outcome: 'POSTED',
      journal: {
        type,
        assetCode,
        amount,
        userId,
        toUserId,
        refundOf: null,
        description,
        metadata,
        idempotencyKey,
        entries: leg.entries,
      },
    };
  }

  /** Back along the original's path: from the account it credited to the one it debited. */
  private decideRefund(req: RefundRequest): Expected {
    const original = this.transaction(req.transactionId);
    if (!REFUNDABLE.has(original.type)) return { outcome: 'NOT_REFUNDABLE' };
    const refundable = original.amount - original.refunded;
    const amount = req.amount ?? refundable;
    if (amount <= 0n || amount > refundable) return { outcome: 'REFUND_EXCEEDS_ORIGINAL', refundable };
    const [debit, credit] = original.entries;
    const leg = this.leg(new Map(), original.assetCode, amount, credit.account, debit.account);
    if ('rejected' in leg) return leg.rejected;
    const payer = credit.account;
    return {
      outcome: 'POSTED',
      journal: {
        type: 'REFUND',
        assetCode: original.assetCode,
        amount,
        userId: original.userId,
        toUserId: payer.kind === 'USER' && payer.userId !== original.userId ? payer.userId : null,
        refundOf: original.id,
        description: req.reason,
        metadata: req.metadata,
        idempotencyKey: req.key,
        entries: leg.entries,
      },
    };
  }

  private decideHold(req: HoldRequest): Expected {
    const leg = this.leg(
      new Map(),
      req.assetCode,
      req.amount,
      { kind: 'USER', userId: req.userId },
      { kind: 'HELD', userId: req.userId },
    );
    if ('rejected' in leg) return leg.rejected;
    const { userId, assetCode, amount, description, metadata, key: idempotencyKey } = req;
    return {
      outcome: 'HOLD',
      status: 201,
      previous: null,
      hold: {
        status: 'HELD',
        userId,
        assetCode,
        amount,
        capturedAmount: 0n,
        capturedToUserId: null,
        description,
        metadata,
        idempotencyKey,
        expiresInSeconds: req.expiresInSeconds ?? DEFAULT_HOLD_SECONDS,
      },
      journals: [
        {
          type: 'HOLD',
          assetCode,
          amount,
          userId,
          toUserId: null,
          refundOf: null,
          description,
          metadata,
          idempotencyKey,
          entries: leg.entries,
        },
      ],
    };
  }

  /** A capture or void: the whole hold returns to the wallet (HOLD_RELEASE), then a capture pays from it (HOLD_CAPTURE). */
  private decideSettlement(req: CaptureRequest | VoidRequest): Expected {
    const hold = this.hold(req.holdId);
    if (hold.status !== 'HELD') return { outcome: 'HOLD_NOT_ACTIVE', holdStatus: hold.status };
    if (req.kind === 'CAPTURE' && req.toUserId === hold.userId) return { outcome: 'SAME_ACCOUNT_TRANSFER' };
    const user: AccountRef = { kind: 'USER', userId: hold.userId };
    const scratch = new Map<string, bigint>();
    const released = this.leg(scratch, hold.assetCode, hold.amount, { kind: 'HELD', userId: hold.userId }, user);
    if ('rejected' in released) return released.rejected;
    const journal = (
      type: TransactionType,
      amount: bigint,
      toUserId: string | null,
      entries: ExpectedJournal['entries'],
    ): ExpectedJournal => ({
      type,
      assetCode: hold.assetCode,
      amount,
      userId: hold.userId,
      toUserId,
      refundOf: null,
      description: hold.description,
      metadata: hold.metadata,
      idempotencyKey: req.key,
      entries,
    });
    const release = journal('HOLD_RELEASE', hold.amount, null, released.entries);
    if (req.kind === 'VOID')
      return { outcome: 'HOLD', status: 200, previous: hold, hold: { ...hold, status: 'VOIDED' }, journals: [release] };
    const captured = req.amount ?? hold.amount;
    const to: AccountRef = req.toUserId === null ? TREASURY : { kind: 'USER', userId: req.toUserId };
    const paid = this.leg(scratch, hold.assetCode, captured, user, to);
    if ('rejected' in paid) return paid.rejected;
    return {
      outcome: 'HOLD',
      status: 200,
      previous: hold,
      hold: { ...hold, status: 'CAPTURED', capturedAmount: captured, capturedToUserId: req.toUserId },
      journals: [release, journal('HOLD_CAPTURE', captured, req.toUserId, paid.entries)],
    };
  }

  /**
   * One journal's two entries, on the balances as `scratch` (this write's earlier journals) leaves
   * them: a user's wallet and held funds never go below zero, no balance leaves PostgreSQL's bigint.
   */
  private leg(scratch: Map<string, bigint>, assetCode: string, amount: bigint, from: AccountRef, to: AccountRef): Leg {
    const [fromKey, toKey] = [accountKey(from, assetCode), accountKey(to, assetCode)];
    const fromBalance = scratch.get(fromKey) ?? this.balance(from, assetCode);
    if (from.kind !== 'SYSTEM' && fromBalance < amount) {
      return { rejected: { outcome: 'INSUFFICIENT_FUNDS', assetCode, balance: fromBalance, required: amount } };
    }
    const fromAfter = fromBalance - amount;
    const toAfter = (scratch.get(toKey) ?? this.balance(to, assetCode)) + amount;
    if (fromAfter < MIN_BALANCE || toAfter > MAX_BALANCE) return { rejected: { outcome: 'LIMIT_EXCEEDED' } };
    scratch.set(fromKey, fromAfter);
    scratch.set(toKey, toAfter);
    return {
      entries: [
        { account: from, amount: -amount, balanceAfter: fromAfter },
        { account: to, amount, balanceAfter: toAfter },
      ],
    };
  }

  private post(journal: ExpectedJournal, id: string, text: string | null): void {
    for (const e of journal.entries) this.balances.set(accountKey(e.account, journal.assetCode), e.balanceAfter);
    const [debit, credit] = journal.entries;
    this.record(journal, id, debit, 'DEBIT', credit.account);
    this.record(journal, id, credit, 'CREDIT', debit.account);
    this.transactions.set(id, { ...journal, id, text, refunded: 0n, refunds: [] });
    this.postings++;
  }

  /** A user's wallet shows every journal that moved it (held funds and system accounts have no history here). */
  private record(
    journal: ExpectedJournal,
    id: string,
    entry: ExpectedEntry,
    direction: 'DEBIT' | 'CREDIT',
    counterparty: AccountRef,
  ): void {
    if (entry.account.kind !== 'USER') return;
    const key = `${entry.account.userId}|${journal.assetCode}`;
    const list = this.histories.get(key) ?? [];
    list.push({
      id,
      type: journal.type,
      amount: journal.amount,
      direction,
      balanceAfter: entry.balanceAfter,
      counterparty,
      idempotencyKey: journal.idempotencyKey,
    });
    this.histories.set(key, list);
  }
}
