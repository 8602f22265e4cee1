import type { ErrorCode } from '@app/common';
import type { IdempotencyClaim, StoredResponse } from '@app/idempotency';
import type { TransactionType } from '../transaction-types/transaction-types';

export {
  TRANSACTION_TYPES,
  TRANSACTION_TYPE_REGISTRY,
  isTransactionType,
  transactionType,
} from '../transaction-types/transaction-types';
export type { TransactionType, TransactionTypeDeclaration } from '../transaction-types/transaction-types';

export const SYSTEM_ACCOUNTS = ['TREASURY', 'BONUS'] as const;
export type SystemAccountName = (typeof SYSTEM_ACCOUNTS)[number];

/** Who owns an account: a user's wallet, the user's funds reserved by holds, or a system pool of the asset. */
export type AccountRef =
  | { readonly kind: 'USER'; readonly userId: string }
  | { readonly kind: 'HELD'; readonly userId: string }
  | { readonly kind: 'SYSTEM'; readonly name: SystemAccountName };

export type HoldStatus = 'HELD' | 'CAPTURED' | 'VOIDED' | 'EXPIRED';

/** The parts of a transaction that never change, as a refund needs them (read before the posting). */
export interface RefundableOriginal {
  readonly id: string;
  readonly type: TransactionType;
  readonly assetCode: string;
  readonly amount: bigint;
  readonly userId: string;
  /** The debited account, then the credited one. */
  readonly from: AccountRef;
  readonly to: AccountRef;
}

/** The parts of a hold that never change (read before a capture, void or expiry). */
export interface HoldRef {
  readonly id: string;
  readonly userId: string;
  readonly assetCode: string;
  readonly amount: bigint;
}

/**
 * What a posting asks for; each kind has its rule in `rules/` (accounts to lock, state to load,
 * what it checks and which journals it writes).
 */
export type PostingIntent =
  | {
      readonly kind: 'MOVE';
      readonly type: 'TOPUP' | 'SPEND' | 'BONUS' | 'TRANSFER';
      readonly assetCode: string;
      readonly amount: bigint;
      readonly from: AccountRef;
      readonly to: AccountRef;
    }
  | { readonly kind: 'REFUND'; readonly original: RefundableOriginal; readonly amount: bigint | null }
  | {
      readonly kind: 'HOLD';
      readonly holdId: string;
      readonly userId: string;
      readonly assetCode: string;
      readonly amount: bigint;
      readonly expiresInSeconds: number;
    }
  | {
      readonly kind: 'SETTLE_HOLD';
      readonly hold: HoldRef;
      readonly action: 'CAPTURE' | 'VOID' | 'EXPIRE';
      /** CAPTURE only: how much (null: all). */
      readonly amount: bigint | null;
      /** CAPTURE only: the receiving user (null: the treasury). */
      readonly toUserId: string | null;
    };

/**
 * One write to post. `actingUserId` and `key` go on its journals. The two ports are optional: a
 * write made for an HTTP request has an idempotency claim (stored with its outcome, in the same
 * transaction) and a renderer (the response stored and sent); a write the service starts itself
 * (a hold's expiry) has neither and gets its outcome back.
 */
export interface PostingCommand {
  readonly intent: PostingIntent;
  readonly actingUserId: string;
  /** The journal's idempotency key: the request's, or a system key naming the cause. */
  readonly key: string;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  /** The credential that asked for it: an API key's id, `master`, or `system` (attribution). */
  readonly createdBy: string;
  readonly idempotency?: IdempotencyClaim;
  readonly render?: (outcome: PostingOutcome) => StoredResponse;
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
  /** The refunded transaction (refunds only). */
  readonly refundOf: string | null;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
  /** The credential that posted it: an API key's id, `master`, `system`, or `anonymous` (before access control). */
  readonly createdBy: string;
  readonly createdAt: Date;
  /** Debit first, then credit. */
  readonly entries: readonly PostedEntry[];
}

/** A hold as it stands (after a posting, or read back). */
export interface HoldView {
  readonly id: string;
  readonly status: HoldStatus;
  readonly userId: string;
  readonly assetCode: string;
  readonly amount: bigint;
  readonly capturedAmount: bigint;
  readonly captureToUserId: string | null;
  readonly description: string | null;
  readonly metadata: Readonly<Record<string, string>>;
  readonly idempotencyKey: string;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly finishedAt: Date | null;
  readonly holdTransactionId: string;
  readonly releaseTransactionId: string | null;
  readonly captureTransactionId: string | null;
}

export type Rejection =
  | {
      readonly code: ErrorCode.INSUFFICIENT_FUNDS;
      readonly assetCode: string;
      readonly balance: bigint;
      readonly required: bigint;
    }
  | { readonly code: ErrorCode.LIMIT_EXCEEDED; readonly assetCode: string }
  | { readonly code: ErrorCode.SAME_ACCOUNT_TRANSFER }
  | { readonly code: ErrorCode.REFUND_EXCEEDS_ORIGINAL; readonly refundable: bigint }
  | { readonly code: ErrorCode.NOT_REFUNDABLE; readonly type: TransactionType }
  | { readonly code: ErrorCode.HOLD_NOT_ACTIVE; readonly holdStatus: HoldStatus }
  | {
      readonly code: ErrorCode.DAILY_LIMIT_EXCEEDED;
      readonly assetCode: string;
      readonly limit: bigint;
      readonly remaining: bigint;
    };

/**
 * A posted write: its journals in order and, for a hold's postings, the hold as it now stands.
 * `transactions[0]` is the one a transaction response shows.
 */
export type PostingOutcome =
  | { readonly kind: 'POSTED'; readonly transactions: readonly PostedTransaction[]; readonly hold: HoldView | null }
  | { readonly kind: 'REJECTED'; readonly rejection: Rejection };

/** The acting user's balance after a posted transaction (the sender's for a transfer). */
export function actingBalanceAfter(transaction: PostedTransaction): bigint {
  const entry = transaction.entries.find((e) => e.account.kind === 'USER' && e.account.userId === transaction.userId);
  if (!entry) throw new Error(`transaction ${transaction.id} has no entry for its acting user`);
  return entry.balanceAfter;
}

export function accountRefKey(assetCode: string, ref: AccountRef): string {
  switch (ref.kind) {
    case 'USER':
      return `U|${ref.userId}|${assetCode}`;
    case 'HELD':
      return `H|${ref.userId}|${assetCode}`;
    case 'SYSTEM':
      return `S|${ref.name}|${assetCode}`;
  }
}

/** The user behind an account (a system account's name otherwise), for messages. */
export function ownerOf(ref: AccountRef): string {
  return ref.kind === 'SYSTEM' ? ref.name : ref.userId;
}
