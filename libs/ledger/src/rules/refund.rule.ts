import { ErrorCode } from '@app/common';
import { transactionType, type PostingIntent } from '../domain/posting';
import type { PostingRule } from './posting-rule';

type Refund = Extract<PostingIntent, { kind: 'REFUND' }>;

/**
 * A refund moves (part of) the original back along its path: from the account it credited to the
 * one it debited. Its cap is state: what was already refunded of the original, read after the
 * locks on the original's two accounts — which every refund of it takes — so refunds sent at the
 * same moment are counted one after the other and never add up to more than the original.
 */
export const refundRule: PostingRule<Refund> = {
  maxJournals: 1,
  accounts: ({ original }) => [
    { assetCode: original.assetCode, ref: original.to },
    { assetCode: original.assetCode, ref: original.from },
  ],
  state: ({ original }) => [{ kind: 'refunded', transactionId: original.id }],
  apply: ({ original, amount }, ctx) => {
    if (!transactionType(original.type).refundable) {
      return { rejected: { code: ErrorCode.NOT_REFUNDABLE, type: original.type } };
    }
    const refundable = original.amount - ctx.state.refunded(original.id);
    const refund = amount ?? refundable;
    if (refund <= 0n || refund > refundable) {
      return { rejected: { code: ErrorCode.REFUND_EXCEEDS_ORIGINAL, refundable } };
    }
    const moved = ctx.move({
      type: 'REFUND',
      assetCode: original.assetCode,
      amount: refund,
      from: original.to,
      to: original.from,
      // The other user of a refunded transfer (its receiver, who pays the refund back).
      toUserId: original.to.kind === 'USER' && original.to.userId !== original.userId ? original.to.userId : null,
      refundOf: original.id,
    });
    if (!moved.ok) return { rejected: moved.rejection };
    ctx.state.addRefund(original.id, refund);
    return { posted: [moved.transaction], hold: null };
  },
};
