import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The balanced-journal check, rewritten to cost the same on a ledger of any size.
 *
 * The first version joined the statement's new entries to journal_entries and
 * journal_transactions and let the planner choose: on a database whose statistics were never
 * gathered (autovacuum off) it scanned the whole journal for every batch. This version reads only
 * the statement's own rows and looks each entry's account and journal up by primary key. Its rule
 * is per statement: every INSERT into journal_entries must add, for each journal it touches,
 * entries that sum to zero — at least two, in the journal's asset. Every journal's total therefore
 * stays zero whatever the statements (the service writes all of a journal's entries in one).
 */
export class JournalCheckByKey1764000000001 implements MigrationInterface {
  name = 'JournalCheckByKey1764000000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
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

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION ledger_check_journals_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bad record;
      BEGIN
        SELECT e.journal_id, sum(e.amount) AS total, count(*) AS entries,
               bool_and(a.asset_code = j.asset_code) AS same_asset
          INTO bad
          FROM journal_entries e
          JOIN accounts a ON a.id = e.account_id
          JOIN journal_transactions j ON j.id = e.journal_id
         WHERE e.journal_id IN (SELECT DISTINCT journal_id FROM new_entries)
         GROUP BY e.journal_id
        HAVING sum(e.amount) <> 0 OR count(*) < 2 OR NOT bool_and(a.asset_code = j.asset_code)
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
