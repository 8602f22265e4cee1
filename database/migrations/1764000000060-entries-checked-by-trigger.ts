import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every entry's journal and account, and every journal's asset, checked once per statement instead
 * of per row.
 *
 * The balanced-journal trigger already looked up each new entry's account and journal by primary
 * key (to compare their assets), and the two foreign keys of journal_entries looked them up again,
 * per row, each with a `FOR KEY SHARE` row lock — on a journal inserted by the same statement that
 * lock is one more WAL record per journal. Together they were a fifth of the batch write's time in
 * PostgreSQL. The trigger now refuses an entry whose journal or account does not exist (before, a
 * missing account and a missing journal compared as the same asset and left that to the foreign
 * keys), and the foreign keys go.
 *
 * The journal's asset likewise: its foreign key took a `FOR KEY SHARE` lock on the asset's row for
 * every journal — one hot row per asset, locked by every write in it; a statement trigger on
 * journal_transactions now looks the batch's assets up once.
 *
 * What the foreign keys also guarded, a referenced row being deleted, stays guarded: journals are
 * append-only (no UPDATE, DELETE or TRUNCATE: triggers of the initial schema), and accounts and
 * assets now refuse DELETE and TRUNCATE the same way (an account with entries, or an asset with
 * journals, was never deletable; one without is part of the ledger all the same). The runtime role
 * holds neither privilege anyway.
 */
export class EntriesCheckedByTrigger1764000000060 implements MigrationInterface {
  name = 'EntriesCheckedByTrigger1764000000060';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION ledger_check_journals_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bad record;
      BEGIN
        SELECT t.journal_id, t.total, t.entries, t.known, t.same_asset INTO bad
          FROM (SELECT n.journal_id, sum(n.amount) AS total, count(*) AS entries,
                       bool_and(x.account_asset IS NOT NULL AND x.journal_asset IS NOT NULL) AS known,
                       bool_and(x.account_asset = x.journal_asset) AS same_asset
                  FROM new_entries n
                 CROSS JOIN LATERAL (
                       SELECT (SELECT a.asset_code FROM accounts a WHERE a.id = n.account_id) AS account_asset,
                              (SELECT j.asset_code FROM journal_transactions j WHERE j.id = n.journal_id) AS journal_asset) x
                 GROUP BY n.journal_id) t
         WHERE t.total <> 0 OR t.entries < 2 OR NOT t.known OR NOT t.same_asset
         LIMIT 1;
        IF FOUND AND NOT bad.known THEN
          RAISE EXCEPTION 'entries of journal % name a journal or an account that does not exist', bad.journal_id
            USING ERRCODE = 'foreign_key_violation';
        ELSIF FOUND THEN
          RAISE EXCEPTION 'journal % is unbalanced (sum %, % entries, single asset: %)',
            bad.journal_id, bad.total, bad.entries, bad.same_asset
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_journal_id_fkey`);
    await queryRunner.query(`ALTER TABLE journal_entries DROP CONSTRAINT journal_entries_account_id_fkey`);
    await queryRunner.query(`
      CREATE TRIGGER accounts_no_delete BEFORE DELETE OR TRUNCATE ON accounts
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`);

    await queryRunner.query(`
      CREATE FUNCTION ledger_check_journal_assets() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bad record;
      BEGIN
        SELECT n.id, n.asset_code INTO bad
          FROM new_journals n
         WHERE NOT EXISTS (SELECT 1 FROM assets a WHERE a.code = n.asset_code)
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'journal % names asset %, which does not exist', bad.id, bad.asset_code
            USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER journal_transactions_known_asset AFTER INSERT ON journal_transactions
      REFERENCING NEW TABLE AS new_journals
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_journal_assets()`);
    await queryRunner.query(`ALTER TABLE journal_transactions DROP CONSTRAINT journal_transactions_asset_code_fkey`);
    await queryRunner.query(`
      CREATE TRIGGER assets_no_delete BEFORE DELETE OR TRUNCATE ON assets
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS assets_no_delete ON assets`);
    await queryRunner.query(
      `ALTER TABLE journal_transactions ADD CONSTRAINT journal_transactions_asset_code_fkey FOREIGN KEY (asset_code) REFERENCES assets (code)`,
    );
    await queryRunner.query(`DROP TRIGGER IF EXISTS journal_transactions_known_asset ON journal_transactions`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_check_journal_assets()`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS accounts_no_delete ON accounts`);
    await queryRunner.query(
      `ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id)`,
    );
    await queryRunner.query(
      `ALTER TABLE journal_entries ADD CONSTRAINT journal_entries_journal_id_fkey FOREIGN KEY (journal_id) REFERENCES journal_transactions (id)`,
    );
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION ledger_check_journals_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bad record;
      BEGIN
        SELECT t.journal_id, t.total, t.entries, t.same_asset INTO bad
          FROM (SELECT n.journal_id, sum(n.amount) AS total, count(*) AS entries,
                       bool_and((SELECT a.asset_code FROM accounts a WHERE a.id = n.account_id)
                                IS NOT DISTINCT FROM
                                (SELECT j.asset_code FROM journal_transactions j WHERE j.id = n.journal_id)) AS same_asset
                  FROM new_entries n
                 GROUP BY n.journal_id) t
         WHERE t.total <> 0 OR t.entries < 2 OR NOT t.same_asset
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'journal % is unbalanced (sum %, % entries, single asset: %)',
            bad.journal_id, bad.total, bad.entries, bad.same_asset
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
  }
}
