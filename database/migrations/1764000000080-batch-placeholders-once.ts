import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A single-flight batch's placeholders resolved from settings read once per statement, not once
 * per row (migration 1764000000070 made the per-row versions).
 *
 * `ledger_batch_journal_id(id)` read `dino.batch_journal_ids` and parsed the whole array of the
 * batch's ids for every placeholder it resolved — about five per write (the journal, its two
 * entries, the record's id and its body), ~2.5 µs each, 6 % of PostgreSQL's CPU per write. The
 * statements now read the settings in uncorrelated subqueries (`(SELECT ledger_batch_ids())`,
 * evaluated once per execution) and pass them to these two pure functions:
 *
 * - `ledger_batch_ids()`: the ids the transaction drew, in slot order (NULL when none were);
 *   `ledger_batch_now()`: its timestamp as ISO 8601 text (NULL likewise).
 * - `ledger_batch_journal_id(id, ids)`: a journal id as sent; a placeholder (at or below -9e18,
 *   slot k being -9e18 - k) is the k-th of `ids`, any other id is itself.
 * - `ledger_batch_body(body, journal_id, ids, now)`: a stored response with the quoted placeholder
 *   id and instant replaced by the real ones; any other body is itself.
 *
 * Both are inlined into the statements that call them (a SQL function is inlined only when its
 * body is no more volatile than it is declared: hence the explicit `::text` casts — `bigint || text`
 * is only STABLE).
 *
 * The per-row functions of 1764000000070 stay: a replica of the previous release still calls them
 * while a rolling deployment replaces it.
 */
export class BatchPlaceholdersOnce1764000000080 implements MigrationInterface {
  name = 'BatchPlaceholdersOnce1764000000080';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION ledger_batch_ids() RETURNS bigint[] LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('dino.batch_journal_ids', true), '')::bigint[]
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION ledger_batch_now() RETURNS text LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('dino.batch_now', true), '')
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION ledger_batch_journal_id(id bigint, ids bigint[]) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN id IS NULL OR id > -9000000000000000000 THEN id
                    ELSE ids[(-9000000000000000000 - id + 1)::int] END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION ledger_batch_body(body text, journal_id bigint, ids bigint[], now text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN journal_id IS NULL OR journal_id > -9000000000000000000 THEN body
                    ELSE replace(replace(body, '"' || journal_id::text || '"', '"' || ids[(-9000000000000000000 - journal_id + 1)::int]::text || '"'),
                                 '"2999-12-31T23:59:59.999Z"', '"' || now || '"') END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_batch_body(text, bigint, bigint[], text)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_batch_journal_id(bigint, bigint[])`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_batch_now()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_batch_ids()`);
  }
}
