import type { SqlExecutor } from '@app/common';

export type MismatchKind =
  | 'ASSET_SUM_NOT_ZERO'
  | 'BALANCE_NOT_SUM_OF_ENTRIES'
  | 'BALANCE_NOT_LAST_BALANCE_AFTER'
  | 'RUNNING_BALANCE_BROKEN'
  | 'JOURNAL_NOT_BALANCED'
  | 'NEGATIVE_USER_BALANCE'
  | 'CHECKPOINT_DIVERGED'
  | 'HELD_FUNDS_NOT_ACTIVE_HOLDS';

export interface Mismatch {
  readonly kind: MismatchKind;
  readonly detail: string;
  readonly accountId?: string;
  readonly journalId?: string;
  readonly entryId?: string;
  readonly expected?: string;
  readonly actual?: string;
}

/** Where a routine verification of an asset started: its last verified checkpoint. */
export interface CheckpointRef {
  readonly journalId: string;
  readonly entryId: string;
  readonly verifiedAt: string;
}

export interface AssetVerification {
  readonly assetCode: string;
  readonly sum: string;
  readonly accounts: number;
  readonly entries: number;
  readonly journals: number;
  /** The checkpoint a routine run trusted (what is behind it was verified earlier); null when recomputed from the start. */
  readonly checkpoint: CheckpointRef | null;
  readonly mismatches: Mismatch[];
}

export interface LedgerVerification {
  readonly ok: boolean;
  /** True when every asset was recomputed from its first entry (`?full=true`, the CLI, or no checkpoint yet). */
  readonly full: boolean;
  readonly checkedAt: string;
  readonly assets: AssetVerification[];
}

/** A verified checkpoint as stored (see the ledger_verify_checkpoints migration). */
export interface StoredCheckpoint {
  readonly assetCode: string;
  readonly lastJournalId: string;
  readonly lastEntryId: string;
  readonly journals: string;
  readonly entries: string;
  readonly credits: string;
  readonly debits: string;
  readonly revision: string;
  readonly verifiedAt: Date;
  /** Set by a full run that found a mismatch: routine runs recompute the asset from the start. */
  readonly failedAt: Date | null;
}

/**
 * What one run checks, per asset: journals and entries with ids above `journalFrom` / `entryFrom`
 * are checked one by one; what is at or below was verified by an earlier run (the asset's
 * checkpoint). Both are "0" when the asset is recomputed from its first entry (`full`): in a full
 * run, without a checkpoint, or after a full run found a mismatch in it.
 */
export interface VerifyScope {
  /** Every asset is recomputed from its first entry. */
  readonly full: boolean;
  readonly assets: readonly AssetScope[];
}

export interface AssetScope {
  readonly assetCode: string;
  readonly full: boolean;
  readonly journalFrom: string;
  readonly entryFrom: string;
  /** The asset's stored checkpoint, if any (trusted only when not `full`). */
  readonly checkpoint: StoredCheckpoint | null;
}

export interface AssetMismatch {
  readonly assetCode: string;
  readonly mismatch: Mismatch;
}

/**
 * One invariant of the ledger. It runs inside the verification's read-only snapshot, on the
 * verification's own connection, and reports what it finds (at most ~100 rows of each kind).
 * In a routine run it must cover at least everything above the scope's `*From` ids; what it may
 * take on trust below them, it says in its doc comment.
 */
export interface LedgerCheck {
  readonly name: string;
  run(sql: SqlExecutor, scope: VerifyScope): Promise<AssetMismatch[]>;
}

/** At most this many mismatches of each kind are listed (the check itself covers every row). */
export const MAX_LISTED = 100;

/** The detail of the 429 a concurrent verification gets. */
export const LEDGER_VERIFY_BUSY_DETAIL = 'A ledger verification is already running in this process. Retry after it finishes.';
