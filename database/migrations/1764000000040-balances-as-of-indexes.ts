import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The two indexes behind `GET /v1/users/{userId}/balances?asOf=…` (BalancesAsOfRepository), so a
 * balance at a point in time costs a few index probes per account whatever the ledger's size:
 *
 * - `journal_transactions (created_at, id)`: the last journal stamped at or before `asOf`, in one
 *   probe — a journal id that splits every account's entries at `asOf` (up to the few journals
 *   whose ids and timestamps were drawn concurrently, which the read steps over).
 * - `journal_entries (account_id, journal_id)`: an account's entries around that journal id, in one
 *   probe each way. (Within an account, journal ids, entry ids and timestamps all increase in the
 *   order the postings were applied: all three are drawn while the account row is locked.)
 *
 * Plain CREATE INDEX, inside the migration's transaction, not CONCURRENTLY: CONCURRENTLY cannot run
 * in a transaction, and the set-up runs every migration in one transaction behind a
 * transaction-mode pooler (TypeORM then refuses a migration with `transaction = false`:
 * ForbiddenTransactionModeOverrideError); on a direct connection it would also wait for every
 * transaction with an older snapshot — a replica waiting for the set-up's advisory lock included,
 * which waits for it in turn. A plain build is atomic (no INVALID index left behind by a failure)
 * but holds off writes to the two tables while it runs (≈ 1 s per million entries on the
 * development machine). On a large live ledger an operator builds both first, by hand, without
 * stopping writes:
 *
 *   CREATE INDEX CONCURRENTLY IF NOT EXISTS journal_transactions_created_at_idx ON journal_transactions (created_at, id);
 *   CREATE INDEX CONCURRENTLY IF NOT EXISTS journal_entries_account_journal_idx ON journal_entries (account_id, journal_id);
 *
 * and this migration then finds them and builds nothing (an INVALID leftover of a failed
 * CONCURRENTLY build is dropped and built again).
 */
export class BalancesAsOfIndexes1764000000040 implements MigrationInterface {
  name = 'BalancesAsOfIndexes1764000000040';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, definition] of INDEXES) {
      const [existing] = (await queryRunner.query(
        `SELECT i.indisvalid AS valid FROM pg_index i WHERE i.indexrelid = to_regclass($1)`,
        [name],
      )) as Array<{ valid: boolean }>;
      if (existing && !existing.valid) await queryRunner.query(`DROP INDEX ${name}`);
      await queryRunner.query(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await queryRunner.query(`DROP INDEX IF EXISTS ${name}`);
  }
}

const INDEXES: ReadonlyArray<readonly [string, string]> = [
  ['journal_transactions_created_at_idx', 'journal_transactions (created_at, id)'],
  ['journal_entries_account_journal_idx', 'journal_entries (account_id, journal_id)'],
];
