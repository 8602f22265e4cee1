import { ErrorCode, MAX_BALANCE } from '@app/common';
import type { HoldView, PostingCommand, PostingIntent } from '../domain/posting';
import type { LockedAccount } from '../domain/posting-engine';
import { postingRules } from '../rules/posting-rules';
import { LedgerState } from './ledger-state';
import { PostingScratch } from './posting-scratch';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';
const settings = { transferDailyLimit: () => null };

const hold: HoldView = {
  id: 'h1',
  status: 'HELD',
  userId: ALICE,
  assetCode: 'GOLD',
  amount: 50n,
  capturedAmount: 0n,
  captureToUserId: null,
  description: null,
  metadata: {},
  idempotencyKey: 'k',
  createdBy: 'master',
  createdAt: new Date(0),
  expiresAt: new Date(3_600_000),
  finishedAt: null,
  holdTransactionId: '1',
  releaseTransactionId: null,
  captureTransactionId: null,
};

function setup(bobBalance: bigint) {
  const accounts = new Map<string, LockedAccount>([
    ['1', { id: '1', kind: 'USER', balance: 100n }],
    ['2', { id: '2', kind: 'HELD', balance: 50n }],
    ['3', { id: '3', kind: 'USER', balance: bobBalance }],
  ]);
  const ids = new Map([
    [`U|${ALICE}|GOLD`, '1'],
    [`H|${ALICE}|GOLD`, '2'],
    [`U|${BOB}|GOLD`, '3'],
  ]);
  const state = new LedgerState(new Map(), new Map([[hold.id, hold]]), new Map());
  return { accounts, scratch: new PostingScratch(accounts, ids, ['101', '102', '103', '104'], new Date(1000), state), state };
}

function capture(toUserId: string): PostingCommand {
  const intent: PostingIntent = { kind: 'SETTLE_HOLD', hold, action: 'CAPTURE', amount: 30n, toUserId };
  return { intent, actingUserId: ALICE, key: 'c', description: null, metadata: {}, createdBy: 'master' };
}

describe('PostingScratch', () => {
  it('applies a capture as a release of the whole hold, then the payment of the captured part', () => {
    const { accounts, scratch, state } = setup(0n);
    const command = capture(BOB);
    const result = scratch.apply(command, (ctx) => postingRules.apply(command.intent, ctx, settings));
    expect('posted' in result && result.posted.map((t) => [t.type, t.amount])).toEqual([
      ['HOLD_RELEASE', 50n],
      ['HOLD_CAPTURE', 30n],
    ]);
    expect([...accounts.values()].map((a) => a.balance)).toEqual([120n, 0n, 30n]);
    expect(scratch.journals.map((j) => j.id)).toEqual(['101', '102']);
    expect(state.hold(hold.id)?.status).toBe('CAPTURED');
    expect([...scratch.balances()]).toEqual([
      ['2', 0n],
      ['1', 120n],
      ['3', 30n],
    ]);
  });

  it('undoes the release when the payment is refused halfway: balances, journals, ids and the hold as before', () => {
    const { accounts, scratch, state } = setup(MAX_BALANCE - 10n);
    const command = capture(BOB);
    const result = scratch.apply(command, (ctx) => postingRules.apply(command.intent, ctx, settings));
    expect(result).toEqual({ rejected: { code: ErrorCode.LIMIT_EXCEEDED, assetCode: 'GOLD' } });
    expect([...accounts.values()].map((a) => a.balance)).toEqual([100n, 50n, MAX_BALANCE - 10n]);
    expect(scratch.journals).toEqual([]);
    expect(state.hold(hold.id)?.status).toBe('HELD');
    expect(state.settlements).toEqual([]);

    // The next posting of the batch gets the ids the refused one did not use.
    const ok = capture(ALICE);
    expect('rejected' in scratch.apply(ok, (ctx) => postingRules.apply(ok.intent, ctx, settings))).toBe(true); // to the holder: SAME_ACCOUNT
    const release: PostingCommand = {
      ...capture(BOB),
      intent: { kind: 'SETTLE_HOLD', hold, action: 'VOID', amount: null, toUserId: null },
    };
    scratch.apply(release, (ctx) => postingRules.apply(release.intent, ctx, settings));
    expect(scratch.journals.map((j) => [j.id, j.type])).toEqual([['101', 'HOLD_RELEASE']]);
  });

  it('refuses a rule that changes the batch state and then rejects (the state is not undone)', () => {
    const { scratch } = setup(0n);
    const command = capture(BOB);
    expect(() =>
      scratch.apply(command, (ctx) => {
        ctx.state.addRefund('7', 1n);
        return { rejected: { code: ErrorCode.SAME_ACCOUNT_TRANSFER } };
      }),
    ).toThrow(/changed the batch state/);
  });
});
