import { SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { MAX_LISTED, StoredCheckpoint, VerifyScope } from './ledger-verification';

/** The highest journal and entry ids handed out so far (sequences are not transactional). */
export interface IdWatermark {
  readonly journalId: string;
  readonly entryId: string;
}

/** Per asset: what a run sees above its scope, and what falls between the scope and a watermark. */
export interface AssetTally {
  readonly assetCode: string;
  /** Journals and entries above the scope's `*From` ids (all that the snapshot shows). */
  readonly journalsSeen: string;
  readonly entriesSeen: string;
  /** Journals and entries above the scope and at or below the watermark, with their sums. */
  readonly journalsUpTo: string;
  readonly entriesUpTo: string;
  readonly creditsUpTo: string;
  readonly debitsUpTo: string;
}

const NO_LIMIT = '9223372036854775807';

export interface RunningTransaction {
  readonly pid: number;
  readonly xid: string;
}

/**
 * The verification's SQL. Every statement runs on the verification's own connection (never the
 * request pool) and, but for the watermark and the checkpoint writes, inside its read-only
 * snapshot. Routine runs look at ids above each asset's checkpoint only: every statement also
 * gets the lowest of those ids as a plain parameter, so PostgreSQL plans a primary-key range scan
 * whose cost follows what was posted since, not the ledger's size.
 */
@Injectable()
export class LedgerVerifyRepository {
  /** Opens the run's snapshot: every check then sees one consistent state of the ledger, and writes nothing. */
  async beginSnapshot(sql: SqlExecutor): Promise<void> {
    await sql.query('verify_begin', 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', []);
  }

  async endSnapshot(sql: SqlExecutor): Promise<void> {
    await sql.query('verify_commit', 'COMMIT', []);
  }

  async abandonSnapshot(sql: SqlExecutor): Promise<void> {
    await sql.query('verify_rollback', 'ROLLBACK', []);
  }

  async watermark(sql: SqlExecutor): Promise<IdWatermark> {
    const [row] = await sql.query<{ journal_id: string; entry_id: string }>(
      'verify_watermark',
      `SELECT coalesce(pg_sequence_last_value('journal_transactions_id_seq'), 0)::text AS journal_id,
              coalesce(pg_sequence_last_value('journal_entries_id_seq'), 0)::text AS entry_id`,
      [],
    );
    return { journalId: row.journal_id, entryId: row.entry_id };
  }

  /**
   * The write transactions open right now in this database (other sessions that hold a
   * transaction id): only they can still commit ledger rows here. Transactions of other databases
   * on the same server are not waited for.
   */
  async transactionsInProgress(sql: SqlExecutor): Promise<RunningTransaction[]> {
    return sql.query<RunningTransaction>(
      'verify_in_progress',
      `SELECT pid, backend_xid::text AS xid FROM pg_stat_activity
        WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
      [],
    );
  }

  /** How many of these transactions are still running (the same session with the same transaction id). */
  async stillRunning(sql: SqlExecutor, running: readonly RunningTransaction[]): Promise<number> {
    const [row] = await sql.query<{ n: number }>(
      'verify_still_running',
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE (pid, backend_xid::text) IN (SELECT * FROM unnest($1::int[], $2::text[]))`,
      [running.map((r) => r.pid), running.map((r) => r.xid)],
    );
    return row.n;
  }

  async checkpoints(sql: SqlExecutor): Promise<StoredCheckpoint[]> {
    const rows = await sql.query<{
      asset_code: string;
      last_journal_id: string;
      last_entry_id: string;
      journals: string;
      entries: string;
      credits: string;
      debits: string;
      revision: string;
      verified_at: Date;
      failed_at: Date | null;
    }>(
      'verify_checkpoints',
      `SELECT asset_code, last_journal_id::text, last_entry_id::text, journals::text, entries::text,
              credits::text, debits::text, revision::text, verified_at, failed_at
         FROM ledger_verify_checkpoints`,
      [],
    );
    return rows.map((r) => ({
      assetCode: r.asset_code,
      lastJournalId: r.last_journal_id,
      lastEntryId: r.last_entry_id,
      journals: r.journals,
      entries: r.entries,
      credits: r.credits,
      debits: r.debits,
      revision: r.revision,
      verifiedAt: r.verified_at,
      failedAt: r.failed_at,
    }));
  }

  /** Every asset, with the sum and number of its account balances (one pass over accounts). */
  async assetTotals(sql: SqlExecutor): Promise<Array<{ assetCode: string; sum: string; accounts: number }>> {
    const rows = await sql.query<{ asset_code: string; sum: string; accounts: number }>(
      'verify_asset_totals',
      `SELECT s.code AS asset_code, coalesce(t.sum, 0)::text AS sum, coalesce(t.accounts, 0)::int AS accounts
         FROM assets s
         LEFT JOIN (SELECT asset_code, sum(balance) AS sum, count(*) AS accounts FROM accounts GROUP BY asset_code) t ON t.asset_code = s.code
        ORDER BY s.created_at, s.code`,
      [],
    );
    return rows.map((r) => ({ assetCode: r.asset_code, sum: r.sum, accounts: r.accounts }));
  }

  /**
   * Per asset of the scope, counts journals and entries above its `*From` ids, and those up to
   * `upTo` with the sums of their entries' credits and debits (for the next checkpoint).
   */
  async tally(sql: SqlExecutor, scope: VerifyScope, upTo: IdWatermark): Promise<AssetTally[]> {
    const rows = await sql.query<{
      asset_code: string;
      journals_seen: string;
      entries_seen: string;
      journals_up_to: string;
      entries_up_to: string;
      credits_up_to: string;
      debits_up_to: string;
    }>(
      'verify_tally',
      `WITH r AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(asset_code, journal_from, entry_from)),
       e AS (SELECT a.asset_code, count(*) AS seen,
                    count(*) FILTER (WHERE x.id <= $7) AS up_to,
                    coalesce(sum(x.amount) FILTER (WHERE x.id <= $7 AND x.amount > 0), 0) AS credits,
                    coalesce(sum(x.amount) FILTER (WHERE x.id <= $7 AND x.amount < 0), 0) AS debits
               FROM journal_entries x
               JOIN accounts a ON a.id = x.account_id
               JOIN r ON r.asset_code = a.asset_code
              WHERE x.id > $5 AND x.id > r.entry_from
              GROUP BY a.asset_code),
       j AS (SELECT j.asset_code, count(*) AS seen, count(*) FILTER (WHERE j.id <= $6) AS up_to
               FROM journal_transactions j
               JOIN r ON r.asset_code = j.asset_code
              WHERE j.id > $4 AND j.id > r.journal_from
              GROUP BY j.asset_code)
       SELECT r.asset_code,
              coalesce(j.seen, 0)::text AS journals_seen, coalesce(e.seen, 0)::text AS entries_seen,
              coalesce(j.up_to, 0)::text AS journals_up_to, coalesce(e.up_to, 0)::text AS entries_up_to,
              coalesce(e.credits, 0)::text AS credits_up_to, coalesce(e.debits, 0)::text AS debits_up_to
         FROM r LEFT JOIN e ON e.asset_code = r.asset_code LEFT JOIN j ON j.asset_code = r.asset_code`,
      [...scopeArrays(scope), lowest(scope, 'journalFrom'), lowest(scope, 'entryFrom'), upTo.journalId, upTo.entryId],
    );
    return rows.map((r) => ({
      assetCode: r.asset_code,
      journalsSeen: r.journals_seen,
      entriesSeen: r.entries_seen,
      journalsUpTo: r.journals_up_to,
      entriesUpTo: r.entries_up_to,
      creditsUpTo: r.credits_up_to,
      debitsUpTo: r.debits_up_to,
    }));
  }

  /**
   * Accounts whose balance is not the sum of their entries or not their last entry's balanceAfter,
   * and user accounts below zero. Every account is looked at: one index probe for its last entry,
   * and for an account with entries above the checkpoint one more for its last verified entry.
   * In a routine run the sum of entries is that verified balanceAfter plus the entries above; for an
   * account without new entries, its last entry is its last verified one.
   */
  async accountMismatches(sql: SqlExecutor, scope: VerifyScope) {
    return sql.query<{ id: string; asset_code: string; kind: string; balance: string; total: string; last: string | null }>(
      'verify_accounts',
      `WITH r AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(asset_code, journal_from, entry_from)),
       s AS (SELECT x.account_id, sum(x.amount) AS total
               FROM journal_entries x
               JOIN accounts a ON a.id = x.account_id
               JOIN r ON r.asset_code = a.asset_code
              WHERE x.id > $4 AND x.id > r.entry_from
              GROUP BY x.account_id)
       SELECT a.id::text AS id, a.asset_code, a.kind, a.balance::text AS balance, t.total::text AS total, l.balance_after::text AS last
         FROM accounts a
         JOIN r ON r.asset_code = a.asset_code
         LEFT JOIN s ON s.account_id = a.id
         LEFT JOIN LATERAL (SELECT p.balance_after FROM journal_entries p
                             WHERE p.account_id = a.id ORDER BY p.id DESC LIMIT 1) l ON true
         LEFT JOIN LATERAL (SELECT p.balance_after FROM journal_entries p
                             WHERE p.account_id = a.id AND p.id <= r.entry_from ORDER BY p.id DESC LIMIT 1) b
                ON r.entry_from > 0 AND s.account_id IS NOT NULL
         CROSS JOIN LATERAL (SELECT CASE WHEN r.entry_from > 0 AND s.account_id IS NULL THEN coalesce(l.balance_after, 0)
                                         ELSE coalesce(b.balance_after, 0) + coalesce(s.total, 0) END AS total) t
        WHERE a.balance <> t.total
           OR a.balance <> coalesce(l.balance_after, 0)
           OR (a.kind <> 'SYSTEM' AND a.balance < 0)
        ORDER BY a.id
        LIMIT $5`,
      [...scopeArrays(scope), lowest(scope, 'entryFrom'), MAX_LISTED * 3],
    );
  }

  /**
   * Entries above the scope whose balanceAfter is not the running sum of their account's entries,
   * starting from the balanceAfter of the account's last entry below them (verified earlier).
   */
  async runningBalanceMismatches(sql: SqlExecutor, scope: VerifyScope) {
    return sql.query<{ entry_id: string; account_id: string; asset_code: string; balance_after: string; expected: string }>(
      'verify_running_balances',
      `WITH r AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(asset_code, journal_from, entry_from)),
       n AS (SELECT x.id, x.account_id, x.amount, x.balance_after, a.asset_code
               FROM journal_entries x
               JOIN accounts a ON a.id = x.account_id
               JOIN r ON r.asset_code = a.asset_code
              WHERE x.id > $4 AND x.id > r.entry_from),
       anchors AS (SELECT f.account_id, p.balance_after
                     FROM (SELECT account_id, min(id) AS first_id FROM n GROUP BY account_id) f
                     JOIN LATERAL (SELECT p.balance_after FROM journal_entries p
                                    WHERE p.account_id = f.account_id AND p.id < f.first_id ORDER BY p.id DESC LIMIT 1) p ON true),
       checked AS (SELECT n.*, coalesce(an.balance_after, 0) + sum(n.amount) OVER (PARTITION BY n.account_id ORDER BY n.id) AS expected
                     FROM n LEFT JOIN anchors an ON an.account_id = n.account_id)
       SELECT id::text AS entry_id, account_id::text AS account_id, asset_code,
              balance_after::text AS balance_after, expected::text AS expected
         FROM checked WHERE balance_after <> expected
        ORDER BY id
        LIMIT $5`,
      [...scopeArrays(scope), lowest(scope, 'entryFrom'), MAX_LISTED],
    );
  }

  /**
   * Journals that do not sum to zero, have fewer than two entries or touch another asset's
   * accounts: in a full run every journal; in a routine run the journals above the scope and every
   * journal an entry above the scope belongs to (an entry added to an old journal included).
   */
  async journalMismatches(sql: SqlExecutor, scope: VerifyScope) {
    // The selected ids go in as an array: looked up one by one on the primary key (a join let the
    // planner merge-join them with the whole table, a cost that grew with the ledger).
    const selected = scope.full
      ? 'SELECT id, asset_code FROM journal_transactions WHERE id > $4 AND $5::bigint >= 0'
      : `SELECT id, asset_code FROM journal_transactions
          WHERE id = ANY (ARRAY(
                  SELECT j.id FROM journal_transactions j JOIN r ON r.asset_code = j.asset_code WHERE j.id > $4 AND j.id > r.journal_from
                  UNION
                  SELECT x.journal_id FROM journal_entries x JOIN accounts a ON a.id = x.account_id JOIN r ON r.asset_code = a.asset_code
                   WHERE x.id > $5 AND x.id > r.entry_from))`;
    return sql.query<{ id: string; asset_code: string; total: string; entries: number; foreign: number }>(
      'verify_journals',
      `WITH r AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS r(asset_code, journal_from, entry_from)),
       j AS (${selected})
       SELECT j.id::text AS id, j.asset_code, coalesce(sum(e.amount), 0)::text AS total, count(e.id)::int AS entries,
              count(*) FILTER (WHERE a.asset_code <> j.asset_code)::int AS foreign
         FROM j
         LEFT JOIN journal_entries e ON e.journal_id = j.id
         LEFT JOIN accounts a ON a.id = e.account_id
        GROUP BY j.id, j.asset_code
       HAVING coalesce(sum(e.amount), 0) <> 0 OR count(e.id) < 2 OR count(*) FILTER (WHERE a.asset_code <> j.asset_code) > 0
        ORDER BY j.id
        LIMIT $6`,
      [...scopeArrays(scope), lowest(scope, 'journalFrom'), lowest(scope, 'entryFrom'), MAX_LISTED],
    );
  }

  /**
   * What each asset's checkpoint covers today, recomputed from the start: journals up to its
   * journal id, entries up to its entry id and their sums (for a full run to compare).
   */
  async recountCheckpoints(sql: SqlExecutor, checkpoints: readonly StoredCheckpoint[]) {
    return sql.query<{ asset_code: string; journals: string; entries: string; credits: string; debits: string }>(
      'verify_recount_checkpoints',
      `WITH c AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS c(asset_code, journal_to, entry_to))
       SELECT c.asset_code, coalesce(j.journals, 0)::text AS journals,
              coalesce(e.entries, 0)::text AS entries, coalesce(e.credits, 0)::text AS credits, coalesce(e.debits, 0)::text AS debits
         FROM c
         LEFT JOIN (SELECT j.asset_code, count(*) AS journals
                      FROM journal_transactions j JOIN c ON c.asset_code = j.asset_code
                     WHERE j.id <= c.journal_to
                     GROUP BY j.asset_code) j ON j.asset_code = c.asset_code
         LEFT JOIN (SELECT a.asset_code, count(*) AS entries,
                           sum(x.amount) FILTER (WHERE x.amount > 0) AS credits, sum(x.amount) FILTER (WHERE x.amount < 0) AS debits
                      FROM journal_entries x
                      JOIN accounts a ON a.id = x.account_id
                      JOIN c ON c.asset_code = a.asset_code
                     WHERE x.id <= c.entry_to
                     GROUP BY a.asset_code) e ON e.asset_code = c.asset_code`,
      [checkpoints.map((c) => c.assetCode), checkpoints.map((c) => c.lastJournalId), checkpoints.map((c) => c.lastEntryId)],
    );
  }

  /**
   * Moves an asset's checkpoint, unless another verification moved or removed it since this one
   * read it (`expectedRevision`; null: there was none). Returns whether it was written.
   */
  async saveCheckpoint(
    sql: SqlExecutor,
    checkpoint: Omit<StoredCheckpoint, 'revision' | 'verifiedAt' | 'failedAt'>,
    expectedRevision: string | null,
  ): Promise<boolean> {
    const rows = await sql.query<{ asset_code: string }>(
      'verify_save_checkpoint',
      `INSERT INTO ledger_verify_checkpoints AS c (asset_code, last_journal_id, last_entry_id, journals, entries, credits, debits)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (asset_code) DO UPDATE
          SET last_journal_id = excluded.last_journal_id, last_entry_id = excluded.last_entry_id,
              journals = excluded.journals, entries = excluded.entries, credits = excluded.credits, debits = excluded.debits,
              revision = c.revision + 1, verified_at = now(), failed_at = NULL
        WHERE c.revision = $8::bigint
       RETURNING asset_code`,
      [
        checkpoint.assetCode,
        checkpoint.lastJournalId,
        checkpoint.lastEntryId,
        checkpoint.journals,
        checkpoint.entries,
        checkpoint.credits,
        checkpoint.debits,
        expectedRevision,
      ],
    );
    return rows.length === 1;
  }

  /**
   * Marks an asset's checkpoint as failed (a full run found a mismatch): routine runs recompute the
   * asset from the start until a full run passes. Kept, not deleted, so that what it recorded can
   * still be compared. Skipped if another verification moved it since it was read.
   */
  async markCheckpointFailed(sql: SqlExecutor, assetCode: string, expectedRevision: string): Promise<void> {
    await sql.query(
      'verify_fail_checkpoint',
      `UPDATE ledger_verify_checkpoints SET failed_at = now(), revision = revision + 1
        WHERE asset_code = $1 AND revision = $2::bigint`,
      [assetCode, expectedRevision],
    );
  }

  /**
   * Users whose held funds (HELD account) differ from the sum of their active holds, per asset of
   * the scope. Its cost follows the active holds and held accounts, not the ledger's size.
   */
  async heldFundsMismatches(sql: SqlExecutor, scope: VerifyScope) {
    return sql.query<{ user_id: string; asset_code: string; held: string; holds: string; account_id: string | null }>(
      'verify_held_funds',
      `WITH held AS (SELECT a.id, a.user_id, a.asset_code, a.balance FROM accounts a
                      WHERE a.kind = 'HELD' AND a.asset_code = ANY ($1::text[])),
            active AS (SELECT h.user_id, h.asset_code, sum(h.amount) AS amount FROM holds h
                        WHERE h.status = 'HELD' AND h.asset_code = ANY ($1::text[]) GROUP BY h.user_id, h.asset_code)
       SELECT coalesce(held.user_id, active.user_id)::text AS user_id, coalesce(held.asset_code, active.asset_code) AS asset_code,
              coalesce(held.balance, 0)::text AS held, coalesce(active.amount, 0)::text AS holds, held.id::text AS account_id
         FROM held FULL JOIN active ON active.user_id = held.user_id AND active.asset_code = held.asset_code
        WHERE coalesce(held.balance, 0) <> coalesce(active.amount, 0)
        ORDER BY 1, 2
        LIMIT $2`,
      [scope.assets.map((a) => a.assetCode), MAX_LISTED],
    );
  }
}

function scopeArrays(scope: VerifyScope): [string[], string[], string[]] {
  return [scope.assets.map((a) => a.assetCode), scope.assets.map((a) => a.journalFrom), scope.assets.map((a) => a.entryFrom)];
}

/** The lowest id of the scope, as a plain parameter: it bounds the primary-key range scan. */
function lowest(scope: VerifyScope, field: 'journalFrom' | 'entryFrom'): string {
  if (scope.assets.length === 0) return NO_LIMIT;
  return scope.assets
    .map((a) => BigInt(a[field]))
    .reduce((min, v) => (v < min ? v : min))
    .toString();
}
