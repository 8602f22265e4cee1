import { AccountRef, accountRefKey, PostedTransaction, PostingCommand, Rejection, TransactionType } from '../domain/posting';
import { applyLeg, LockedAccount } from '../domain/posting-engine';
import type { JournalInsert } from '../ledger.repository';
import { LedgerState } from './ledger-state';

/** One journal a rule asks for: `amount` from one account to another. */
export interface JournalPlan {
  readonly type: TransactionType;
  readonly assetCode: string;
  readonly amount: bigint;
  readonly from: AccountRef;
  readonly to: AccountRef;
  readonly toUserId: string | null;
  readonly refundOf: string | null;
}

export type Moved =
  { readonly ok: true; readonly transaction: PostedTransaction } | { readonly ok: false; readonly rejection: Rejection };

/**
 * What a rule sees while its posting is applied: the locked balances, the loaded state, the batch's
 * clock and journal ids. {@link move} applies one journal on the balances (each posting sees what
 * the previous ones left) and records it for the write.
 */
export interface RuleContext {
  readonly command: PostingCommand;
  readonly state: LedgerState;
  /** The transaction's timestamp: every journal of the batch has it. */
  readonly now: Date;
  move(plan: JournalPlan): Moved;
}

/**
 * The in-memory side of one batch: balances as postings apply, the journals to insert, the journal
 * ids drawn beforehand. A posting's changes are undone if its rule rejects it after a first move.
 */
export class PostingScratch {
  readonly journals: JournalInsert[] = [];
  /** The balances the batch is decided from: its write checks that the accounts still have them. */
  readonly expected: ReadonlyMap<string, bigint>;
  private nextId = 0;

  constructor(
    private readonly accounts: ReadonlyMap<string, LockedAccount>,
    private readonly accountIds: ReadonlyMap<string, string | null>,
    private readonly journalIds: readonly string[],
    readonly now: Date,
    readonly state: LedgerState,
  ) {
    const expected = new Map<string, bigint>();
    for (const [id, account] of accounts) expected.set(id, account.balance);
    this.expected = expected;
  }

  /** The batch's accounts with the balances its postings left. */
  lockedAccounts(): Iterable<LockedAccount> {
    return this.accounts.values();
  }

  /**
   * Runs one posting's rule with a savepoint: on a rejection nothing of it stays — its moves are
   * undone here; the state it cannot have changed (rules change state only after their last move).
   */
  apply<T>(command: PostingCommand, rule: (ctx: RuleContext) => T | { rejected: Rejection }): T | { rejected: Rejection } {
    const journals = this.journals.length;
    const ids = this.nextId;
    const changes = this.state.changes;
    const touched = new Map<LockedAccount, bigint>();
    const ctx: RuleContext = {
      command,
      state: this.state,
      now: this.now,
      move: (plan) => this.move(command, plan, touched),
    };
    const result = rule(ctx);
    if (typeof result === 'object' && result !== null && 'rejected' in result) {
      touched.forEach((balance, account) => (account.balance = balance));
      this.journals.length = journals;
      this.nextId = ids;
      if (this.state.changes !== changes) throw new Error('a posting rule changed the batch state, then rejected its posting');
    }
    return result;
  }

  /** The new balance of every account the batch's journals moved. */
  balances(): Map<string, bigint> {
    const balances = new Map<string, bigint>();
    for (const j of this.journals) {
      for (const e of j.entries) balances.set(e.accountId, (this.accounts.get(e.accountId) as LockedAccount).balance);
    }
    return balances;
  }

  private move(command: PostingCommand, plan: JournalPlan, touched: Map<LockedAccount, bigint>): Moved {
    const fromAccountId = this.accountId(plan.assetCode, plan.from);
    const toAccountId = this.accountId(plan.assetCode, plan.to);
    for (const id of [fromAccountId, toAccountId]) {
      const account = this.accounts.get(id);
      if (account && !touched.has(account)) touched.set(account, account.balance);
    }
    const leg = applyLeg(this.accounts, { fromAccountId, toAccountId, assetCode: plan.assetCode, amount: plan.amount });
    if (!leg.ok) return leg;
    const id = this.journalIds[this.nextId++];
    if (id === undefined) throw new Error('the batch drew too few journal ids');
    const journal: JournalInsert = {
      id,
      createdAt: this.now,
      type: plan.type,
      assetCode: plan.assetCode,
      userId: command.actingUserId,
      toUserId: plan.toUserId,
      refundOf: plan.refundOf,
      amount: plan.amount,
      description: command.description,
      metadata: command.metadata,
      idempotencyKey: command.key,
      createdBy: command.createdBy,
      entries: [leg.debit, leg.credit],
    };
    this.journals.push(journal);
    return {
      ok: true,
      transaction: {
        id,
        type: plan.type,
        assetCode: plan.assetCode,
        amount: plan.amount,
        userId: command.actingUserId,
        toUserId: plan.toUserId,
        refundOf: plan.refundOf,
        description: command.description,
        metadata: command.metadata,
        idempotencyKey: command.key,
        createdBy: command.createdBy,
        createdAt: this.now,
        entries: [
          { account: plan.from, amount: leg.debit.amount, balanceAfter: leg.debit.balanceAfter },
          { account: plan.to, amount: leg.credit.amount, balanceAfter: leg.credit.balanceAfter },
        ],
      },
    };
  }

  private accountId(assetCode: string, ref: AccountRef): string {
    const id = this.accountIds.get(accountRefKey(assetCode, ref));
    if (!id) throw new Error(`account ${accountRefKey(assetCode, ref)} was not resolved`);
    return id;
  }
}
