/**
 * A small in-memory model of the wallet service, written from API.md alone: what every write
 * should answer and how it moves balances. The model-based test runs the same commands against the
 * service and this model and compares every answer.
 */

export const ASSETS = ['GOLD', 'DIAMOND', 'POINT'] as const;
export type Asset = (typeof ASSETS)[number];
export type WriteKind = 'TOPUP' | 'SPEND' | 'BONUS' | 'TRANSFER';
export type SystemName = 'TREASURY' | 'BONUS';
export type AccountRef = { readonly kind: 'USER'; readonly userId: string } | { readonly kind: 'SYSTEM'; readonly name: SystemName };

/** The largest and smallest balance PostgreSQL's bigint can store. */
export const MAX_BALANCE = 2n ** 63n - 1n;
export const MIN_BALANCE = -(2n ** 63n);

export const ENDPOINTS: Readonly<Record<WriteKind, string>> = {
  TOPUP: '/v1/topup',
  SPEND: '/v1/spend',
  BONUS: '/v1/bonus',
  TRANSFER: '/v1/transfers',
};

/** A write as the contract sees it: the carrier and spelling of each field are not part of it. */
export interface WriteRequest {
  readonly kind: WriteKind;
  /** The acting user: the user of a top-up, spend or bonus, the sender of a transfer. */
  readonly userId: string;
  readonly toUserId?: string;
  readonly assetCode: Asset;
  readonly amount: bigint;
  readonly key: string;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
}

export interface ExpectedEntry {
  readonly account: AccountRef;
  readonly amount: bigint;
  readonly balanceAfter: bigint;
}

/** What the contract says the service must answer to a write, given everything before it. */
export type Expected =
  | { readonly outcome: 'POSTED'; readonly balanceAfter: bigint; readonly entries: readonly [ExpectedEntry, ExpectedEntry] }
  | { readonly outcome: 'INSUFFICIENT_FUNDS'; readonly balance: bigint; readonly required: bigint }
  | { readonly outcome: 'SAME_ACCOUNT_TRANSFER' | 'LIMIT_EXCEEDED' | 'IDEMPOTENCY_KEY_REUSED' | 'USER_NOT_FOUND' }
  | { readonly outcome: 'REPLAY'; readonly status: number; readonly body: string };

/** One line of a user's history in one asset, as GET /v1/users/{id}/transactions shows it. */
export interface HistoryLine {
  readonly id: string;
  readonly type: WriteKind;
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

export class WalletModel {
  /** Users known to exist, in creation order (commands pick them by index). */
  readonly users: string[] = [];
  /** Journals posted and idempotency records stored since the model started. */
  postings = 0;
  storedKeys = 0;
  private readonly balances = new Map<string, bigint>();
  private readonly outcomes = new Map<string, StoredOutcome>();
  private readonly histories = new Map<string, HistoryLine[]>();
  /** Bodies of the transactions posted, by id (for GET /v1/transactions/{id}). */
  readonly transactions = new Map<string, string>();

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
    return copy;
  }

  balance(account: AccountRef, assetCode: string): bigint {
    return this.balances.get(accountKey(account, assetCode)) ?? 0n;
  }

  /** The user's history in one asset, oldest first. */
  history(userId: string, assetCode: string): readonly HistoryLine[] {
    return this.histories.get(`${userId}|${assetCode}`) ?? [];
  }

  /**
   * What the service must answer. Order of the rules: a stored key answers from its outcome
   * (replay, or REUSED for a different request); an unknown user is a 404 (never stored); then the
   * business rules. Where the contract is silent the model follows the service's choices: a used key
   * answers 422 before a 404 for an unknown user (a request naming an unknown user can never be the
   * one stored under the key), and a transfer to oneself is refused before its balance is looked at.
   */
  decide(req: WriteRequest): Expected {
    const known = (id: string | undefined) => id === undefined || this.users.includes(id);
    const stored = this.outcomes.get(scope(req));
    if (!known(req.userId) || !known(req.toUserId)) return { outcome: stored ? 'IDEMPOTENCY_KEY_REUSED' : 'USER_NOT_FOUND' };
    if (stored) {
      return stored.fingerprint === fingerprint(req)
        ? { outcome: 'REPLAY', status: stored.status, body: stored.body }
        : { outcome: 'IDEMPOTENCY_KEY_REUSED' };
    }
    const [from, to] = legs(req);
    if (req.kind === 'TRANSFER' && req.userId === req.toUserId) return { outcome: 'SAME_ACCOUNT_TRANSFER' };
    const fromBalance = this.balance(from, req.assetCode);
    if (from.kind === 'USER' && fromBalance < req.amount) {
      return { outcome: 'INSUFFICIENT_FUNDS', balance: fromBalance, required: req.amount };
    }
    const fromAfter = fromBalance - req.amount;
    const toAfter = this.balance(to, req.assetCode) + req.amount;
    if (fromAfter < MIN_BALANCE || toAfter > MAX_BALANCE) return { outcome: 'LIMIT_EXCEEDED' };
    return {
      outcome: 'POSTED',
      // The acting user's balance: the receiving user of a top-up or bonus, the paying user otherwise.
      balanceAfter: req.kind === 'TOPUP' || req.kind === 'BONUS' ? toAfter : fromAfter,
      entries: [
        { account: from, amount: -req.amount, balanceAfter: fromAfter },
        { account: to, amount: req.amount, balanceAfter: toAfter },
      ],
    };
  }

  /** Applies what `decide` said, once the service's answer matched it (its body is what replays). */
  commit(req: WriteRequest, expected: Expected, answer: { status: number; text: string }): void {
    switch (expected.outcome) {
      case 'POSTED': {
        const id = String((JSON.parse(answer.text) as { id: unknown }).id);
        for (const e of expected.entries) this.balances.set(accountKey(e.account, req.assetCode), e.balanceAfter);
        const [debit, credit] = expected.entries;
        this.record(debit.account, req, { id, direction: 'DEBIT', balanceAfter: debit.balanceAfter, counterparty: credit.account });
        this.record(credit.account, req, { id, direction: 'CREDIT', balanceAfter: credit.balanceAfter, counterparty: debit.account });
        this.transactions.set(id, answer.text);
        this.postings++;
        this.store(req, answer);
        return;
      }
      case 'INSUFFICIENT_FUNDS':
      case 'SAME_ACCOUNT_TRANSFER':
      case 'LIMIT_EXCEEDED':
        this.store(req, answer);
        return;
      default:
        return; // replays, reused keys and 404s change nothing
    }
  }

  private store(req: WriteRequest, answer: { status: number; text: string }): void {
    this.outcomes.set(scope(req), { fingerprint: fingerprint(req), status: answer.status, body: answer.text });
    this.storedKeys++;
  }

  private record(
    account: AccountRef,
    req: WriteRequest,
    line: Pick<HistoryLine, 'id' | 'direction' | 'balanceAfter' | 'counterparty'>,
  ): void {
    if (account.kind !== 'USER') return;
    const key = `${account.userId}|${req.assetCode}`;
    const list = this.histories.get(key) ?? [];
    list.push({ ...line, type: req.kind, amount: req.amount, idempotencyKey: req.key });
    this.histories.set(key, list);
  }
}

/** The accounts a write moves money between: from, then to. */
export function legs(req: WriteRequest): [AccountRef, AccountRef] {
  const user: AccountRef = { kind: 'USER', userId: req.userId };
  switch (req.kind) {
    case 'TOPUP':
      return [{ kind: 'SYSTEM', name: 'TREASURY' }, user];
    case 'BONUS':
      return [{ kind: 'SYSTEM', name: 'BONUS' }, user];
    case 'SPEND':
      return [user, { kind: 'SYSTEM', name: 'TREASURY' }];
    case 'TRANSFER':
      return [user, { kind: 'USER', userId: req.toUserId ?? '' }];
  }
}

/** Requests compared after normalisation (API.md): the key and its carrier are not part of it. */
export function fingerprint(req: WriteRequest): string {
  const metadata = Object.keys(req.metadata).sort().map((k) => [k, req.metadata[k]]);
  return JSON.stringify([req.kind, req.userId, req.toUserId ?? null, req.assetCode, req.amount.toString(), req.description, metadata]);
}

export function accountKey(account: AccountRef, assetCode: string): string {
  return account.kind === 'USER' ? `U|${account.userId}|${assetCode}` : `S|${account.name}|${assetCode}`;
}

function scope(req: WriteRequest): string {
  return `${req.userId}\u0000${req.key}`;
}
