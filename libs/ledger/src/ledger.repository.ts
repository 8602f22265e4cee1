import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { LockedAccount } from './domain/posting-engine';
import type { TransactionType } from './domain/posting';

export interface JournalInsert {
  readonly type: TransactionType;
  readonly assetCode: string;
  readonly userId: string;
  readonly toUserId: string | null;
  readonly amount: bigint;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
  /** Debit then credit; entry ids are drawn in this order. */
  readonly entries: ReadonlyArray<{ readonly accountId: string; readonly amount: bigint; readonly balanceAfter: bigint }>;
}

export interface InsertedJournal {
  readonly id: string;
  readonly createdAt: Date;
}

/**
 * The write path's SQL. Every method takes the batch transaction's EntityManager: a repository
 * injected on its own would run outside the transaction, silently.
 */
@Injectable()
export class LedgerRepository {
  /**
   * Locks the account rows in one statement on the bare table (no joins, which would make
   * PostgreSQL refuse FOR UPDATE or lock other rows), in the ledger's one lock order: user
   * accounts by ascending id, then system accounts by ascending id. Every transaction uses this
   * order, so none can deadlock with another; and the hot system rows (the treasury) are taken
   * last, so a batch waiting for a contended user row does not hold the treasury meanwhile.
   */
  async lockAccounts(manager: EntityManager, ids: readonly string[]): Promise<Map<string, LockedAccount>> {
    const rows: Array<{ id: string; kind: 'USER' | 'SYSTEM'; balance: string }> = await manager.query(
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
   * Which of these user accounts another session holds right now (a probe after a lock timeout):
   * SKIP LOCKED returns the rows it could lock, in a statement of its own that keeps no lock.
   */
  async heldElsewhere(manager: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const held: Array<{ id: string }> = await manager.query(
      `WITH users AS (SELECT id FROM accounts WHERE id = ANY ($1::bigint[]) AND kind = 'USER'),
            free AS (SELECT id FROM accounts WHERE id IN (SELECT id FROM users) FOR UPDATE SKIP LOCKED)
       SELECT id::text AS id FROM users WHERE id NOT IN (SELECT id FROM free)`,
      [ids],
    );
    return new Set(held.map((r) => r.id));
  }

  /**
   * Writes a batch in one statement: the journal rows, their entries (in order, so that ids follow
   * the order the postings were applied) and the accounts' new balances. The database checks that
   * every journal balances (statement trigger), that user balances stay >= 0 (CHECK) and that
   * entries point at real journals and accounts (foreign keys).
   * @returns the id and timestamp of each journal, in input order.
   */
  async insertJournals(
    manager: EntityManager,
    journals: readonly JournalInsert[],
    balances: ReadonlyMap<string, bigint>,
  ): Promise<InsertedJournal[]> {
    if (journals.length === 0) return [];
    const entryRows = journals.flatMap((j, ord) => j.entries.map((e) => ({ ord, ...e, type: j.type })));
    const rows: Array<{ ord: number; id: string; created_at: Date }> = await manager.query(
      `WITH input AS (
         SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::bigint[], $7::text[], $8::jsonb[], $9::text[])
           AS t(ord, type, asset_code, user_id, to_user_id, amount, description, metadata, idempotency_key)),
       journals AS (
         INSERT INTO journal_transactions (type, asset_code, user_id, to_user_id, amount, description, metadata, idempotency_key)
         SELECT type, asset_code, user_id, to_user_id, amount, description, metadata, idempotency_key FROM input ORDER BY ord
         RETURNING id, user_id, idempotency_key, created_at),
       numbered AS (
         SELECT i.ord, j.id, j.created_at FROM journals j
           JOIN input i ON i.user_id = j.user_id AND i.idempotency_key = j.idempotency_key),
       entries AS (
         INSERT INTO journal_entries (journal_id, account_id, type, amount, balance_after)
         SELECT n.id, e.account_id, e.type, e.amount, e.balance_after
           FROM unnest($10::int[], $11::bigint[], $12::text[], $13::bigint[], $14::bigint[])
                WITH ORDINALITY AS e(ord, account_id, type, amount, balance_after, position)
           JOIN numbered n ON n.ord = e.ord
          ORDER BY e.position),
       balances AS (
         UPDATE accounts a SET balance = b.balance
           FROM unnest($15::bigint[], $16::bigint[]) AS b(id, balance)
          WHERE a.id = b.id)
       SELECT ord, id::text AS id, created_at FROM numbered`,
      [
        journals.map((_, i) => i),
        journals.map((j) => j.type),
        journals.map((j) => j.assetCode),
        journals.map((j) => j.userId),
        journals.map((j) => j.toUserId),
        journals.map((j) => j.amount.toString()),
        journals.map((j) => j.description),
        journals.map((j) => JSON.stringify(j.metadata)),
        journals.map((j) => j.idempotencyKey),
        entryRows.map((e) => e.ord),
        entryRows.map((e) => e.accountId),
        entryRows.map((e) => e.type),
        entryRows.map((e) => e.amount.toString()),
        entryRows.map((e) => e.balanceAfter.toString()),
        [...balances.keys()],
        [...balances.values()].map((b) => b.toString()),
      ],
    );
    const inserted: Array<InsertedJournal | undefined> = Array.from({ length: journals.length }, () => undefined);
    for (const r of rows) inserted[r.ord] = { id: r.id, createdAt: r.created_at };
    return inserted.map((journal, ord) => {
      if (!journal) throw new Error(`journal ${ord} of the batch was not inserted`);
      return journal;
    });
  }
}
