import type { PoolClient } from 'pg';
import { startTestApp, TestApp } from '../support/test-app';
import type { VerifyReport } from '../support/wallet-client';

/**
 * GET /v1/ledger/verify against a real PostgreSQL: what a routine (incremental) run checks, what
 * it takes on trust behind its checkpoint and what only a full run finds, and that a checkpoint
 * never passes a transaction still holding a lower id. Corruption is written with raw SQL and the
 * append-only and balance triggers switched off (session_replication_role = replica), as only a
 * superuser could.
 */
describe('Ledger verification (checkpoints)', () => {
  let t: TestApp;
  let user: string;

  beforeEach(async () => {
    t = await startTestApp();
    user = await t.client.givenUserWithBalance(1000);
    for (const amount of [10, 20, 30]) expect((await t.client.spend(user, amount)).status).toBe(201);
  });
  afterEach(() => t.close());

  const account = async (ref: { userId: string } | { system: string }, asset = 'GOLD'): Promise<string> => {
    const [row] = await t.db.query<{ id: string }>(
      'userId' in ref
        ? `SELECT id::text FROM accounts WHERE kind = 'USER' AND user_id = $1 AND asset_code = $2`
        : `SELECT id::text FROM accounts WHERE kind = 'SYSTEM' AND system_name = $1 AND asset_code = $2`,
      ['userId' in ref ? ref.userId : ref.system, asset],
    );
    return row.id;
  };
  const checkpoint = async (asset = 'GOLD') =>
    (
      await t.db.query<{
        last_journal_id: string;
        last_entry_id: string;
        journals: string;
        entries: string;
        revision: string;
        failed: boolean;
      }>(
        `SELECT last_journal_id::text, last_entry_id::text, journals::text, entries::text, revision::text, failed_at IS NOT NULL AS failed
         FROM ledger_verify_checkpoints WHERE asset_code = $1`,
        [asset],
      )
    )[0];
  /** Runs statements with the ledger's triggers off, in one transaction. */
  const tamper = async (work: (c: PoolClient) => Promise<unknown>) => {
    const c = await t.db.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SET LOCAL session_replication_role = replica');
      await work(c);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  };
  const kinds = (report: VerifyReport, asset = 'GOLD') =>
    report.assets
      .find((a) => a.assetCode === asset)
      ?.mismatches.map((m) => m.kind)
      .sort();

  it('records a checkpoint at the ids it verified, and a routine run then starts from it and counts everything', async () => {
    const first = await t.client.verify();
    expect(first).toMatchObject({ ok: true, full: true });
    const [ids] = await t.db.query<{ journal: string; entry: string; journals: string; entries: string }>(
      `SELECT (SELECT max(id) FROM journal_transactions)::text AS journal, (SELECT max(id) FROM journal_entries)::text AS entry,
              (SELECT count(*) FROM journal_transactions WHERE asset_code = 'GOLD')::text AS journals,
              (SELECT count(*) FROM journal_entries e JOIN accounts a ON a.id = e.account_id WHERE a.asset_code = 'GOLD')::text AS entries`,
    );
    expect(await checkpoint()).toMatchObject({
      last_journal_id: ids.journal,
      last_entry_id: ids.entry,
      journals: ids.journals,
      entries: ids.entries,
      failed: false,
    });

    for (const amount of [1, 2]) expect((await t.client.spend(user, amount)).status).toBe(201);
    const routine = await t.client.verify();
    const gold = routine.assets.find((a) => a.assetCode === 'GOLD');
    expect(routine).toMatchObject({ ok: true, full: false });
    expect(gold).toMatchObject({
      checkpoint: { journalId: ids.journal, entryId: ids.entry },
      journals: Number(ids.journals) + 2,
      entries: Number(ids.entries) + 4,
    });
    expect(BigInt((await checkpoint()).last_journal_id)).toBe(BigInt(ids.journal) + 2n);

    const full = await t.client.verify({ full: true });
    expect(full).toMatchObject({ ok: true, full: true });
    expect(full.assets.find((a) => a.assetCode === 'GOLD')).toMatchObject({
      checkpoint: null,
      journals: gold?.journals,
      entries: gold?.entries,
    });
  });

  describe('above the checkpoint, a routine run finds every kind of corruption, and finds it again until repaired', () => {
    type Posted = { readonly goldSpend: string; readonly diamondTopup: string };
    it.each([
      [
        "the user's entry of a new spend with a balanceAfter that does not follow",
        (p: Posted) =>
          tamper((c) =>
            c.query(`UPDATE journal_entries SET balance_after = balance_after + 1 WHERE journal_id = $1 AND amount < 0`, [
              p.goldSpend,
            ]),
          ),
        ['BALANCE_NOT_LAST_BALANCE_AFTER', 'RUNNING_BALANCE_BROKEN'],
      ],
      [
        "the user's entry of a new spend with its amount changed",
        (p: Posted) =>
          tamper((c) =>
            c.query(`UPDATE journal_entries SET amount = amount + 1 WHERE journal_id = $1 AND amount < 0`, [p.goldSpend]),
          ),
        ['BALANCE_NOT_SUM_OF_ENTRIES', 'JOURNAL_NOT_BALANCED', 'RUNNING_BALANCE_BROKEN'],
      ],
      [
        'a new journal whose entries are in another asset',
        (p: Posted) =>
          tamper((c) => c.query(`UPDATE journal_transactions SET asset_code = 'GOLD' WHERE id = $1`, [p.diamondTopup])),
        ['JOURNAL_NOT_BALANCED'],
      ],
    ])('%s', async (_, corrupt, expected) => {
      await t.client.verify();
      const before = await checkpoint();
      const posted: Posted = {
        goldSpend: (await t.client.spend(user, 5)).body.id as string,
        diamondTopup: (await t.client.topup(user, 5, { assetCode: 'DIAMOND' })).body.id as string,
      };
      await corrupt(posted);
      for (let run = 0; run < 2; run++) {
        const report = await t.client.verify();
        expect(report.ok).toBe(false);
        expect(report.full).toBe(false);
        expect(kinds(report)).toEqual(expected);
        expect(await checkpoint()).toEqual(before); // not moved past what it could not verify
      }
      expect(kinds(await t.client.verify({ full: true }))).toEqual(expected);
    });

    it('a balance changed without any entry, on an account untouched since the checkpoint', async () => {
      const bonus = await account({ system: 'BONUS' });
      await t.client.verify();
      await tamper((c) => c.query(`UPDATE accounts SET balance = balance - 3 WHERE id = $1`, [bonus]));
      const report = await t.client.verify();
      expect(kinds(report)).toEqual(['ASSET_SUM_NOT_ZERO', 'BALANCE_NOT_LAST_BALANCE_AFTER', 'BALANCE_NOT_SUM_OF_ENTRIES']);
    });

    it('an unbalanced entry added to a journal behind the checkpoint', async () => {
      const [{ id: oldJournal }] = await t.db.query<{ id: string }>(
        `SELECT min(id)::text AS id FROM journal_transactions WHERE asset_code = 'GOLD'`,
      );
      await t.client.verify();
      const bonus = await account({ system: 'BONUS' });
      await tamper(async (c) => {
        await c.query(
          `INSERT INTO journal_entries (journal_id, account_id, type, amount, balance_after) VALUES ($1, $2, 'TOPUP', -7, (SELECT balance - 7 FROM accounts WHERE id = $2))`,
          [oldJournal, bonus],
        );
        await c.query(`UPDATE accounts SET balance = balance - 7 WHERE id = $1`, [bonus]);
      });
      const report = await t.client.verify();
      expect(report.full).toBe(false);
      expect(report.assets.find((a) => a.assetCode === 'GOLD')?.mismatches).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'JOURNAL_NOT_BALANCED', journalId: oldJournal })]),
      );
    });
  });

  describe('behind the checkpoint (what a routine run takes on trust)', () => {
    it('an old entry rewritten is not seen by a routine run; a full run finds it, and routine runs report it from then on', async () => {
      const [entry] = await t.db.query<{ id: string; account_id: string }>(
        `SELECT e.id::text, e.account_id::text FROM journal_entries e JOIN accounts a ON a.id = e.account_id
          WHERE a.kind = 'USER' AND a.user_id = $1 ORDER BY e.id LIMIT 1`,
        [user],
      );
      await t.client.verify();
      await tamper((c) => c.query(`UPDATE journal_entries SET balance_after = balance_after + 100 WHERE id = $1`, [entry.id]));

      // The honest limit: every balance still equals its last entry, and nothing above the checkpoint changed.
      expect((await t.client.verify()).ok).toBe(true);

      const full = await t.client.verify({ full: true });
      expect(full.ok).toBe(false);
      expect(full.assets.find((a) => a.assetCode === 'GOLD')?.mismatches).toEqual([
        expect.objectContaining({ kind: 'RUNNING_BALANCE_BROKEN', entryId: entry.id }),
      ]);
      expect(await checkpoint()).toMatchObject({ failed: true });

      const routine = await t.client.verify();
      expect(routine.ok).toBe(false);
      expect(routine.assets.find((a) => a.assetCode === 'GOLD')).toMatchObject({
        checkpoint: null,
        mismatches: [expect.objectContaining({ kind: 'RUNNING_BALANCE_BROKEN' })],
      });

      // Repaired: the next full run passes and routine runs are incremental again.
      await tamper((c) => c.query(`UPDATE journal_entries SET balance_after = balance_after - 100 WHERE id = $1`, [entry.id]));
      expect((await t.client.verify({ full: true })).ok).toBe(true);
      expect(await checkpoint()).toMatchObject({ failed: false });
      expect(await t.client.verify()).toMatchObject({ ok: true, full: false });
    });

    it('a journal deleted with its entries and the balances made to match: only the checkpoint remembers, and a full run reports it', async () => {
      const last = await t.client.spend(user, 7);
      const journal = last.body.id as string;
      await t.client.verify();
      const [userGold, treasury] = [await account({ userId: user }), await account({ system: 'TREASURY' })];
      await tamper(async (c) => {
        await c.query(`DELETE FROM journal_entries WHERE journal_id = $1`, [journal]);
        await c.query(`DELETE FROM journal_transactions WHERE id = $1`, [journal]);
        await c.query(`UPDATE accounts SET balance = balance + 7 WHERE id = $1`, [userGold]);
        await c.query(`UPDATE accounts SET balance = balance - 7 WHERE id = $1`, [treasury]);
      });
      // Self-consistent: a ledger without that journal would look exactly like this.
      expect((await t.client.verify()).ok).toBe(true);
      const full = await t.client.verify({ full: true });
      expect(kinds(full)).toEqual(['CHECKPOINT_DIVERGED']);
      expect(kinds(await t.client.verify())).toEqual(['CHECKPOINT_DIVERGED']);
      expect(kinds(await t.client.verify({ full: true }))).toEqual(['CHECKPOINT_DIVERGED']);
      // An operator who has investigated removes the checkpoint; verification starts afresh.
      await t.db.query(`DELETE FROM ledger_verify_checkpoints WHERE asset_code = 'GOLD'`);
      expect((await t.client.verify()).ok).toBe(true);
    });
  });

  describe('a transaction holding an id below the newest ones', () => {
    const heldCommits: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const commit of heldCommits.splice(0)) await commit();
    });

    /**
     * Opens a transaction that draws a journal id and writes its entries (ids drawn too) without
     * committing: a GOLD journal whose two entries sit on DIAMOND accounts (balanced, balances
     * kept, so only the journal check can see it). Returns the journal id and a commit function.
     */
    async function holdCorruptJournal(): Promise<{ journal: string; commit: () => Promise<void> }> {
      const [aliceId] = (await t.db.query<{ id: string }>(`SELECT id FROM users WHERE username = 'alice'`)).map((r) => r.id);
      expect((await t.client.topup(aliceId, 50, { assetCode: 'DIAMOND' })).status).toBe(201);
      const [aliceDiamond, bonusDiamond] = [
        await account({ userId: aliceId }, 'DIAMOND'),
        await account({ system: 'BONUS' }, 'DIAMOND'),
      ];
      const c = await t.db.pool.connect();
      let journal: string;
      try {
        await c.query('BEGIN');
        await c.query('SET LOCAL session_replication_role = replica');
        [{ id: journal }] = (
          await c.query<{ id: string }>(
            `INSERT INTO journal_transactions (type, asset_code, user_id, amount, idempotency_key, created_by) VALUES ('BONUS', 'GOLD', $1, 3, 'held', 'system') RETURNING id::text`,
            [aliceId],
          )
        ).rows;
        await c.query(
          `INSERT INTO journal_entries (journal_id, account_id, type, amount, balance_after)
           SELECT $1, a.id, 'BONUS', x.amount, a.balance + x.amount FROM accounts a JOIN (VALUES ($2::bigint, -3), ($3::bigint, 3)) AS x(id, amount) ON x.id = a.id
           ORDER BY a.id`,
          [journal, bonusDiamond, aliceDiamond],
        );
        await c.query(`UPDATE accounts SET balance = balance + CASE WHEN id = $1 THEN -3 ELSE 3 END WHERE id IN ($1, $2)`, [
          bonusDiamond,
          aliceDiamond,
        ]);
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        c.release();
        throw error;
      }
      let open = true;
      const commit = async () => {
        if (!open) return;
        open = false;
        await c.query('COMMIT');
        c.release();
      };
      heldCommits.push(commit);
      return { journal, commit };
    }

    it('keeps the checkpoint below it while it runs (so its rows are checked once committed)', async () => {
      await t.client.verify();
      const held = await holdCorruptJournal();
      // Newer journals and entries commit meanwhile (GOLD accounts: no lock shared with the held transaction).
      expect((await t.client.spend(user, 1)).status).toBe(201);
      const before = await checkpoint();
      const whileHeld = await t.client.verify();
      expect(whileHeld.ok).toBe(true); // the held rows are not visible yet
      expect(await checkpoint()).toEqual(before); // and the checkpoint did not move past them
      await held.commit();
      const after = await t.client.verify();
      expect(after.full).toBe(false);
      expect(after.assets.find((a) => a.assetCode === 'GOLD')?.mismatches).toEqual([
        expect.objectContaining({ kind: 'JOURNAL_NOT_BALANCED', journalId: held.journal }),
      ]);
    }, 30_000);

    it('waits for it when it ends within the settle time, and checks its rows in the same run', async () => {
      await t.client.verify();
      const held = await holdCorruptJournal();
      expect((await t.client.spend(user, 1)).status).toBe(201);
      const running = t.client.verify();
      await new Promise((r) => setTimeout(r, 300));
      await held.commit();
      const report = await running;
      expect(report.assets.find((a) => a.assetCode === 'GOLD')?.mismatches).toEqual([
        expect.objectContaining({ kind: 'JOURNAL_NOT_BALANCED', journalId: held.journal }),
      ]);
    }, 30_000);
  });
});
