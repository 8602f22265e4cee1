import type { PostingIntent } from '../domain/posting';
import type { PostingRule } from './posting-rule';

type Hold = Extract<PostingIntent, { kind: 'HOLD' }>;

/**
 * An authorization: the amount moves from the user's wallet to the user's held funds (a HELD
 * account per user and asset, never below zero), so it leaves the spendable balance at once; the
 * hold row is written with the journal.
 */
export const holdRule: PostingRule<Hold> = {
  maxJournals: 1,
  accounts: (intent) => [
    { assetCode: intent.assetCode, ref: { kind: 'USER', userId: intent.userId } },
    { assetCode: intent.assetCode, ref: { kind: 'HELD', userId: intent.userId } },
  ],
  state: () => [],
  apply: (intent, ctx) => {
    const moved = ctx.move({
      type: 'HOLD',
      assetCode: intent.assetCode,
      amount: intent.amount,
      from: { kind: 'USER', userId: intent.userId },
      to: { kind: 'HELD', userId: intent.userId },
      toUserId: null,
      refundOf: null,
    });
    if (!moved.ok) return { rejected: moved.rejection };
    const { command } = ctx;
    const hold = {
      id: intent.holdId,
      status: 'HELD' as const,
      userId: intent.userId,
      assetCode: intent.assetCode,
      amount: intent.amount,
      capturedAmount: 0n,
      captureToUserId: null,
      description: command.description,
      metadata: command.metadata,
      idempotencyKey: command.key,
      createdBy: command.createdBy,
      createdAt: ctx.now,
      expiresAt: new Date(ctx.now.getTime() + intent.expiresInSeconds * 1000),
      finishedAt: null,
      holdTransactionId: moved.transaction.id,
      releaseTransactionId: null,
      captureTransactionId: null,
    };
    ctx.state.createHold(hold);
    return { posted: [moved.transaction], hold };
  },
};
