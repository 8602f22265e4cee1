import { Injectable } from '@nestjs/common';
import { SqlExecutor } from '@app/common';
import type { LockedAccount } from './domain/posting-engine';
import type { TransactionType } from './domain/posting';
import { PLACEHOLDER_NOW } from './posting/batch-placeholders';

export interface JournalInsert {
  /** Drawn beforehand with {@link LedgerRepository.allocateJournals}. */
  readonly id: string;
  readonly createdAt: Date;
  readonly type: TransactionType;
  readonly assetCode: string;
  readonly userId: string;
  readonly toUserId: string | null;
  readonly refundOf: string | null;
  readonly amount: bigint;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
  readonly createdBy: string;
  /** Debit then credit; entry ids are drawn in this order. */
  readonly entries: ReadonlyArray<{ readonly accountId: string; readonly amount: bigint; readonly balanceAfter: bigint }>;
}

export interface JournalAllocation {
  /** Journal ids for the batch (unused ones are simply gaps). */
  readonly ids: readonly string[];
  /** The transaction's timestamp, the journals' createdAt. */
  readonly now: Date;
}

/**
 * The write path's SQL. Every method takes the batch transaction explicitly (a repository that ran
 * on its own connection would run outside the transaction, silently) and sends its statement at
 * once, returning the answer as a promise, so the ledger service can pipeline them.
 */
@Injectable()
export class LedgerRepository {
  /**
   * Locks the account rows in one statement on the bare table (no joins, which would make
   * PostgreSQL refuse FOR UPDATE or lock other rows), in the ledger's one lock order: user
   * accounts by ascending id, then system accounts by ascending id. Every transaction uses this
   * order, so none can deadlock with another; and the hot system rows (the treasury) are taken
   * last, so a batch waiting for a contended user row does not hold the treasury meanwhile. (A
   * user's held funds count as a user account.)
   */
  async lockAccounts(tx: SqlExecutor, ids: readonly string[]): Promise<Map<string, LockedAccount>> {
    const rows = await tx.query<{ id: string; kind: 'USER' | 'HELD' | 'SYSTEM'; balance: string }>(
      'ledger_lock_accounts',
      `SELECT id::text AS id, kind, balance::text AS balance FROM accounts
        WHERE id = ANY ($1::bigint[]) ORDER BY kind = 'SYSTEM', id FOR UPDATE`,
      [ids],
    );
    if (rows.length !== ids.length) {
      throw new Error(`locked ${rows.length} of ${ids.length} accounts`);
    }
    return new Map(rows.map((r) => [r.id, { id: r.id, kind: r.kind, balance: BigInt(r.balance) }]));
  }

  /**
   * Draws `count` journal ids and reads the transaction's timestamp, so responses can be rendered
   * before the write. Sent after {@link lockAccounts} in the same flight, so both are taken with
   * every account of the batch locked: `clock_timestamp()`, not `now()` (the transaction's start,
   * before any lock wait), so that within an account timestamps never decrease in the order the
   * postings were applied — what balances at a point in time read (BalancesAsOfRepository).
   */
  async allocateJournals(tx: SqlExecutor, count: number): Promise<JournalAllocation> {
    const [row] = await tx.query<{ ids: string[]; now: Date }>(
      'ledger_allocate_journals',
      `SELECT clock_timestamp() AS now, ARRAY(SELECT nextval('journal_transactions_id_seq')::text FROM generate_series(1, $1)) AS ids`,
      [count],
    );
    return { ids: row.ids, now: row.now };
  }

  /**
   * The same for a single-flight batch, whose later statements are already on their way: the ids
   * and the timestamp (to the millisecond, as ISO 8601) also go into two transaction-local settings
   * that `ledger_batch_ids()` and `ledger_batch_now()` read (migration 1764000000080), so the
   * batch's placeholders become these values in the database; the caller substitutes `nowIso` in
   * what it sends.
   */
  async allocateJournalsForFlight(tx: SqlExecutor, count: number): Promise<JournalAllocation & { nowIso: string }> {
    const [row] = await tx.query<{ ids: string[]; now_iso: string }>(
      'ledger_allocate_journals_for_flight',
      `SELECT ids::text[] AS ids, now_iso,
              set_config('dino.batch_journal_ids', ids::text, true), set_config('dino.batch_now', now_iso, true)
         FROM (SELECT ARRAY(SELECT nextval('journal_transactions_id_seq') FROM generate_series(1, $1)) AS ids,
                      to_char(date_trunc('milliseconds', clock_timestamp()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS now_iso) d`,
      [count],
    );
    return { ids: row.ids, now: new Date(row.now_iso), nowIso: row.now_iso };
  }

  /**
   * Which of these user accounts another session holds right now (a probe after a lock timeout):
   * SKIP LOCKED returns the rows it could lock, in a statement of its own that keeps no lock.
   */
  async heldElsewhere(executor: SqlExecutor, ids: readonly string[]): Promise<Set<string>> {
    const held = await executor.query<{ id: string }>(
      'ledger_held_elsewhere',
      `WITH users AS (SELECT id FROM accounts WHERE id = ANY ($1::bigint[]) AND kind = 'USER'),
            free AS (SELECT id FROM accounts WHERE id IN (SELECT id FROM users) FOR UPDATE SKIP LOCKED)
       SELECT id::text AS id FROM users WHERE id NOT IN (SELECT id FROM free)`,
      [ids],
    );
    return new Set(held.map((r) => r.id));
  }

  /**
   * Writes a batch in one statement: the journal rows, their entries (in order, so that ids follow
   * the order the postings were applied) and the accounts' new balances — each account's only if
   * its balance is still `expected[id]`, the one the batch was decided from (else the statement
   * fails with SQLSTATE DW001, `ledger_stale_balance`). Placeholder journal ids and timestamps (a
   * single-flight batch, see batch-placeholders.ts) become the transaction's. The database checks that
   * every journal balances and its entries point at real journals and accounts, that every
   * journal's asset exists (statement triggers) and that user balances stay >= 0 (CHECK). (`a.id =
   * ANY` beside the join keeps the update on the primary key whatever the planner's statistics say.)
   *
   * Journals and entries travel as two JSON documents (`json_to_recordset`), not as one array
   * parameter per column: node-postgres builds array literals by escaping every element with two
   * regular expressions and string concatenation, which was a tenth of this service's allocations;
   * `JSON.stringify` does the same work natively, and the metadata objects go in as they are.
   */
  async insertJournals(
    tx: SqlExecutor,
    journals: readonly JournalInsert[],
    balances: ReadonlyMap<string, bigint>,
    expected: ReadonlyMap<string, bigint>,
  ): Promise<void> {
    if (journals.length === 0) return;
    const journalRows = journals.map((j) => ({
      id: j.id,
      type: j.type,
      asset_code: j.assetCode,
      user_id: j.userId,
      to_user_id: j.toUserId,
      amount: j.amount.toString(),
      description: j.description,
      metadata: j.metadata,
      idempotency_key: j.idempotencyKey,
      created_at: j.createdAt === PLACEHOLDER_NOW ? null : j.createdAt,
      created_by: j.createdBy,
      refund_of: j.refundOf,
    }));
    const entryRows = journals.flatMap((j) =>
      j.entries.map((e) => ({
        journal_id: j.id,
        account_id: e.accountId,
        type: j.type,
        amount: e.amount.toString(),
        balance_after: e.balanceAfter.toString(),
      })),
    );
    await tx.query(
      'ledger_insert_journals',
      `WITH journals AS (
         INSERT INTO journal_transactions (id, type, asset_code, user_id, to_user_id, amount, description, metadata, idempotency_key, created_at, created_by, refund_of)
         SELECT ledger_batch_journal_id(id, (SELECT ledger_batch_ids())), type, asset_code, user_id, to_user_id, amount, description,
                metadata, idempotency_key, coalesce(created_at, (SELECT ledger_batch_now()::timestamptz)), created_by, refund_of
           FROM json_to_recordset($1::json) AS j(id bigint, type text, asset_code text, user_id uuid, to_user_id uuid, amount bigint,
                description text, metadata jsonb, idempotency_key text, created_at timestamptz, created_by text, refund_of bigint)),
       entries AS (
         INSERT INTO journal_entries (journal_id, account_id, type, amount, balance_after)
         SELECT ledger_batch_journal_id(journal_id, (SELECT ledger_batch_ids())), account_id, type, amount, balance_after
           FROM ROWS FROM (json_to_recordset($2::json) AS (journal_id bigint, account_id bigint, type text, amount bigint, balance_after bigint))
                WITH ORDINALITY AS e(journal_id, account_id, type, amount, balance_after, position)
          ORDER BY position)
       UPDATE accounts a
          SET balance = CASE WHEN a.balance = b.expected THEN b.balance ELSE ledger_stale_balance(a.id, a.balance, b.expected) END
         FROM unnest($3::bigint[], $4::bigint[], $5::bigint[]) AS b(id, balance, expected)
        WHERE a.id = b.id AND a.id = ANY ($3::bigint[])`,
      [
        JSON.stringify(journalRows),
        JSON.stringify(entryRows),
        [...balances.keys()],
        [...balances.values()].map((b) => b.toString()),
        [...balances.keys()].map((id) => mustExpect(expected, id)),
      ],
    );
  }
}

function mustExpect(expected: ReadonlyMap<string, bigint>, id: string): string {
  const balance = expected.get(id);
  if (balance === undefined) throw new Error(`no expected balance for account ${id}`);
  return balance.toString();
}
