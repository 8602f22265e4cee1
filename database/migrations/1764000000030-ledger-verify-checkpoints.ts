import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verified checkpoints of the ledger, one per asset, so that a routine verification checks only
 * what was posted since (see LedgerVerifyService).
 *
 * A row says: every journal of the asset with an id up to `last_journal_id` and every entry of its
 * accounts with an id up to `last_entry_id` was verified, and at that point there were `journals`
 * journals and `entries` entries whose positive amounts summed to `credits` and negative ones to
 * `debits`. Only the verification writes it, and only after a run without mismatches; a full run
 * recomputes the same tallies and reports any difference (a change made behind the checkpoint).
 *
 * The table guards its own consistency: the tallies are never negative, the sums balance (a
 * checkpoint of an unbalanced ledger cannot be written), and `revision` grows by one on every
 * update so that two verifications in different processes cannot overwrite each other unseen.
 * A full run that finds a mismatch in an asset sets `failed_at` and keeps the row: routine runs then
 * recompute that asset from its first entry (and compare this row) until a full run passes again,
 * so a problem found once is reported by every later run. A change behind the checkpoint
 * (CHECKPOINT_DIVERGED) is reported until an operator, having investigated, deletes the row.
 */
export class LedgerVerifyCheckpoints1764000000030 implements MigrationInterface {
  name = 'LedgerVerifyCheckpoints1764000000030';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger_verify_checkpoints (
        asset_code       text PRIMARY KEY REFERENCES assets (code),
        last_journal_id  bigint NOT NULL CONSTRAINT checkpoint_journal_id_valid CHECK (last_journal_id >= 0),
        last_entry_id    bigint NOT NULL CONSTRAINT checkpoint_entry_id_valid CHECK (last_entry_id >= 0),
        journals         bigint NOT NULL CONSTRAINT checkpoint_journals_valid CHECK (journals >= 0),
        entries          bigint NOT NULL CONSTRAINT checkpoint_entries_valid CHECK (entries >= 0),
        credits          numeric(40, 0) NOT NULL CONSTRAINT checkpoint_credits_valid CHECK (credits >= 0),
        debits           numeric(40, 0) NOT NULL CONSTRAINT checkpoint_debits_valid CHECK (debits <= 0),
        revision         bigint NOT NULL DEFAULT 1,
        verified_at      timestamptz NOT NULL DEFAULT now(),
        failed_at        timestamptz,
        CONSTRAINT checkpoint_balanced CHECK (credits + debits = 0)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION ledger_checkpoint_revision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.revision <> OLD.revision + 1 THEN
          RAISE EXCEPTION 'a checkpoint update must advance its revision by one (% to %)', OLD.revision, NEW.revision
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER ledger_verify_checkpoints_revision BEFORE UPDATE ON ledger_verify_checkpoints
      FOR EACH ROW EXECUTE FUNCTION ledger_checkpoint_revision()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ledger_verify_checkpoints`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_checkpoint_revision()`);
  }
}
