import { Injectable } from '@nestjs/common';
import { executorOf, SqlExecutor } from '@app/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BalancesAsOfRepository } from './balances-as-of.repository';
import type { AccountRef, HoldStatus, HoldView, PostedTransaction, TransactionType } from './domain/posting';
import { HoldsRepository } from './holds/holds.repository';
import { LedgerQueryRepository } from './ledger-query.repository';

export interface HistoryQuery {
  readonly userId: string;
  readonly assetCode: string | null;
  readonly type: TransactionType | null;
  /** Show entries older than this entry id (keyset paging). */
  readonly beforeEntryId: string | null;
  readonly limit: number;
}

export interface HistoryItem {
  readonly entryId: string;
  readonly transactionId: string;
  readonly type: TransactionType;
  readonly assetCode: string;
  /** Signed amount of this user's entry: positive is a credit. */
  readonly amount: bigint;
  readonly balanceAfter: bigint;
  /** The other account of the journal (for a hold's movements, the user's own held funds). */
  readonly counterparty: AccountRef;
  /** The refunded transaction (refunds only). */
  readonly refundOf: string | null;
  readonly description: string | null;
  readonly metadata: Record<string, string>;
  readonly idempotencyKey: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface AssetBalance {
  readonly assetCode: string;
  readonly balance: bigint;
  /** The user's active holds in the asset (their HELD account). */
  readonly held: bigint;
}

/** A transaction read back, with what was refunded of it. */
export interface TransactionRecord extends PostedTransaction {
  /** The sum of its refunds (0 when none). */
  readonly refundedAmount: bigint;
  /** Its refunds' ids, oldest first. */
  readonly refunds: readonly string[];
}

/**
 * Read side of the ledger: balances (now or at a point in time), history pages, transactions with
 * their refunds, holds. The SQL is in the repositories.
 */
@Injectable()
export class LedgerQueryService {
  /** Reads run as named prepared statements, planned once per pooled connection. */
  private readonly pool: SqlExecutor;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly reads: LedgerQueryRepository,
    private readonly holds: HoldsRepository,
    private readonly asOf: BalancesAsOfRepository,
  ) {
    this.pool = executorOf(dataSource);
  }

  /** One row per asset, 0 where the user has no account yet; undefined when the user does not exist. */
  balances(userId: string): Promise<AssetBalance[] | undefined> {
    return this.reads.balances(userId);
  }

  /**
   * The balances right after every transaction stamped at or before `asOf` (one row per asset, 0
   * where the user held nothing yet); undefined when the user does not exist. A few index probes
   * per account, whatever the ledger's size (see BalancesAsOfRepository).
   */
  balancesAsOf(userId: string, asOf: Date): Promise<AssetBalance[] | undefined> {
    return this.asOf.balancesAsOf(userId, asOf);
  }

  /** A page of the user's entries, newest first (a keyset page: the same cost at any depth). */
  history(query: HistoryQuery): Promise<HistoryItem[]> {
    return this.reads.history(query);
  }

  /** The transaction with its entries (debit first) and its refunds, or undefined. */
  findTransaction(id: string): Promise<TransactionRecord | undefined> {
    return this.reads.findTransaction(id);
  }

  async findHold(id: string): Promise<HoldView | undefined> {
    return (await this.holds.find(this.pool, [id]))[0];
  }

  /** A user's holds, newest first (at most `limit`), optionally of one status. */
  userHolds(userId: string, status: HoldStatus | null, limit: number): Promise<HoldView[]> {
    return this.holds.listForUser(this.pool, userId, status, limit);
  }
}
