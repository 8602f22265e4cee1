import { ErrorCode } from '@app/common';
import type { PostingIntent } from '../domain/posting';
import type { PostingRule, RuleSettings } from './posting-rule';

type Move = Extract<PostingIntent, { kind: 'MOVE' }>;

/**
 * TOPUP, SPEND, BONUS and TRANSFER: one journal between two accounts. A transfer also counts
 * against the sender's TRANSFER_DAILY_LIMIT for its asset, when one is set: the day's total is
 * state loaded behind the sender's account lock, so concurrent transfers cannot overshoot it.
 */
export const moveRule: PostingRule<Move> = {
  maxJournals: 1,
  accounts: (intent) => [
    { assetCode: intent.assetCode, ref: intent.from },
    { assetCode: intent.assetCode, ref: intent.to },
  ],
  state: (intent, settings) => {
    const sender = limitedSender(intent, settings);
    return sender ? [{ kind: 'outflow', userId: sender, assetCode: intent.assetCode }] : [];
  },
  apply: (intent, ctx, settings) => {
    const sender = limitedSender(intent, settings);
    const limit = settings.transferDailyLimit(intent.assetCode);
    const sameUser = intent.to.kind === 'USER' && sender === intent.to.userId;
    if (sender && limit !== null && !sameUser) {
      const remaining = limit - ctx.state.outflow(sender, intent.assetCode);
      if (intent.amount > remaining) {
        return {
          rejected: {
            code: ErrorCode.DAILY_LIMIT_EXCEEDED,
            assetCode: intent.assetCode,
            limit,
            remaining: remaining > 0n ? remaining : 0n,
          },
        };
      }
    }
    const moved = ctx.move({
      type: intent.type,
      assetCode: intent.assetCode,
      amount: intent.amount,
      from: intent.from,
      to: intent.to,
      toUserId: intent.type === 'TRANSFER' && intent.to.kind === 'USER' ? intent.to.userId : null,
      refundOf: null,
    });
    if (!moved.ok) return { rejected: moved.rejection };
    if (sender) ctx.state.addOutflow(sender, intent.assetCode, intent.amount);
    return { posted: [moved.transaction], hold: null };
  },
};

function limitedSender(intent: Move, settings: RuleSettings): string | null {
  if (intent.type !== 'TRANSFER' || intent.from.kind !== 'USER' || settings.transferDailyLimit(intent.assetCode) === null)
    return null;
  return intent.from.userId;
}
