import { fingerprintRequest } from '@app/idempotency';
import { AccountRef, PostingCommand, transactionType } from '@app/ledger';
import { renderOutcome } from '@app/wallets';
import { randomUUID } from 'node:crypto';

const TREASURY: AccountRef = { kind: 'SYSTEM', name: 'TREASURY' };
const BONUS: AccountRef = { kind: 'SYSTEM', name: 'BONUS' };
const user = (userId: string): AccountRef => ({ kind: 'USER', userId });

/**
 * Builds ledger commands the way the wallet use cases do, so integration tests can compose a batch
 * exactly and hand it to LedgerService.postBatch.
 */
export const postings = {
  topup: (userId: string, amount: bigint, key: string = randomUUID()) =>
    command('TOPUP', userId, TREASURY, user(userId), amount, key),
  spend: (userId: string, amount: bigint, key: string = randomUUID()) =>
    command('SPEND', userId, user(userId), TREASURY, amount, key),
  bonus: (userId: string, amount: bigint, key: string = randomUUID()) =>
    command('BONUS', userId, BONUS, user(userId), amount, key),
  transfer: (from: string, to: string, amount: bigint, key: string = randomUUID()) =>
    command('TRANSFER', from, user(from), user(to), amount, key),
};

function command(
  type: 'TOPUP' | 'SPEND' | 'BONUS' | 'TRANSFER',
  actingUserId: string,
  from: AccountRef,
  to: AccountRef,
  amount: bigint,
  key: string,
  assetCode = 'GOLD',
): PostingCommand {
  const { endpoint } = transactionType(type);
  const users: Record<string, string> =
    type === 'TRANSFER' ? { fromUserId: actingUserId, toUserId: (to as { userId: string }).userId } : { userId: actingUserId };
  const fingerprint = fingerprintRequest(endpoint, {
    ...users,
    assetCode,
    amount: amount.toString(),
    description: null,
    metadata: {},
    credential: 'master',
  });
  return {
    intent: { kind: 'MOVE', type, assetCode, amount, from, to },
    actingUserId,
    key,
    description: null,
    metadata: {},
    createdBy: 'master',
    idempotency: { userId: actingUserId, key, endpoint, fingerprint },
    render: renderOutcome,
  };
}
