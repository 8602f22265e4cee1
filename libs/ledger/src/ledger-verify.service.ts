import { MetricsService } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export type MismatchKind =
  | 'ASSET_SUM_NOT_ZERO'
  | 'BALANCE_NOT_SUM_OF_ENTRIES'
  | 'BALANCE_NOT_LAST_BALANCE_AFTER'
  | 'RUNNING_BALANCE_BROKEN'
  | 'JOURNAL_NOT_BALANCED'
  | 'NEGATIVE_USER_BALANCE';

export interface Mismatch {
  readonly kind: MismatchKind;
  readonly detail: string;
  readonly accountId?: string;
  readonly journalId?: string;
  readonly entryId?: string;
  readonly expected?: string;
  readonly actual?: string;
}

export interface AssetVerification {
  readonly assetCode: string;
  readonly sum: string;
  readonly accounts: number;
  readonly entries: number;
  readonly journals: number;
  readonly mismatches: Mismatch[];
}

export interface LedgerVerification {
  readonly ok: boolean;
  readonly checkedAt: string;
  readonly assets: AssetVerification[];
}

/** At most this many mismatches of each kind are listed (the check itself covers every row). */
const MAX_LISTED = 100;

/**
 * Recomputes the ledger from its journal, in one consistent snapshot (REPEATABLE READ, read only):
 * every asset's balances sum to zero; every stored balance equals the sum of its entries and the
 * last entry's balanceAfter; every entry's balanceAfter follows from the one before it; every
 * journal's entries sum to zero (with at least two of them, all in the journal's asset); no user
 * balance is negative.
 */
@Injectable()
export class LedgerVerifyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  async verify(): Promise<LedgerVerification> {
    const result = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      await manager.query('SET LOCAL statement_timeout = 0');
      return this.verifyIn(manager);
    });
    this.metrics.lastVerifyOk.set(result.ok ? 1 : 0);
    this.metrics.lastVerifyTimestamp.set(Date.now() / 1000);
    return result;
  }

  private async verifyIn(manager: EntityManager): Promise<LedgerVerification> {
    const totals: Array<{ asset_code: string; sum: string; accounts: number; entries: number; journals: number }> =
      await manager.query(`
        SELECT s.code AS asset_code,
               coalesce((SELECT sum(balance) FROM accounts a WHERE a.asset_code = s.code), 0)::text AS sum,
               (SELECT count(*) FROM accounts a WHERE a.asset_code = s.code)::int AS accounts,
               (SELECT count(*) FROM journal_entries e JOIN accounts a ON a.id = e.account_id WHERE a.asset_code = s.code)::int AS entries,
               (SELECT count(*) FROM journal_transactions j WHERE j.asset_code = s.code)::int AS journals
          FROM assets s ORDER BY s.created_at, s.code`);
    const assets = new Map<string, AssetVerification>(
      totals.map((t) => [
        t.asset_code,
        { assetCode: t.asset_code, sum: t.sum, accounts: t.accounts, entries: t.entries, journals: t.journals, mismatches: [] },
      ]),
    );
    const add = (assetCode: string, mismatch: Mismatch) => assets.get(assetCode)?.mismatches.push(mismatch);

    for (const t of totals) {
      if (t.sum !== '0') add(t.asset_code, { kind: 'ASSET_SUM_NOT_ZERO', detail: `balances of ${t.asset_code} sum to ${t.sum}`, expected: '0', actual: t.sum });
    }
    for (const m of await this.accountMismatches(manager)) add(m.assetCode, m.mismatch);
    for (const m of await this.runningBalanceMismatches(manager)) add(m.assetCode, m.mismatch);
    for (const m of await this.journalMismatches(manager)) add(m.assetCode, m.mismatch);

    const list = [...assets.values()];
    return { ok: list.every((a) => a.mismatches.length === 0), checkedAt: new Date().toISOString(), assets: list };
  }

  private async accountMismatches(manager: EntityManager): Promise<Array<{ assetCode: string; mismatch: Mismatch }>> {
    const rows: Array<{ id: string; asset_code: string; kind: string; balance: string; total: string; last: string | null }> =
      await manager.query(
        `WITH sums AS (SELECT account_id, sum(amount) AS total FROM journal_entries GROUP BY account_id)
         SELECT a.id::text AS id, a.asset_code, a.kind, a.balance::text AS balance,
                coalesce(s.total, 0)::text AS total, l.balance_after::text AS last
           FROM accounts a
           LEFT JOIN sums s ON s.account_id = a.id
           LEFT JOIN LATERAL (SELECT balance_after FROM journal_entries e WHERE e.account_id = a.id ORDER BY e.id DESC LIMIT 1) l ON true
          WHERE a.balance <> coalesce(s.total, 0)
             OR a.balance <> coalesce(l.balance_after, 0)
             OR (a.kind = 'USER' AND a.balance < 0)
          LIMIT $1`,
        [MAX_LISTED * 3],
      );
    return rows.flatMap((r) => {
      const found: Mismatch[] = [];
      if (r.balance !== r.total) {
        found.push({ kind: 'BALANCE_NOT_SUM_OF_ENTRIES', detail: `account ${r.id} holds ${r.balance} but its entries sum to ${r.total}`, accountId: r.id, expected: r.total, actual: r.balance });
      }
      if (r.balance !== (r.last ?? '0')) {
        found.push({ kind: 'BALANCE_NOT_LAST_BALANCE_AFTER', detail: `account ${r.id} holds ${r.balance} but its last entry says ${r.last ?? 'nothing'}`, accountId: r.id, expected: r.last ?? '0', actual: r.balance });
      }
      if (r.kind === 'USER' && BigInt(r.balance) < 0n) {
        found.push({ kind: 'NEGATIVE_USER_BALANCE', detail: `user account ${r.id} holds ${r.balance}`, accountId: r.id, actual: r.balance });
      }
      return found.map((mismatch) => ({ assetCode: r.asset_code, mismatch }));
    });
  }

  private async runningBalanceMismatches(manager: EntityManager): Promise<Array<{ assetCode: string; mismatch: Mismatch }>> {
    const rows: Array<{ entry_id: string; account_id: string; asset_code: string; balance_after: string; expected: string }> =
      await manager.query(
        `SELECT x.id::text AS entry_id, x.account_id::text AS account_id, a.asset_code,
                x.balance_after::text AS balance_after, x.expected::text AS expected
           FROM (SELECT id, account_id, balance_after, sum(amount) OVER (PARTITION BY account_id ORDER BY id) AS expected
                   FROM journal_entries) x
           JOIN accounts a ON a.id = x.account_id
          WHERE x.balance_after <> x.expected
          LIMIT $1`,
        [MAX_LISTED],
      );
    return rows.map((r) => ({
      assetCode: r.asset_code,
      mismatch: {
        kind: 'RUNNING_BALANCE_BROKEN',
        detail: `entry ${r.entry_id} on account ${r.account_id} says balanceAfter ${r.balance_after}, its account's entries up to it sum to ${r.expected}`,
        accountId: r.account_id,
        entryId: r.entry_id,
        expected: r.expected,
        actual: r.balance_after,
      },
    }));
  }

  private async journalMismatches(manager: EntityManager): Promise<Array<{ assetCode: string; mismatch: Mismatch }>> {
    const rows: Array<{ id: string; asset_code: string; total: string; entries: number; foreign: number }> = await manager.query(
      `SELECT j.id::text AS id, j.asset_code, coalesce(sum(e.amount), 0)::text AS total, count(e.id)::int AS entries,
              count(*) FILTER (WHERE a.asset_code <> j.asset_code)::int AS foreign
         FROM journal_transactions j
         LEFT JOIN journal_entries e ON e.journal_id = j.id
         LEFT JOIN accounts a ON a.id = e.account_id
        GROUP BY j.id, j.asset_code
       HAVING coalesce(sum(e.amount), 0) <> 0 OR count(e.id) < 2 OR count(*) FILTER (WHERE a.asset_code <> j.asset_code) > 0
        LIMIT $1`,
      [MAX_LISTED],
    );
    return rows.map((r) => ({
      assetCode: r.asset_code,
      mismatch: {
        kind: 'JOURNAL_NOT_BALANCED',
        detail: `journal ${r.id} has ${r.entries} entries summing to ${r.total}${r.foreign > 0 ? `, ${r.foreign} in another asset` : ''}`,
        journalId: r.id,
        expected: '0',
        actual: r.total,
      },
    }));
  }
}
