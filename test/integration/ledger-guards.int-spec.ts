import { DatabaseError } from 'pg';
import { TestDatabase } from '../support/test-database';

/**
 * The database refuses what the code must never do, even when the service is bypassed with raw
 * SQL. Each guard has a positive control so that a guard rejecting everything would fail too.
 */
describe('Ledger database guards', () => {
  let db: TestDatabase;
  let treasury: string;
  let bonusDiamond: string;
  let alice: string;
  let aliceGold: string;

  beforeAll(async () => {
    db = await TestDatabase.create();
    [{ id: treasury }] = await db.query<{ id: string }>(
      `SELECT id FROM accounts WHERE system_name = 'TREASURY' AND asset_code = 'GOLD'`,
    );
    [{ id: bonusDiamond }] = await db.query<{ id: string }>(
      `SELECT id FROM accounts WHERE system_name = 'BONUS' AND asset_code = 'DIAMOND'`,
    );
    [{ id: alice }] = await db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'alice'`);
    [{ id: aliceGold }] = await db.query<{ id: string }>(
      `INSERT INTO accounts (asset_code, kind, user_id) VALUES ('GOLD', 'USER', $1) RETURNING id`,
      [alice],
    );
  });
  afterAll(() => db.drop());

  /** Posts a journal of `amount` GOLD with the given entries, in one statement, inside a transaction. */
  async function post(entries: Array<[account: string, amount: number, balanceAfter: number]>, amount = 10): Promise<string> {
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const {
        rows: [journal],
      } = await client.query<{ id: string }>(
        `INSERT INTO journal_transactions (type, asset_code, user_id, amount, idempotency_key, created_by)
         VALUES ('TOPUP', 'GOLD', $1, $2, 'raw-' || gen_random_uuid(), 'master') RETURNING id`,
        [alice, amount],
      );
      await client.query(
        `INSERT INTO journal_entries (journal_id, account_id, type, amount, balance_after)
         SELECT $1, a, 'TOPUP', x, b FROM unnest($2::bigint[], $3::bigint[], $4::bigint[]) AS t(a, x, b)`,
        [journal.id, entries.map((e) => e[0]), entries.map((e) => e[1]), entries.map((e) => e[2])],
      );
      await client.query('COMMIT');
      return journal.id;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  function sqlstate(code: string) {
    return expect.objectContaining({ code }) as unknown as DatabaseError;
  }

  it('accepts a balanced journal (positive control)', async () => {
    await expect(
      post([
        [treasury, -10, -10],
        [aliceGold, 10, 10],
      ]),
    ).resolves.toMatch(/^\d+$/);
  });

  it('refuses a journal whose entries do not sum to zero', async () => {
    await expect(
      post([
        [treasury, -10, -20],
        [aliceGold, 11, 21],
      ]),
    ).rejects.toEqual(sqlstate('23514'));
  });

  it('refuses a journal with a single entry', async () => {
    await expect(post([[aliceGold, 10, 30]])).rejects.toEqual(sqlstate('23514'));
  });

  it('refuses entries on an account of another asset than the journal', async () => {
    await expect(
      post([
        [bonusDiamond, -10, -10],
        [aliceGold, 10, 30],
      ]),
    ).rejects.toEqual(sqlstate('23514'));
  });

  it('refuses an entry pointing at a missing account', async () => {
    await expect(
      post([
        [treasury, -10, -30],
        ['999999999', 10, 10],
      ]),
    ).rejects.toEqual(sqlstate('23503'));
  });

  it('refuses entries pointing at a missing journal', async () => {
    // Balanced, on accounts of the right asset: only the journal is missing.
    const entries = (journal: string) =>
      db.query(
        `INSERT INTO journal_entries (journal_id, account_id, type, amount, balance_after)
         VALUES ($1, $2, 'TOPUP', -10, -10), ($1, $3, 'TOPUP', 10, 10)`,
        [journal, treasury, aliceGold],
      );
    await expect(entries('999999999')).rejects.toEqual(sqlstate('23503'));
    const [{ id }] = await db.query<{ id: string }>(
      `INSERT INTO journal_transactions (type, asset_code, user_id, amount, idempotency_key, created_by)
       VALUES ('TOPUP', 'GOLD', $1, 10, 'raw-' || gen_random_uuid(), 'master') RETURNING id`,
      [alice],
    );
    await expect(entries(id)).resolves.toBeDefined();
  });

  it('refuses to delete or truncate accounts (entries point at them)', async () => {
    const [{ id }] = await db.query<{ id: string }>(
      `INSERT INTO accounts (asset_code, kind, user_id) VALUES ('POINT', 'USER', $1) RETURNING id`,
      [alice],
    );
    await expect(db.query(`DELETE FROM accounts WHERE id = $1`, [id])).rejects.toEqual(sqlstate('23001'));
    await expect(db.query(`TRUNCATE accounts CASCADE`)).rejects.toEqual(sqlstate('23001'));
    expect(await db.query(`SELECT 1 FROM accounts WHERE id = $1`, [id])).toHaveLength(1);
  });

  it('refuses a journal in an asset that does not exist, and deleting an asset', async () => {
    // Inside a transaction rolled back: the positive control leaves no journal without entries.
    const journal = async (asset: string) => {
      const client = await db.pool.connect();
      try {
        await client.query('BEGIN');
        return await client.query(
          `INSERT INTO journal_transactions (type, asset_code, user_id, amount, idempotency_key, created_by)
           VALUES ('TOPUP', $2, $1, 10, 'raw-' || gen_random_uuid(), 'master')`,
          [alice, asset],
        );
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    await expect(journal('NOPE')).rejects.toEqual(sqlstate('23503'));
    await expect(journal('GOLD')).resolves.toBeDefined();
    await db.query(`INSERT INTO assets (code, name) VALUES ('UNUSED', 'Unused')`);
    await expect(db.query(`DELETE FROM assets WHERE code = 'UNUSED'`)).rejects.toEqual(sqlstate('23001'));
    await expect(db.query(`TRUNCATE assets CASCADE`)).rejects.toEqual(sqlstate('23001'));
  });

  it('refuses to update, delete or truncate entries and journals', async () => {
    const [{ id }] = await db.query<{ id: string }>(`SELECT id FROM journal_entries LIMIT 1`);
    await expect(db.query(`UPDATE journal_entries SET amount = amount + 1 WHERE id = $1`, [id])).rejects.toEqual(
      sqlstate('23001'),
    );
    await expect(db.query(`DELETE FROM journal_entries WHERE id = $1`, [id])).rejects.toEqual(sqlstate('23001'));
    await expect(db.query(`UPDATE journal_transactions SET amount = 1`)).rejects.toEqual(sqlstate('23001'));
    await expect(db.query(`DELETE FROM journal_transactions`)).rejects.toEqual(sqlstate('23001'));
    await expect(db.query(`TRUNCATE journal_entries CASCADE`)).rejects.toEqual(sqlstate('23001'));
    await expect(db.query(`TRUNCATE journal_transactions CASCADE`)).rejects.toEqual(sqlstate('23001'));
  });

  it('refuses a negative user balance but lets system accounts go negative', async () => {
    await expect(db.query(`UPDATE accounts SET balance = -1 WHERE id = $1`, [aliceGold])).rejects.toEqual(sqlstate('23514'));
    await expect(db.query(`UPDATE accounts SET balance = balance - 1000 WHERE id = $1`, [treasury])).resolves.toBeDefined();
    await db.query(`UPDATE accounts SET balance = balance + 1000 WHERE id = $1`, [treasury]);
  });

  it('refuses amounts out of the contract range and a self-transfer journal', async () => {
    await expect(
      post(
        [
          [treasury, -1, 0],
          [aliceGold, 1, 0],
        ],
        0,
      ),
    ).rejects.toEqual(sqlstate('23514'));
    await expect(
      post(
        [
          [treasury, -1, 0],
          [aliceGold, 1, 0],
        ],
        1_000_000_000_000_001,
      ),
    ).rejects.toEqual(sqlstate('23514'));
    await expect(
      db.query(
        `INSERT INTO journal_transactions (type, asset_code, user_id, to_user_id, amount, idempotency_key, created_by) VALUES ('TRANSFER', 'GOLD', $1, $1, 5, 'self', 'master')`,
        [alice],
      ),
    ).rejects.toEqual(sqlstate('23514'));
  });

  it('keeps one idempotency record per user and key, and refuses malformed keys', async () => {
    const insert = (key: string) =>
      db.query(`INSERT INTO idempotency_keys (user_id, key, endpoint, fingerprint) VALUES ($1, $2, 'POST /v1/topup', 'f')`, [
        alice,
        key,
      ]);
    await insert('once');
    await expect(insert('once')).rejects.toEqual(sqlstate('23505'));
    await expect(insert('with space')).rejects.toEqual(sqlstate('23514'));
    await expect(insert('x'.repeat(256))).rejects.toEqual(sqlstate('23514'));
  });

  it('keeps one account per user and asset, and one system account of each kind per asset', async () => {
    await expect(
      db.query(`INSERT INTO accounts (asset_code, kind, user_id) VALUES ('GOLD', 'USER', $1)`, [alice]),
    ).rejects.toEqual(sqlstate('23505'));
    await expect(
      db.query(`INSERT INTO accounts (asset_code, kind, system_name) VALUES ('GOLD', 'SYSTEM', 'TREASURY')`),
    ).rejects.toEqual(sqlstate('23505'));
    await expect(
      db.query(`INSERT INTO accounts (asset_code, kind, system_name, user_id) VALUES ('GOLD', 'USER', 'BONUS', $1)`, [alice]),
    ).rejects.toEqual(sqlstate('23514'));
  });

  describe('refunds, holds and held funds', () => {
    const refund = (of: string | null, amount: number) =>
      db.query(
        `INSERT INTO journal_transactions (type, asset_code, user_id, amount, idempotency_key, created_by, refund_of)
         VALUES ('REFUND', 'GOLD', $1, $2, 'raw-' || gen_random_uuid(), 'master', $3)`,
        [alice, amount, of],
      );

    it('caps the refunds of a transaction at its amount, whatever the service believed', async () => {
      const original = await post(
        [
          [treasury, -10, -10],
          [aliceGold, 10, 10],
        ],
        10,
      );
      await expect(refund(original, 6)).resolves.toBeDefined(); // positive control
      await expect(refund(original, 4)).resolves.toBeDefined(); // exactly the amount
      await expect(refund(original, 1)).rejects.toEqual(sqlstate('23514'));
    });

    it('refuses a refund without its original, a refund of a refund, and refund_of on another type', async () => {
      await expect(refund(null, 1)).rejects.toEqual(sqlstate('23514'));
      const original = await post(
        [
          [treasury, -10, -10],
          [aliceGold, 10, 10],
        ],
        10,
      );
      await refund(original, 1);
      const [{ id: firstRefund }] = await db.query<{ id: string }>(
        `SELECT max(id)::text AS id FROM journal_transactions WHERE refund_of = $1`,
        [original],
      );
      await expect(refund(firstRefund, 1)).rejects.toEqual(sqlstate('23514'));
      await expect(
        db.query(
          `INSERT INTO journal_transactions (type, asset_code, user_id, amount, idempotency_key, created_by, refund_of)
           VALUES ('SPEND', 'GOLD', $1, 1, 'raw-x', 'master', $2)`,
          [alice, original],
        ),
      ).rejects.toEqual(sqlstate('23514'));
    });

    it('keeps held funds at or above zero, one held account per user and asset', async () => {
      const [{ id: held }] = await db.query<{ id: string }>(
        `INSERT INTO accounts (asset_code, kind, user_id) VALUES ('GOLD', 'HELD', $1) RETURNING id`,
        [alice],
      );
      await expect(db.query(`UPDATE accounts SET balance = 5 WHERE id = $1`, [held])).resolves.toBeDefined();
      await expect(db.query(`UPDATE accounts SET balance = -1 WHERE id = $1`, [held])).rejects.toEqual(sqlstate('23514'));
      await expect(
        db.query(`INSERT INTO accounts (asset_code, kind, user_id) VALUES ('GOLD', 'HELD', $1)`, [alice]),
      ).rejects.toEqual(sqlstate('23505'));
      await db.query(`UPDATE accounts SET balance = 0 WHERE id = $1`, [held]);
    });

    it('settles a hold once, within its amount, and never deletes it', async () => {
      const journal = await post([
        [treasury, -10, -10],
        [aliceGold, 10, 10],
      ]);
      const [{ id }] = await db.query<{ id: string }>(
        `INSERT INTO holds (id, user_id, asset_code, amount, status, idempotency_key, created_by, created_at, expires_at, hold_journal_id)
         VALUES (gen_random_uuid(), $1, 'GOLD', 10, 'HELD', 'h', 'master', now(), now() + interval '1 hour', $2) RETURNING id::text`,
        [alice, journal],
      );
      const settle = (captured: number) =>
        db.query(
          `UPDATE holds SET status = 'CAPTURED', captured_amount = $2, finished_at = now(), release_journal_id = $3 WHERE id = $1`,
          [id, captured, journal],
        );
      await expect(settle(11)).rejects.toEqual(sqlstate('23514')); // more than the hold
      await expect(settle(10)).resolves.toBeDefined(); // positive control
      await expect(settle(5)).rejects.toEqual(sqlstate('23001')); // a second settlement
      await expect(db.query(`UPDATE holds SET status = 'VOIDED', captured_amount = 0 WHERE id = $1`, [id])).rejects.toEqual(
        sqlstate('23001'),
      );
      await expect(db.query(`DELETE FROM holds WHERE id = $1`, [id])).rejects.toEqual(sqlstate('23001'));
    });
  });
});
