import { ErrorCode, MAX_BALANCE, MIN_BALANCE } from '@app/common';
import { applyLeg, LockedAccount, lockOrder } from './posting-engine';

function accounts(...list: LockedAccount[]): Map<string, LockedAccount> {
  return new Map(list.map((a) => [a.id, a]));
}

describe('applyLeg', () => {
  it('moves the amount and reports both balances after', () => {
    const book = accounts({ id: '1', kind: 'SYSTEM', balance: 0n }, { id: '7', kind: 'USER', balance: 250n });
    const result = applyLeg(book, { fromAccountId: '1', toAccountId: '7', assetCode: 'GOLD', amount: 100n });
    expect(result).toEqual({
      ok: true,
      debit: { accountId: '1', amount: -100n, balanceAfter: -100n },
      credit: { accountId: '7', amount: 100n, balanceAfter: 350n },
    });
    expect(book.get('1')?.balance).toBe(-100n);
    expect(book.get('7')?.balance).toBe(350n);
  });

  it('lets a system account go negative (the treasury holds minus the credits in circulation)', () => {
    const book = accounts({ id: '1', kind: 'SYSTEM', balance: -5n }, { id: '2', kind: 'USER', balance: 0n });
    expect(applyLeg(book, { fromAccountId: '1', toAccountId: '2', assetCode: 'GOLD', amount: 10n }).ok).toBe(true);
  });

  it('refuses to take a user below zero and changes nothing', () => {
    const book = accounts({ id: '3', kind: 'USER', balance: 99n }, { id: '1', kind: 'SYSTEM', balance: 0n });
    const result = applyLeg(book, { fromAccountId: '3', toAccountId: '1', assetCode: 'GOLD', amount: 100n });
    expect(result).toEqual({
      ok: false,
      rejection: { code: ErrorCode.INSUFFICIENT_FUNDS, assetCode: 'GOLD', balance: 99n, required: 100n },
    });
    expect(book.get('3')?.balance).toBe(99n);
  });

  it('allows spending the whole balance', () => {
    const book = accounts({ id: '3', kind: 'USER', balance: 100n }, { id: '1', kind: 'SYSTEM', balance: 0n });
    expect(applyLeg(book, { fromAccountId: '3', toAccountId: '1', assetCode: 'GOLD', amount: 100n })).toMatchObject({
      ok: true,
      debit: { balanceAfter: 0n },
    });
  });

  it('refuses a balance beyond the bigint range (LIMIT_EXCEEDED), on either side', () => {
    const full = accounts({ id: '1', kind: 'SYSTEM', balance: 0n }, { id: '2', kind: 'USER', balance: MAX_BALANCE - 5n });
    expect(applyLeg(full, { fromAccountId: '1', toAccountId: '2', assetCode: 'GOLD', amount: 6n })).toEqual({
      ok: false,
      rejection: { code: ErrorCode.LIMIT_EXCEEDED, assetCode: 'GOLD' },
    });
    const drained = accounts({ id: '1', kind: 'SYSTEM', balance: MIN_BALANCE + 1n }, { id: '2', kind: 'USER', balance: 0n });
    expect(applyLeg(drained, { fromAccountId: '1', toAccountId: '2', assetCode: 'GOLD', amount: 2n })).toMatchObject({
      ok: false,
      rejection: { code: ErrorCode.LIMIT_EXCEEDED },
    });
    expect(drained.get('1')?.balance).toBe(MIN_BALANCE + 1n);
  });

  it('refuses a transfer between one account and itself', () => {
    const book = accounts({ id: '4', kind: 'USER', balance: 10n });
    expect(applyLeg(book, { fromAccountId: '4', toAccountId: '4', assetCode: 'GOLD', amount: 1n })).toEqual({
      ok: false,
      rejection: { code: ErrorCode.SAME_ACCOUNT_TRANSFER },
    });
  });

  it('applies a sequence in order, each posting seeing the balances the previous left', () => {
    const book = accounts({ id: '1', kind: 'SYSTEM', balance: 0n }, { id: '5', kind: 'USER', balance: 10n });
    const spend = { fromAccountId: '5', toAccountId: '1', assetCode: 'GOLD', amount: 7n };
    expect(applyLeg(book, spend).ok).toBe(true);
    expect(applyLeg(book, spend)).toMatchObject({ ok: false, rejection: { balance: 3n, required: 7n } });
    expect(book.get('5')?.balance).toBe(3n);
  });

  it('throws when an account was not locked (a bug, never a client error)', () => {
    expect(() => applyLeg(accounts(), { fromAccountId: '1', toAccountId: '2', assetCode: 'GOLD', amount: 1n })).toThrow(
      /not locked/,
    );
  });
});

describe('lockOrder', () => {
  it('dedupes and sorts ids numerically, not as text', () => {
    expect(lockOrder(['10', '9', '100', '9', '1'])).toEqual(['1', '9', '10', '100']);
  });
});
