import type { ErrorCode } from '@app/common';
import type { IdempotencyClaim, StoredResponse } from '@app/idempotency';

export const TRANSACTION_TYPES = ['TOPUP', 'SPEND', 'BONUS', 'TRANSFER'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const SYSTEM_ACCOUNTS = ['TREASURY', 'BONUS'] as const;
export type SystemAccountName = (typeof SYSTEM_ACCOUNTS)[number];

/** Who owns an account: a user, or one of the system pools of the asset. */
export type AccountRef =
  | { readonly kind: 'USER'; readonly userId: string }
  | { readonly kind: 'SYSTEM'; readonly name: SystemAccountName };

/**
 * One write to post: `amount` moves from `from` to `to` in `assetCode`. The idempotency claim names
 * the acting user (the journal's `userId`) and the key; `render` turns the outcome into the
 * response that is stored with the key and sent to the client.
 */
export interface PostingCommand {
  readonly type: TransactionType;
  readonly assetCode: string;
  readonly amount: bigint;
  readonly from: AccountRef;
  readonly to: AccountRef;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  /** The credential that asked for it: an API key's id, `master`, or `system` (attribution). */
  readonly createdBy: string;
  readonly idempotency: IdempotencyClaim;
  readonly render: (outcome: PostingOutcome) => StoredResponse;
}

export interface PostedEntry {
  readonly account: AccountRef;
  /** Signed: credits positive, debits negative. */
  readonly amount: bigint;
  readonly balanceAfter: bigint;
}

/** A journal transaction as it was posted (and as it reads back). */
export interface PostedTransaction {
  readonly id: string;
  readonly type: TransactionType;
  readonly assetCode: string;
  readonly amount: bigint;
  readonly userId: string;
  readonly toUserId: string | null;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
  /** The credential that posted it: an API key's id, `master`, `system`, or `anonymous` (before access control). */
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Debit first, then credit. */
  readonly entries: readonly PostedEntry[];
}

export type Rejection =
  | {
      readonly code: ErrorCode.INSUFFICIENT_FUNDS;
      readonly assetCode: string;
      readonly balance: bigint;
      readonly required: bigint;
    }
  | { readonly code: ErrorCode.LIMIT_EXCEEDED; readonly assetCode: string }
  | { readonly code: ErrorCode.SAME_ACCOUNT_TRANSFER };

export type PostingOutcome =
  | { readonly kind: 'POSTED'; readonly transaction: PostedTransaction }
  | { readonly kind: 'REJECTED'; readonly rejection: Rejection };

/** The acting user's balance after a posted transaction (the sender's for a transfer). */
export function actingBalanceAfter(transaction: PostedTransaction): bigint {
  const entry = transaction.entries.find((e) => e.account.kind === 'USER' && e.account.userId === transaction.userId);
  if (!entry) throw new Error(`transaction ${transaction.id} has no entry for its acting user`);
  return entry.balanceAfter;
}

export function accountRefKey(assetCode: string, ref: AccountRef): string {
  return ref.kind === 'USER' ? `U|${ref.userId}|${assetCode}` : `S|${ref.name}|${assetCode}`;
}
