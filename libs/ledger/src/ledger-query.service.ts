import { executorOf, SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BalancesAsOfRepository } from './balances-as-of.repository';
import { AccountRef, PostedTransaction, SystemAccountName, TransactionType } from './domain/posting';

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
  readonly counterparty: AccountRef;
  readonly description: string | null;
  readonly metadata: Record<string, string>;
  readonly idempotencyKey: string;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export interface AssetBalance {
  readonly assetCode: string;
  readonly balance: bigint;
}

/** Read side of the ledger. Reads need no locks: committed balances and append-only entries. */
@Injectable()
export class LedgerQueryService {
  /** Reads run as named prepared statements, planned once per pooled connection. */
  private readonly pool: SqlExecutor;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly asOf: BalancesAsOfRepository,
  ) {
    this.pool = executorOf(dataSource);
  }

  /**
   * One row per asset, 0 where the user has no account yet; undefined when the user does not exist.
   * One statement: the existence check and the balances travel together.
   */
  async balances(userId: string): Promise<AssetBalance[] | undefined> {
    const rows = await this.pool.query<{ asset_code: string | null; balance: string | null }>(
      'ledger_balances',
      `SELECT s.code AS asset_code,
              coalesce((SELECT a.balance FROM accounts a WHERE a.kind = 'USER' AND a.user_id = u.id AND a.asset_code = s.code), 0)::text AS balance
         FROM users u
         LEFT JOIN assets s ON true
        WHERE u.id = $1
        ORDER BY s.created_at, s.code`,
      [userId],
    );
    if (rows.length === 0) return undefined;
    return rows.filter((r) => r.asset_code !== null).map((r) => ({ assetCode: r.asset_code as string, balance: BigInt(r.balance ?? 0) }));
  }

  /**
   * The balances right after every transaction stamped at or before `asOf` (one row per asset, 0
   * where the user held nothing yet); undefined when the user does not exist. A few index probes
   * per account, whatever the ledger's size (see BalancesAsOfRepository).
   */
  balancesAsOf(userId: string, asOf: Date): Promise<AssetBalance[] | undefined> {
    return this.asOf.balancesAsOf(userId, asOf);
  }

  /**
   * A page of the user's entries, newest first. Each of the user's accounts is read with a keyset
   * scan of (account_id, [type,] id) limited to the page size, and the few rows are merged, so a
   * page costs the same for a user with ten entries or ten million.
   */
  async history(query: HistoryQuery): Promise<HistoryItem[]> {
    const params: unknown[] = [query.userId, query.limit];
    const accountFilter = query.assetCode === null ? '' : ` AND a.asset_code = $${params.push(query.assetCode)}`;
    const typeFilter = query.type === null ? '' : ` AND e.type = $${params.push(query.type)}`;
    const cursorFilter = query.beforeEntryId === null ? '' : ` AND e.id < $${params.push(query.beforeEntryId)}::bigint`;
    // One prepared statement per combination of filters (the SQL text differs).
    const variant = `${query.assetCode === null ? '' : 'a'}${query.type === null ? '' : 't'}${query.beforeEntryId === null ? '' : 'c'}`;
    const rows = await this.pool.query<HistoryRow>(
      `ledger_history_${variant}`,
      `SELECT e.id::text AS entry_id, e.amount::text AS amount, e.balance_after::text AS balance_after,
              j.id::text AS journal_id, j.type, j.asset_code, j.user_id, j.to_user_id, j.description, j.metadata,
              j.idempotency_key, j.created_by, j.created_at
         FROM accounts a
        CROSS JOIN LATERAL (
              SELECT e.id, e.journal_id, e.amount, e.balance_after FROM journal_entries e
               WHERE e.account_id = a.id${typeFilter}${cursorFilter}
               ORDER BY e.id DESC LIMIT $2) e
         JOIN journal_transactions j ON j.id = e.journal_id
        WHERE a.kind = 'USER' AND a.user_id = $1${accountFilter}
        ORDER BY e.id DESC
        LIMIT $2`,
      params,
    );
    return rows.map((r) => toHistoryItem(r, query.userId));
  }

  /** The transaction with its entries (debit first), or undefined. */
  async findTransaction(id: string): Promise<PostedTransaction | undefined> {
    const rows = await this.pool.query<TransactionRow>(
      'ledger_find_transaction',
      `SELECT j.id::text AS id, j.type, j.asset_code, j.amount::text AS amount, j.user_id, j.to_user_id, j.description,
              j.metadata, j.idempotency_key, j.created_by, j.created_at, e.amount::text AS entry_amount,
              e.balance_after::text AS entry_balance_after, a.kind, a.user_id AS account_user_id, a.system_name
         FROM journal_transactions j
         JOIN journal_entries e ON e.journal_id = j.id
         JOIN accounts a ON a.id = e.account_id
        WHERE j.id = $1
        ORDER BY e.id`,
      [id],
    );
    if (rows.length === 0) return undefined;
    const j = rows[0];
    return {
      id: j.id,
      type: j.type,
      assetCode: j.asset_code,
      amount: BigInt(j.amount),
      userId: j.user_id,
      toUserId: j.to_user_id,
      description: j.description,
      metadata: j.metadata,
      idempotencyKey: j.idempotency_key,
      createdBy: j.created_by,
      createdAt: j.created_at,
      entries: rows.map((r) => ({
        account:
          r.kind === 'USER'
            ? { kind: 'USER', userId: r.account_user_id as string }
            : { kind: 'SYSTEM', name: r.system_name as SystemAccountName },
        amount: BigInt(r.entry_amount),
        balanceAfter: BigInt(r.entry_balance_after),
      })),
    };
  }
}

interface HistoryRow {
  entry_id: string;
  amount: string;
  balance_after: string;
  journal_id: string;
  type: TransactionType;
  asset_code: string;
  user_id: string;
  to_user_id: string | null;
  description: string | null;
  metadata: Record<string, string>;
  idempotency_key: string;
  created_by: string;
  created_at: Date;
}

interface TransactionRow {
  id: string;
  type: TransactionType;
  asset_code: string;
  amount: string;
  user_id: string;
  to_user_id: string | null;
  description: string | null;
  metadata: Record<string, string>;
  idempotency_key: string;
  created_by: string;
  created_at: Date;
  entry_amount: string;
  entry_balance_after: string;
  kind: 'USER' | 'SYSTEM';
  account_user_id: string | null;
  system_name: string | null;
}

function toHistoryItem(r: HistoryRow, userId: string): HistoryItem {
  return {
    entryId: r.entry_id,
    transactionId: r.journal_id,
    type: r.type,
    assetCode: r.asset_code,
    amount: BigInt(r.amount),
    balanceAfter: BigInt(r.balance_after),
    counterparty: counterpartyOf(r, userId),
    description: r.description,
    metadata: r.metadata,
    idempotencyKey: r.idempotency_key,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function counterpartyOf(r: HistoryRow, userId: string): AccountRef {
  switch (r.type) {
    case 'TOPUP':
    case 'SPEND':
      return { kind: 'SYSTEM', name: 'TREASURY' };
    case 'BONUS':
      return { kind: 'SYSTEM', name: 'BONUS' };
    case 'TRANSFER':
      return { kind: 'USER', userId: r.user_id === userId ? (r.to_user_id as string) : r.user_id };
  }
}
