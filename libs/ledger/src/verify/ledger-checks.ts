import { SqlExecutor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { AssetMismatch, LedgerCheck, Mismatch, VerifyScope } from './ledger-verification';
import { LedgerVerifyRepository } from './ledger-verify.repository';

/**
 * The invariants a verification checks, one function each. To add one (held funds equal the
 * active holds, say): write its SQL in a repository, a method here that turns the rows into
 * mismatches, and one line in {@link LedgerChecks.all}.
 *
 * What a routine run (from a checkpoint) can and cannot see: it checks every account's balance
 * (against its last entry, its verified balance at the checkpoint plus the entries since, and
 * zero for users), every asset's sum, and every journal and entry above the checkpoint (a
 * corruption in or after them, an entry added to an old journal included). It takes the rows at
 * or below the checkpoint on trust: an old entry or journal rewritten, deleted or inserted behind
 * the checkpoint with the append-only triggers switched off, consistently enough to leave the
 * balances matching their last entries, goes unseen until a full run (`?full=true`, `npm run
 * ledger:verify`), which recomputes everything and also reports a checkpoint whose tallies no
 * longer match the rows (CHECKPOINT_DIVERGED).
 */
@Injectable()
export class LedgerChecks {
  constructor(private readonly repository: LedgerVerifyRepository) {}

  all(): readonly LedgerCheck[] {
    return [
      { name: 'accounts', run: (sql, scope) => this.accounts(sql, scope) },
      { name: 'running balances', run: (sql, scope) => this.runningBalances(sql, scope) },
      { name: 'balanced journals', run: (sql, scope) => this.balancedJournals(sql, scope) },
      { name: 'checkpoints', run: (sql, scope) => this.checkpoints(sql, scope) },
      { name: 'held funds', run: (sql, scope) => this.heldFunds(sql, scope) },
    ];
  }

  /** Every stored balance equals the sum of its entries and its last entry's balanceAfter; no user balance is negative. */
  private async accounts(sql: SqlExecutor, scope: VerifyScope): Promise<AssetMismatch[]> {
    const rows = await this.repository.accountMismatches(sql, scope);
    return rows.flatMap((r) => {
      const found: Mismatch[] = [];
      if (r.balance !== r.total) {
        found.push({
          kind: 'BALANCE_NOT_SUM_OF_ENTRIES',
          detail: `account ${r.id} holds ${r.balance} but its entries sum to ${r.total}`,
          accountId: r.id,
          expected: r.total,
          actual: r.balance,
        });
      }
      if (r.balance !== (r.last ?? '0')) {
        found.push({
          kind: 'BALANCE_NOT_LAST_BALANCE_AFTER',
          detail: `account ${r.id} holds ${r.balance} but its last entry says ${r.last ?? 'nothing'}`,
          accountId: r.id,
          expected: r.last ?? '0',
          actual: r.balance,
        });
      }
      if (r.kind !== 'SYSTEM' && BigInt(r.balance) < 0n) {
        found.push({
          kind: 'NEGATIVE_USER_BALANCE',
          detail: `user account ${r.id} holds ${r.balance}`,
          accountId: r.id,
          actual: r.balance,
        });
      }
      return found.map((mismatch) => ({ assetCode: r.asset_code, mismatch }));
    });
  }

  /** Every entry's balanceAfter follows from the one before it on its account. */
  private async runningBalances(sql: SqlExecutor, scope: VerifyScope): Promise<AssetMismatch[]> {
    const rows = await this.repository.runningBalanceMismatches(sql, scope);
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

  /** Every user's held funds equal the sum of the user's active (HELD) holds, per asset. */
  private async heldFunds(sql: SqlExecutor, scope: VerifyScope): Promise<AssetMismatch[]> {
    const rows = await this.repository.heldFundsMismatches(sql, scope);
    return rows.map((r) => ({
      assetCode: r.asset_code,
      mismatch: {
        kind: 'HELD_FUNDS_NOT_ACTIVE_HOLDS' as const,
        detail: `user ${r.user_id} has ${r.held} held but active holds of ${r.holds}`,
        ...(r.account_id ? { accountId: r.account_id } : {}),
        expected: r.holds,
        actual: r.held,
      },
    }));
  }

  /** Every journal's entries sum to zero, at least two of them, all in the journal's asset. */
  private async balancedJournals(sql: SqlExecutor, scope: VerifyScope): Promise<AssetMismatch[]> {
    const rows = await this.repository.journalMismatches(sql, scope);
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

  /**
   * Assets recomputed from the start only: what their checkpoint covers still has the journals,
   * entries and sums it had when it was verified (a change behind a checkpoint is what a routine
   * run cannot see).
   */
  private async checkpoints(sql: SqlExecutor, scope: VerifyScope): Promise<AssetMismatch[]> {
    const stored = scope.assets.flatMap((a) => (a.full && a.checkpoint ? [a.checkpoint] : []));
    if (stored.length === 0) return [];
    const now = new Map((await this.repository.recountCheckpoints(sql, stored)).map((r) => [r.asset_code, r]));
    return stored.flatMap((c) => {
      const found = now.get(c.assetCode);
      const was = `${c.journals} journals, ${c.entries} entries, credits ${c.credits}, debits ${c.debits}`;
      const is = found
        ? `${found.journals} journals, ${found.entries} entries, credits ${found.credits}, debits ${found.debits}`
        : 'nothing';
      if (was === is) return [];
      return [
        {
          assetCode: c.assetCode,
          mismatch: {
            kind: 'CHECKPOINT_DIVERGED' as const,
            detail: `up to journal ${c.lastJournalId} and entry ${c.lastEntryId}, verified at ${c.verifiedAt.toISOString()}: ${was} then, ${is} now`,
            journalId: c.lastJournalId,
            entryId: c.lastEntryId,
          },
        },
      ];
    });
  }
}
