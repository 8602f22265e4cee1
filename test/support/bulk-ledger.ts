import type { Pool } from 'pg';

/**
 * Appends top-ups of one user account straight into the ledger's tables, as the service would
 * write them (balanced journals, running balances, both balances updated), many per statement,
 * with every database guard on. For tests and measurements that need a large ledger quickly; the
 * user's account must exist (one real top-up creates it).
 */
export async function bulkTopups(
  pool: Pool,
  options: { userId: string; assetCode: string; journals: number; amount?: number; chunk?: number },
): Promise<void> {
  const amount = options.amount ?? 1;
  const chunk = options.chunk ?? 50_000;
  for (let done = 0; done < options.journals; done += chunk) {
    const n = Math.min(chunk, options.journals - done);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL statement_timeout = 0');
      const { rows } = await client.query<{ id: string; kind: string; balance: string }>(
        `SELECT id::text, kind, balance::text FROM accounts
          WHERE asset_code = $2 AND ((kind = 'USER' AND user_id = $1) OR (kind = 'SYSTEM' AND system_name = 'TREASURY'))
          ORDER BY kind = 'SYSTEM', id FOR UPDATE`,
        [options.userId, options.assetCode],
      );
      const user = rows.find((r) => r.kind === 'USER');
      const treasury = rows.find((r) => r.kind === 'SYSTEM');
      if (!user || !treasury) throw new Error(`no ${options.assetCode} account for user ${options.userId}`);
      await client.query(
        `WITH j AS (
           INSERT INTO journal_transactions (type, asset_code, user_id, amount, idempotency_key, created_by)
           SELECT 'TOPUP', $2, $1::uuid, $3, 'bulk-' || gen_random_uuid(), 'system' FROM generate_series(1, $4::int)
           RETURNING id),
         o AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM j),
         e AS (
           INSERT INTO journal_entries (journal_id, account_id, type, amount, balance_after)
           SELECT o.id, x.account_id, 'TOPUP', x.amount, x.balance_after
             FROM o CROSS JOIN LATERAL (VALUES ($5::bigint, -$3::bigint, $6::bigint - o.k * $3, 1),
                                               ($7::bigint, $3::bigint, $8::bigint + o.k * $3, 2)) AS x(account_id, amount, balance_after, side)
            ORDER BY o.id, x.side)
         UPDATE accounts SET balance = CASE WHEN id = $5 THEN $6::bigint - $4::bigint * $3 ELSE $8::bigint + $4::bigint * $3 END
          WHERE id IN ($5, $7)`,
        [options.userId, options.assetCode, amount, n, treasury.id, treasury.balance, user.id, user.balance],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
