import { ErrorCode } from '@app/common';
import type { AccountRef, PostingIntent } from '../domain/posting';
import type { PostingRule } from './posting-rule';

type Settle = Extract<PostingIntent, { kind: 'SETTLE_HOLD' }>;

const TREASURY: AccountRef = { kind: 'SYSTEM', name: 'TREASURY' };

/**
 * Capture, void or expiry of a hold: the hold row (state, read after the locks on the user's
 * wallet and held funds, which every settlement of the hold takes) must still be HELD — so of a
 * capture, a void and an expiry racing each other exactly one wins. The held amount returns to
 * the wallet (HOLD_RELEASE); a capture then moves the captured part to the treasury or to another
 * user (HOLD_CAPTURE), so every movement shows in the user's history with an exact balance.
 */
export const settleHoldRule: PostingRule<Settle> = {
  maxJournals: 2,
  accounts: ({ hold, action, toUserId }) => [
    { assetCode: hold.assetCode, ref: { kind: 'HELD', userId: hold.userId } },
    { assetCode: hold.assetCode, ref: { kind: 'USER', userId: hold.userId } },
    ...(action === 'CAPTURE' ? [{ assetCode: hold.assetCode, ref: captureTarget(toUserId) }] : []),
  ],
  state: ({ hold }) => [{ kind: 'hold', holdId: hold.id }],
  apply: ({ hold: ref, action, amount, toUserId }, ctx) => {
    const hold = ctx.state.hold(ref.id);
    if (!hold) throw new Error(`hold ${ref.id} was not loaded`);
    if (hold.status !== 'HELD') return { rejected: { code: ErrorCode.HOLD_NOT_ACTIVE, holdStatus: hold.status } };
    // An expiry that arrives early (another replica's clock, a hold just extended) changes nothing.
    if (action === 'EXPIRE' && hold.expiresAt > ctx.now)
      return { rejected: { code: ErrorCode.HOLD_NOT_ACTIVE, holdStatus: 'HELD' } };
    if (action === 'CAPTURE' && toUserId === hold.userId) return { rejected: { code: ErrorCode.SAME_ACCOUNT_TRANSFER } };
    const user: AccountRef = { kind: 'USER', userId: hold.userId };
    const released = ctx.move({
      type: 'HOLD_RELEASE',
      assetCode: hold.assetCode,
      amount: hold.amount,
      from: { kind: 'HELD', userId: hold.userId },
      to: user,
      toUserId: null,
      refundOf: null,
    });
    if (!released.ok) return { rejected: released.rejection };
    if (action !== 'CAPTURE') {
      const settled = ctx.state.settleHold({
        id: hold.id,
        status: action === 'VOID' ? 'VOIDED' : 'EXPIRED',
        capturedAmount: 0n,
        captureToUserId: null,
        finishedAt: ctx.now,
        releaseJournalId: released.transaction.id,
        captureJournalId: null,
      });
      return { posted: [released.transaction], hold: settled };
    }
    const captured = amount ?? hold.amount;
    if (captured <= 0n || captured > hold.amount)
      throw new RangeError('a capture is checked against the hold before it is posted');
    const moved = ctx.move({
      type: 'HOLD_CAPTURE',
      assetCode: hold.assetCode,
      amount: captured,
      from: user,
      to: captureTarget(toUserId),
      toUserId,
      refundOf: null,
    });
    if (!moved.ok) return { rejected: moved.rejection };
    const settled = ctx.state.settleHold({
      id: hold.id,
      status: 'CAPTURED',
      capturedAmount: captured,
      captureToUserId: toUserId,
      finishedAt: ctx.now,
      releaseJournalId: released.transaction.id,
      captureJournalId: moved.transaction.id,
    });
    return { posted: [released.transaction, moved.transaction], hold: settled };
  },
};

function captureTarget(toUserId: string | null): AccountRef {
  return toUserId === null ? TREASURY : { kind: 'USER', userId: toUserId };
}
