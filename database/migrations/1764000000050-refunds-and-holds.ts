import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refunds, holds and per-user daily transfer limits, with the guards the database keeps itself:
 *
 * - `journal_transactions` gains the types REFUND, HOLD, HOLD_CAPTURE and HOLD_RELEASE and
 *   `refund_of` (the refunded transaction; present exactly on refunds). A statement trigger refuses
 *   an INSERT that makes the refunds of a transaction add up to more than its amount, or that
 *   refunds a refund or a hold movement — whatever the service believed when it posted.
 * - `accounts` gains the kind HELD: per user and asset, the funds reserved by active holds. Like a
 *   user account it can never go below zero.
 * - `holds`: one row per authorization. Its status moves once, from HELD to CAPTURED, VOIDED or
 *   EXPIRED (a trigger refuses any other change), and `captured_amount` stays within `amount`.
 * - `transfer_daily_outflows`: what each user sent per asset and UTC day, kept by the transfers
 *   that count against TRANSFER_DAILY_LIMIT (read and upserted behind the sender's account lock).
 */
export class RefundsAndHolds1764000000050 implements MigrationInterface {
  name = 'RefundsAndHolds1764000000050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE journal_transactions DROP CONSTRAINT journal_type_valid`);
    await queryRunner.query(`ALTER TABLE journal_transactions DROP CONSTRAINT journal_transfer_has_receiver`);
    await queryRunner.query(`
      ALTER TABLE journal_transactions
        ADD COLUMN refund_of bigint REFERENCES journal_transactions (id),
        ADD CONSTRAINT journal_type_valid
          CHECK (type IN ('TOPUP', 'SPEND', 'BONUS', 'TRANSFER', 'REFUND', 'HOLD', 'HOLD_CAPTURE', 'HOLD_RELEASE')),
        ADD CONSTRAINT journal_receiver_by_type CHECK (
          (type <> 'TRANSFER' OR to_user_id IS NOT NULL)
          AND (type NOT IN ('TOPUP', 'SPEND', 'BONUS', 'HOLD', 'HOLD_RELEASE') OR to_user_id IS NULL)),
        ADD CONSTRAINT journal_refund_names_original CHECK ((type = 'REFUND') = (refund_of IS NOT NULL))`);
    await queryRunner.query(
      `CREATE INDEX journal_transactions_refund_of_idx ON journal_transactions (refund_of) WHERE refund_of IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE FUNCTION ledger_check_refunds() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bad record;
      BEGIN
        SELECT o.id, o.type, o.amount,
               (SELECT sum(r.amount) FROM journal_transactions r WHERE r.refund_of = o.id) AS refunded
          INTO bad
          FROM journal_transactions o
         WHERE o.id IN (SELECT n.refund_of FROM new_journals n WHERE n.refund_of IS NOT NULL)
           AND (o.type NOT IN ('TOPUP', 'SPEND', 'BONUS', 'TRANSFER')
                OR (SELECT sum(r.amount) FROM journal_transactions r WHERE r.refund_of = o.id) > o.amount)
         LIMIT 1;
        IF FOUND THEN
          RAISE EXCEPTION 'refunds of journal % (%, amount %) would reach %', bad.id, bad.type, bad.amount, bad.refunded
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER journal_transactions_refunds_capped AFTER INSERT ON journal_transactions
      REFERENCING NEW TABLE AS new_journals
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_check_refunds()`);

    await queryRunner.query(`ALTER TABLE accounts DROP CONSTRAINT accounts_kind_valid`);
    await queryRunner.query(`ALTER TABLE accounts DROP CONSTRAINT accounts_owner_valid`);
    await queryRunner.query(`
      ALTER TABLE accounts
        ADD CONSTRAINT accounts_kind_valid CHECK (kind IN ('USER', 'SYSTEM', 'HELD')),
        ADD CONSTRAINT accounts_owner_valid CHECK (
          (kind IN ('USER', 'HELD') AND user_id IS NOT NULL AND system_name IS NULL)
          OR (kind = 'SYSTEM' AND user_id IS NULL AND system_name IS NOT NULL))`);
    await queryRunner.query(`CREATE UNIQUE INDEX accounts_held_asset_key ON accounts (user_id, asset_code) WHERE kind = 'HELD'`);

    await queryRunner.query(`
      CREATE TABLE holds (
        id                  uuid PRIMARY KEY,
        user_id             uuid NOT NULL REFERENCES users (id),
        asset_code          text NOT NULL REFERENCES assets (code),
        amount              bigint NOT NULL CONSTRAINT holds_amount_range CHECK (amount > 0 AND amount <= 1000000000000000),
        captured_amount     bigint NOT NULL DEFAULT 0,
        status              text NOT NULL CONSTRAINT holds_status_valid CHECK (status IN ('HELD', 'CAPTURED', 'VOIDED', 'EXPIRED')),
        capture_to_user_id  uuid REFERENCES users (id),
        description         text CONSTRAINT holds_description_length CHECK (length(description) <= 500),
        metadata            jsonb NOT NULL DEFAULT '{}'::jsonb,
        idempotency_key     text NOT NULL,
        created_by          text NOT NULL,
        created_at          timestamptz NOT NULL,
        expires_at          timestamptz NOT NULL,
        finished_at         timestamptz,
        hold_journal_id     bigint NOT NULL REFERENCES journal_transactions (id),
        release_journal_id  bigint REFERENCES journal_transactions (id),
        capture_journal_id  bigint REFERENCES journal_transactions (id),
        CONSTRAINT holds_captured_range CHECK (captured_amount >= 0 AND captured_amount <= amount),
        CONSTRAINT holds_captured_only_when_captured CHECK ((status = 'CAPTURED') = (captured_amount > 0)),
        CONSTRAINT holds_finished CHECK ((status = 'HELD') = (finished_at IS NULL)),
        CONSTRAINT holds_expiry_after_creation CHECK (expires_at > created_at)
      )`);
    await queryRunner.query(`CREATE INDEX holds_due_idx ON holds (expires_at) WHERE status = 'HELD'`);
    await queryRunner.query(`CREATE INDEX holds_user_idx ON holds (user_id, created_at DESC, id)`);
    await queryRunner.query(`
      CREATE FUNCTION holds_settle_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'HELD' OR NEW.status = 'HELD'
           OR (NEW.id, NEW.user_id, NEW.asset_code, NEW.amount, NEW.created_at, NEW.expires_at, NEW.hold_journal_id)
              IS DISTINCT FROM (OLD.id, OLD.user_id, OLD.asset_code, OLD.amount, OLD.created_at, OLD.expires_at, OLD.hold_journal_id) THEN
          RAISE EXCEPTION 'hold % is % and cannot become %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER holds_settle_once BEFORE UPDATE ON holds FOR EACH ROW EXECUTE FUNCTION holds_settle_once()`);
    await queryRunner.query(`
      CREATE TRIGGER holds_no_delete BEFORE DELETE OR TRUNCATE ON holds FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change()`);

    await queryRunner.query(`
      CREATE TABLE transfer_daily_outflows (
        user_id     uuid NOT NULL,
        asset_code  text NOT NULL,
        day         date NOT NULL,
        amount      bigint NOT NULL CONSTRAINT transfer_daily_outflows_positive CHECK (amount > 0),
        PRIMARY KEY (user_id, asset_code, day)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS transfer_daily_outflows`);
    await queryRunner.query(`DROP TABLE IF EXISTS holds`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS holds_settle_once()`);
    await queryRunner.query(`DROP INDEX IF EXISTS accounts_held_asset_key`);
    await queryRunner.query(`ALTER TABLE accounts DROP CONSTRAINT accounts_kind_valid, DROP CONSTRAINT accounts_owner_valid`);
    await queryRunner.query(`
      ALTER TABLE accounts
        ADD CONSTRAINT accounts_kind_valid CHECK (kind IN ('USER', 'SYSTEM')),
        ADD CONSTRAINT accounts_owner_valid CHECK (
          (kind = 'USER' AND user_id IS NOT NULL AND system_name IS NULL)
          OR (kind = 'SYSTEM' AND user_id IS NULL AND system_name IS NOT NULL))`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS journal_transactions_refunds_capped ON journal_transactions`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_check_refunds()`);
    await queryRunner.query(`DROP INDEX IF EXISTS journal_transactions_refund_of_idx`);
    await queryRunner.query(`
      ALTER TABLE journal_transactions
        DROP CONSTRAINT journal_refund_names_original,
        DROP CONSTRAINT journal_receiver_by_type,
        DROP CONSTRAINT journal_type_valid,
        DROP COLUMN refund_of,
        ADD CONSTRAINT journal_type_valid CHECK (type IN ('TOPUP', 'SPEND', 'BONUS', 'TRANSFER')),
        ADD CONSTRAINT journal_transfer_has_receiver CHECK ((type = 'TRANSFER') = (to_user_id IS NOT NULL))`);
  }
}
