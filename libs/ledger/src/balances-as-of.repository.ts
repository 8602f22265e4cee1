import { executorOf, SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AssetBalance } from './ledger-query.service';

/** The last `balance_after` of account `alias` stamped at or before $2 (see below); `out` names the result. */
function balanceAsOf(alias: string, out: string): string {
  return `LEFT JOIN LATERAL (
          SELECT e.balance_after AS ${out}
            FROM journal_entries e
            JOIN journal_transactions j ON j.id = e.journal_id
           WHERE e.account_id = ${alias}.id
             AND EXISTS (SELECT 1 FROM bound)
             AND e.journal_id < coalesce(
                   (SELECT n.journal_id
                      FROM journal_entries n
                      JOIN journal_transactions nj ON nj.id = n.journal_id
                     WHERE n.account_id = ${alias}.id
                       AND n.journal_id > (SELECT id FROM bound)
                       AND nj.created_at > $2::timestamptz
                     ORDER BY n.journal_id
                     LIMIT 1),
                   9223372036854775807)
             AND j.created_at <= $2::timestamptz
           ORDER BY e.journal_id DESC
           LIMIT 1) ${alias}_as_of ON true`;
}

/**
 * $1 the user id, $2 the instant (ISO 8601): per asset the wallet's balance and the held funds
 * (the user's HELD account) then. Exported for `npm run asof:scale`, which EXPLAINs it.
 */
export const BALANCES_AS_OF_SQL = `
  WITH bound AS MATERIALIZED (
    SELECT j.id FROM journal_transactions j
     WHERE j.created_at <= $2::timestamptz
     ORDER BY j.created_at DESC, j.id DESC
     LIMIT 1)
  SELECT s.code AS asset_code, coalesce(a_as_of.balance, 0)::text AS balance, coalesce(h_as_of.held, 0)::text AS held
    FROM users u
    LEFT JOIN assets s ON true
    LEFT JOIN accounts a ON a.kind = 'USER' AND a.user_id = u.id AND a.asset_code = s.code
    LEFT JOIN accounts h ON h.kind = 'HELD' AND h.user_id = u.id AND h.asset_code = s.code
    ${balanceAsOf('a', 'balance')}
    ${balanceAsOf('h', 'held')}
   WHERE u.id = $1
   ORDER BY s.created_at, s.code`;

/**
 * A user's balances at a point in time, read from the entries' running `balance_after`: per
 * account, the last entry whose journal was stamped at or before `asOf`.
 *
 * Why a few index probes suffice (the indexes: migration 1764000000040). Within one account,
 * journal ids, entry ids and journal timestamps all increase in the order the postings were
 * applied: the ledger draws the three while the account row is locked (the timestamp is
 * `clock_timestamp()` taken after the locks, see LedgerRepository.allocateJournals). So an
 * account's entries stamped at or before `asOf` are a prefix of its entries, and the answer is the
 * prefix's last `balance_after`. Across accounts, ids and timestamps agree too except for journals
 * allocated at the same moment by concurrent batches. The read therefore:
 *  1. takes B, the journal with the greatest (created_at, id) at or before `asOf` — one probe of
 *     `journal_transactions (created_at, id)`; none means nothing happened yet: every balance is 0;
 *  2. per account, F: its first entry above B stamped after `asOf` — a forward probe of
 *     `journal_entries (account_id, journal_id)`, stepping over the entries above B stamped
 *     earlier (drawn concurrently with B: a handful at most);
 *  3. per account, the last entry below F stamped at or before `asOf` — a backward probe from F,
 *     stepping over the entries below B stamped later (the same concurrent few).
 * Exact whatever the interleaving (the steps only decide how far to look), and the cost is that of
 * the account's entries written concurrently with B, never of the ledger's size.
 *
 * A transaction is visible here once committed; one stamped at or before `asOf` may still be
 * committing for a few milliseconds after its stamp (never longer than a statement timeout), so an
 * `asOf` of a moment ago can still gain it, one older than that never changes.
 */
@Injectable()
export class BalancesAsOfRepository {
  /** A named prepared statement, planned once per pooled connection. */
  private readonly pool: SqlExecutor;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.pool = executorOf(dataSource);
  }

  /** One row per asset (0 where the user had no entry yet); undefined when the user does not exist. */
  async balancesAsOf(userId: string, asOf: Date): Promise<AssetBalance[] | undefined> {
    const rows = await this.pool.query<{ asset_code: string | null; balance: string | null; held: string | null }>(
      'ledger_balances_as_of',
      BALANCES_AS_OF_SQL,
      [userId, asOf.toISOString()],
    );
    if (rows.length === 0) return undefined;
    return rows
      .filter((r) => r.asset_code !== null)
      .map((r) => ({ assetCode: r.asset_code as string, balance: BigInt(r.balance ?? 0), held: BigInt(r.held ?? 0) }));
  }
}
