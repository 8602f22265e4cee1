import type { TestDatabase } from './test-database';

/**
 * What a test may compare before and after a request that must change nothing: every non-zero
 * balance, and the row counts of the journal, its entries, the idempotency records and the users.
 * (Accounts themselves are not compared: a user's account in an asset may be created, empty, on
 * first use.)
 */
export interface LedgerSnapshot {
  readonly balances: Record<string, string>;
  readonly journals: number;
  readonly entries: number;
  readonly idempotencyKeys: number;
  readonly users: number;
}

export async function ledgerSnapshot(db: TestDatabase): Promise<LedgerSnapshot> {
  const [counts] = await db.query<{ journals: number; entries: number; keys: number; users: number }>(
    `SELECT (SELECT count(*) FROM journal_transactions)::int AS journals,
            (SELECT count(*) FROM journal_entries)::int AS entries,
            (SELECT count(*) FROM idempotency_keys)::int AS keys,
            (SELECT count(*) FROM users)::int AS users`,
  );
  const rows = await db.query<{ id: string; balance: string }>(
    `SELECT id::text AS id, balance::text AS balance FROM accounts WHERE balance <> 0 ORDER BY id`,
  );
  return {
    balances: Object.fromEntries(rows.map((r) => [r.id, r.balance])),
    journals: counts.journals,
    entries: counts.entries,
    idempotencyKeys: counts.keys,
    users: counts.users,
  };
}

/**
 * Recomputes the ledger's invariants with raw SQL, independently of the service's own verifier,
 * and returns one line per violation (empty when the ledger is sound). Meant for a quiescent
 * database: no write may be in flight.
 *  - every asset's balances sum to zero;
 *  - every stored balance equals the sum of its entries, and each entry's balance_after is the
 *    running sum of its account's entries;
 *  - every journal has exactly two entries that sum to zero;
 *  - no user balance (nor a user's held funds) is below zero;
 *  - at most one journal per (acting user, idempotency key) — a capture's two (its HOLD_RELEASE,
 *    then its HOLD_CAPTURE) excepted — and the record of the key points to the first; a journal the
 *    service posted itself (a hold's expiry: `created_by` system) has no record; every record is
 *    completed, a 201 or 200 with a journal and any other status without one;
 *  - every user's held funds equal the sum of the user's active (HELD) holds; a finished hold has
 *    its release journal (of its whole amount) and a captured one its capture journal (of the
 *    captured amount), an active one neither.
 */
export async function ledgerViolations(db: { query(sql: string): Promise<object[]> }): Promise<string[]> {
  const checks: Array<[string, string]> = [
    [
      'asset does not sum to zero',
      `SELECT asset_code, sum(balance)::text AS sum FROM accounts GROUP BY asset_code HAVING sum(balance) <> 0`,
    ],
    [
      'balance is not the sum of its entries',
      `SELECT a.id::text AS account, a.balance::text AS balance, coalesce(s.total, 0)::text AS entries
         FROM accounts a LEFT JOIN (SELECT account_id, sum(amount) AS total FROM journal_entries GROUP BY account_id) s ON s.account_id = a.id
        WHERE a.balance <> coalesce(s.total, 0)`,
    ],
    [
      'running balance broken',
      `SELECT id::text AS entry, account_id::text AS account, balance_after::text AS balance_after, running::text AS running
         FROM (SELECT id, account_id, balance_after, sum(amount) OVER (PARTITION BY account_id ORDER BY id) AS running FROM journal_entries) x
        WHERE balance_after <> running`,
    ],
    [
      'journal not balanced',
      `SELECT j.id::text AS journal, count(e.id)::int AS entries, coalesce(sum(e.amount), 0)::text AS sum
         FROM journal_transactions j LEFT JOIN journal_entries e ON e.journal_id = j.id
        GROUP BY j.id HAVING count(e.id) <> 2 OR coalesce(sum(e.amount), 0) <> 0`,
    ],
    [
      'negative user balance',
      `SELECT id::text AS account, balance::text AS balance FROM accounts WHERE kind <> 'SYSTEM' AND balance < 0`,
    ],
    [
      'more than one journal per key',
      `SELECT user_id, idempotency_key, count(*)::int AS journals, array_agg(type ORDER BY id) AS types FROM journal_transactions
        GROUP BY 1, 2 HAVING count(*) > 1 AND array_agg(type ORDER BY id) <> ARRAY['HOLD_RELEASE', 'HOLD_CAPTURE']::text[]`,
    ],
    [
      'journal without its idempotency record',
      `SELECT j.id::text AS journal, j.type, k.journal_id::text AS record_journal
         FROM (SELECT id, type, user_id, idempotency_key, created_by, min(id) OVER (PARTITION BY user_id, idempotency_key) AS first
                 FROM journal_transactions) j
         LEFT JOIN idempotency_keys k ON k.user_id = j.user_id AND k.key = j.idempotency_key
        WHERE j.created_by <> 'system' AND k.journal_id IS DISTINCT FROM j.first`,
    ],
    [
      'system journal that is not a hold expiry',
      `SELECT j.id::text AS journal, j.type, j.idempotency_key FROM journal_transactions j
         LEFT JOIN holds h ON j.idempotency_key = 'hold-expiry:' || h.id::text
        WHERE j.created_by = 'system' AND (j.type <> 'HOLD_RELEASE' OR h.status IS DISTINCT FROM 'EXPIRED' OR h.release_journal_id <> j.id)`,
    ],
    [
      'idempotency record inconsistent',
      `SELECT user_id, key, status_code, journal_id::text AS journal FROM idempotency_keys
        WHERE status_code IS NULL OR response_body IS NULL OR (status_code IN (200, 201)) <> (journal_id IS NOT NULL)`,
    ],
    [
      'held funds are not the active holds',
      `SELECT a.user_id, a.asset_code, a.balance::text AS held, coalesce(h.total, 0)::text AS active
         FROM accounts a LEFT JOIN (SELECT user_id, asset_code, sum(amount) AS total FROM holds WHERE status = 'HELD' GROUP BY 1, 2) h
           ON h.user_id = a.user_id AND h.asset_code = a.asset_code
        WHERE a.kind = 'HELD' AND a.balance <> coalesce(h.total, 0)
       UNION ALL
       SELECT h.user_id, h.asset_code, '0', sum(h.amount)::text FROM holds h
        WHERE h.status = 'HELD' AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.kind = 'HELD' AND a.user_id = h.user_id AND a.asset_code = h.asset_code)
        GROUP BY 1, 2`,
    ],
    [
      "hold's journals do not match its status",
      `SELECT h.id, h.status, h.amount::text AS amount, h.captured_amount::text AS captured, r.amount::text AS released, c.amount::text AS paid
         FROM holds h
         JOIN journal_transactions o ON o.id = h.hold_journal_id
         LEFT JOIN journal_transactions r ON r.id = h.release_journal_id
         LEFT JOIN journal_transactions c ON c.id = h.capture_journal_id
        WHERE o.type <> 'HOLD' OR o.amount <> h.amount
           OR (h.status = 'HELD') <> (r.id IS NULL)
           OR (h.status = 'CAPTURED') <> (c.id IS NOT NULL)
           OR (r.id IS NOT NULL AND (r.type <> 'HOLD_RELEASE' OR r.amount <> h.amount))
           OR (c.id IS NOT NULL AND (c.type <> 'HOLD_CAPTURE' OR c.amount <> h.captured_amount))`,
    ],
  ];
  const violations: string[] = [];
  for (const [name, sql] of checks) {
    for (const row of await db.query(`${sql} LIMIT 5`)) violations.push(`${name}: ${JSON.stringify(row)}`);
  }
  return violations;
}
