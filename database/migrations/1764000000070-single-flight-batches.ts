import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What lets the ledger write a batch in one round trip (PostingUnit's single flight): the batch is
 * decided from the balances this process committed last, and everything that only the database
 * knows in the transaction — the journal ids it draws and its clock, both taken after the account
 * locks — reaches the later statements of the same flight through two transaction-local settings.
 *
 * - `ledger_batch_journal_id(id)`: a journal id as sent. Ids at or below -9e18 are placeholders (the
 *   batch's slot k is -9e18 - k, see libs/ledger/src/posting/batch-placeholders.ts) and stand for
 *   the k-th id drawn by the transaction (`dino.batch_journal_ids`); any other id is itself.
 * - `ledger_batch_body(body, journal_id)`: a stored response rendered with placeholders gets the
 *   real id and timestamp (`dino.batch_now`, ISO 8601 with milliseconds) in place of the quoted
 *   placeholder id and placeholder instant; any other body is itself. The service puts the same
 *   two strings into the response it sends, so the stored answer replays byte for byte.
 * - `ledger_stale_balance(account, found, expected)`: raised by the batch's balance update when a
 *   locked account's balance is not the one the batch was decided from (another process wrote it):
 *   the whole transaction rolls back (SQLSTATE DW001) and the batch runs again the two-flight way.
 */
export class SingleFlightBatches1764000000070 implements MigrationInterface {
  name = 'SingleFlightBatches1764000000070';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION ledger_batch_journal_id(id bigint) RETURNS bigint LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN id IS NULL OR id > -9000000000000000000 THEN id
                    ELSE (nullif(current_setting('dino.batch_journal_ids', true), '')::bigint[])[(-9000000000000000000 - id + 1)::int] END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION ledger_batch_body(body text, journal_id bigint) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN journal_id IS NULL OR journal_id > -9000000000000000000 THEN body
                    ELSE replace(replace(body, '"' || journal_id || '"', '"' || ledger_batch_journal_id(journal_id) || '"'),
                                 '"2999-12-31T23:59:59.999Z"', '"' || nullif(current_setting('dino.batch_now', true), '') || '"') END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION ledger_stale_balance(account bigint, found bigint, expected bigint) RETURNS bigint LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'account % has balance %, the batch was decided from %', account, found, expected
          USING ERRCODE = 'DW001';
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_stale_balance(bigint, bigint, bigint)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_batch_body(text, bigint)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_batch_journal_id(bigint)`);
  }
}
