import { executorOf, SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccountRef, SystemAccountName, TransactionType } from './domain/posting';
import type { AssetBalance, HistoryItem, HistoryQuery, TransactionRecord } from './ledger-query.service';

/** The ledger's read SQL. Reads need no locks: committed balances and append-only entries. */
@Injectable()
export class LedgerQueryRepository {
  /** Reads run as named prepared statements, planned once per pooled connection. */
  private readonly pool: SqlExecutor;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = executorOf(dataSource);
  }

  /**
   * One row per asset, 0 where the user has no account yet; undefined when the user does not exist.
   * One statement: the existence check and the balances travel together.
   */
  async balances(userId: string): Promise<AssetBalance[] | undefined> {
    const rows = await this.pool.query<{ asset_code: string | null; balance: string | null; held: string | null }>(
      'ledger_balances',
      `SELECT s.code AS asset_code,
              coalesce((SELECT a.balance FROM accounts a WHERE a.kind = 'USER' AND a.user_id = u.id AND a.asset_code = s.code), 0)::text AS balance,
              coalesce((SELECT a.balance FROM accounts a WHERE a.kind = 'HELD' AND a.user_id = u.id AND a.asset_code = s.code), 0)::text AS held
         FROM users u
         LEFT JOIN assets s ON true
        WHERE u.id = $1
        ORDER BY s.created_at, s.code`,
      [userId],
    );
    if (rows.length === 0) return undefined;
    return rows
      .filter((r) => r.asset_code !== null)
      .map((r) => ({ assetCode: r.asset_code as string, balance: BigInt(r.balance ?? 0), held: BigInt(r.held ?? 0) }));
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
              j.idempotency_key, j.created_by, j.created_at, j.refund_of::text AS refund_of,
              c.kind AS counterparty_kind, c.user_id AS counterparty_user_id, c.system_name AS counterparty_name
         FROM accounts a
        CROSS JOIN LATERAL (
              SELECT e.id, e.journal_id, e.amount, e.balance_after FROM journal_entries e
               WHERE e.account_id = a.id${typeFilter}${cursorFilter}
               ORDER BY e.id DESC LIMIT $2) e
         JOIN journal_transactions j ON j.id = e.journal_id
         JOIN LATERAL (
              SELECT oa.kind, oa.user_id, oa.system_name FROM journal_entries o JOIN accounts oa ON oa.id = o.account_id
               WHERE o.journal_id = e.journal_id AND o.account_id <> a.id
               ORDER BY o.id LIMIT 1) c ON true
        WHERE a.kind = 'USER' AND a.user_id = $1${accountFilter}
        ORDER BY e.id DESC
        LIMIT $2`,
      params,
    );
    return rows.map((r) => toHistoryItem(r));
  }

  /** The transaction with its entries (debit first) and its refunds, or undefined. */
  async findTransaction(id: string): Promise<TransactionRecord | undefined> {
    const rows = await this.pool.query<TransactionRow>(
      'ledger_find_transaction',
      `SELECT j.id::text AS id, j.type, j.asset_code, j.amount::text AS amount, j.user_id, j.to_user_id, j.description,
              j.metadata, j.idempotency_key, j.created_by, j.created_at, j.refund_of::text AS refund_of,
              r.refunds, r.refunded_amount, e.amount::text AS entry_amount,
              e.balance_after::text AS entry_balance_after, a.kind, a.user_id AS account_user_id, a.system_name
         FROM journal_transactions j
        CROSS JOIN LATERAL (
              SELECT coalesce(array_agg(x.id::text ORDER BY x.id), '{}') AS refunds, coalesce(sum(x.amount), 0)::text AS refunded_amount
                FROM journal_transactions x WHERE x.refund_of = j.id) r
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
      refundOf: j.refund_of,
      description: j.description,
      metadata: j.metadata,
      idempotencyKey: j.idempotency_key,
      createdBy: j.created_by,
      createdAt: j.created_at,
      refundedAmount: BigInt(j.refunded_amount),
      refunds: j.refunds,
      entries: rows.map((r) => ({
        account: accountRefOf(r.kind, r.account_user_id, r.system_name),
        amount: BigInt(r.entry_amount),
        balanceAfter: BigInt(r.entry_balance_after),
      })),
    };
  }
}

/** The journal columns every read selects. */
interface JournalColumns {
  type: TransactionType;
  asset_code: string;
  user_id: string;
  to_user_id: string | null;
  description: string | null;
  metadata: Record<string, string>;
  idempotency_key: string;
  created_by: string;
  created_at: Date;
  refund_of: string | null;
}

interface HistoryRow extends JournalColumns {
  entry_id: string;
  amount: string;
  balance_after: string;
  journal_id: string;
  counterparty_kind: AccountRef['kind'];
  counterparty_user_id: string | null;
  counterparty_name: string | null;
}

interface TransactionRow extends JournalColumns {
  id: string;
  amount: string;
  refunds: string[];
  refunded_amount: string;
  entry_amount: string;
  entry_balance_after: string;
  kind: AccountRef['kind'];
  account_user_id: string | null;
  system_name: string | null;
}

function toHistoryItem(r: HistoryRow): HistoryItem {
  return {
    entryId: r.entry_id,
    transactionId: r.journal_id,
    type: r.type,
    assetCode: r.asset_code,
    amount: BigInt(r.amount),
    balanceAfter: BigInt(r.balance_after),
    counterparty: accountRefOf(r.counterparty_kind, r.counterparty_user_id, r.counterparty_name),
    refundOf: r.refund_of,
    description: r.description,
    metadata: r.metadata,
    idempotencyKey: r.idempotency_key,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

function accountRefOf(kind: AccountRef['kind'], userId: string | null, systemName: string | null): AccountRef {
  return kind === 'SYSTEM' ? { kind, name: systemName as SystemAccountName } : { kind, userId: userId as string };
}
