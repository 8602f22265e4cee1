import { ErrorCode, MAX_BALANCE, MIN_BALANCE } from '@app/common';
import type { Rejection } from './posting';

/** An account row as locked for a batch: its running balance is updated in memory as postings apply. */
export interface LockedAccount {
  readonly id: string;
  readonly kind: 'USER' | 'HELD' | 'SYSTEM';
  balance: bigint;
}

export interface TransferLeg {
  readonly fromAccountId: string;
  readonly toAccountId: string;
  readonly assetCode: string;
  readonly amount: bigint;
}

export interface AppliedLeg {
  readonly ok: true;
  readonly debit: { readonly accountId: string; readonly amount: bigint; readonly balanceAfter: bigint };
  readonly credit: { readonly accountId: string; readonly amount: bigint; readonly balanceAfter: bigint };
}

export type LegResult = AppliedLeg | { readonly ok: false; readonly rejection: Rejection };

/**
 * The ledger's business rules, with no I/O: moves `amount` between two locked accounts, or says why
 * it may not. A user account (and a user's held funds) may not go below zero; a system account may (the treasury holds minus
 * the credits in circulation, so it needs no balance check). No balance may leave the range of a
 * PostgreSQL bigint. Postings of one batch apply in order, each seeing the balances the previous
 * ones left, which is what makes each request's outcome and `balanceAfter` exact.
 */
export function applyLeg(accounts: ReadonlyMap<string, LockedAccount>, leg: TransferLeg): LegResult {
  if (leg.fromAccountId === leg.toAccountId) {
    return { ok: false, rejection: { code: ErrorCode.SAME_ACCOUNT_TRANSFER } };
  }
  const from = mustGet(accounts, leg.fromAccountId);
  const to = mustGet(accounts, leg.toAccountId);
  if (leg.amount <= 0n) throw new RangeError('a posting moves a positive amount');
  if (from.kind !== 'SYSTEM' && from.balance < leg.amount) {
    return {
      ok: false,
      rejection: { code: ErrorCode.INSUFFICIENT_FUNDS, assetCode: leg.assetCode, balance: from.balance, required: leg.amount },
    };
  }
  const fromAfter = from.balance - leg.amount;
  const toAfter = to.balance + leg.amount;
  if (fromAfter < MIN_BALANCE || toAfter > MAX_BALANCE) {
    return { ok: false, rejection: { code: ErrorCode.LIMIT_EXCEEDED, assetCode: leg.assetCode } };
  }
  from.balance = fromAfter;
  to.balance = toAfter;
  return {
    ok: true,
    debit: { accountId: from.id, amount: -leg.amount, balanceAfter: fromAfter },
    credit: { accountId: to.id, amount: leg.amount, balanceAfter: toAfter },
  };
}

function mustGet(accounts: ReadonlyMap<string, LockedAccount>, id: string): LockedAccount {
  const account = accounts.get(id);
  if (!account) throw new Error(`account ${id} was not locked`);
  return account;
}

/** Distinct account ids in ascending numeric order (the database applies the lock order itself). */
export function lockOrder(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
}
