import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access control: API keys, and the credential that made every journal transaction.
 *
 * - `api_keys`: a key is stored as a keyed SHA-256 (HMAC) of its secret, never the secret itself;
 *   `secret_hint` keeps only the last characters, to tell keys apart in a list. A revoked key keeps
 *   its row (`revoked_at`) so that the transactions it made stay attributable.
 * - `journal_transactions.created_by`: the API key's id, `master`, or `system` (writes the service
 *   starts itself). Journals written before this migration were made without credentials and read
 *   `anonymous`; the default is dropped at once, so every new journal must name its author. Adding
 *   a column with a constant default rewrites nothing and fires no row trigger (the table stays
 *   append-only).
 */
export class AccessControl1764000000002 implements MigrationInterface {
  name = 'AccessControl1764000000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name                   text NOT NULL CONSTRAINT api_keys_name_length CHECK (length(name) BETWEEN 1 AND 100),
        scopes                 text[] NOT NULL CONSTRAINT api_keys_scopes_present CHECK (cardinality(scopes) BETWEEN 1 AND 64),
        secret_hash            bytea NOT NULL CONSTRAINT api_keys_secret_hash_length CHECK (length(secret_hash) = 32),
        secret_hint            text NOT NULL CONSTRAINT api_keys_secret_hint_length CHECK (length(secret_hint) <= 16),
        rate_limit_per_second  integer CONSTRAINT api_keys_rate_limit_range CHECK (rate_limit_per_second BETWEEN 0 AND 1000000),
        created_by             text NOT NULL CONSTRAINT api_keys_created_by_length CHECK (length(created_by) BETWEEN 1 AND 64),
        created_at             timestamptz NOT NULL DEFAULT now(),
        expires_at             timestamptz,
        revoked_at             timestamptz,
        last_used_at           timestamptz,
        CONSTRAINT api_keys_secret_hash_key UNIQUE (secret_hash)
      )`);
    await queryRunner.query(
      `ALTER TABLE journal_transactions ADD COLUMN created_by text NOT NULL DEFAULT 'anonymous'
         CONSTRAINT journal_created_by_length CHECK (length(created_by) BETWEEN 1 AND 64)`,
    );
    await queryRunner.query(`ALTER TABLE journal_transactions ALTER COLUMN created_by DROP DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE journal_transactions DROP COLUMN created_by`);
    await queryRunner.query(`DROP TABLE IF EXISTS api_keys`);
  }
}
