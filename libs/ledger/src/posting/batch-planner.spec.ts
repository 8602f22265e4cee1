import type { PostingCommand, PostingIntent } from '../domain/posting';
import type { RuleSettings } from '../rules/posting-rule';
import { planBatch, readyCommands, ReadyCommand } from './batch-planner';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';
const noLimits: RuleSettings = { transferDailyLimit: () => null };

function command(intent: PostingIntent, key: string | null, fingerprint = 'f'): PostingCommand {
  return {
    intent,
    actingUserId: ALICE,
    key: key ?? 'system',
    description: null,
    metadata: {},
    createdBy: 'master',
    ...(key === null
      ? {}
      : {
          idempotency: { userId: ALICE, key, endpoint: 'POST /v1/topup', fingerprint },
          render: () => ({ status: 201, body: '{}' }),
        }),
  };
}

const topup = (amount: bigint): PostingIntent => ({
  kind: 'MOVE',
  type: 'TOPUP',
  assetCode: 'GOLD',
  amount,
  from: { kind: 'SYSTEM', name: 'TREASURY' },
  to: { kind: 'USER', userId: ALICE },
});
const transfer: PostingIntent = {
  kind: 'MOVE',
  type: 'TRANSFER',
  assetCode: 'GOLD',
  amount: 5n,
  from: { kind: 'USER', userId: ALICE },
  to: { kind: 'USER', userId: BOB },
};
const ready = (c: PostingCommand, accountIds: string[]): ReadyCommand => ({ command: c, accountIds });

describe('planBatch', () => {
  it('runs the first command of each key and answers the others from it; commands without a claim always run', () => {
    const batch = [
      ready(command(topup(1n), 'k1'), ['10', '2']),
      ready(command(topup(1n), 'k1'), ['10', '2']),
      ready(command(topup(2n), 'k2'), ['11', '2']),
      ready(command(topup(3n), null), ['12', '2']),
      ready(command(topup(3n), null), ['12', '2']),
    ];
    const plan = planBatch(batch, noLimits);
    expect(plan.primaries).toEqual([0, 2, 3, 4]);
    expect(plan.followers).toEqual([{ index: 1, primary: 0 }]);
  });

  it('locks each account once, in ascending numeric order (not string order)', () => {
    const plan = planBatch([ready(command(topup(1n), 'a'), ['10', '9']), ready(command(transfer, 'b'), ['100', '9'])], noLimits);
    expect(plan.lockIds).toEqual(['9', '10', '100']);
  });

  it('draws the most journals each rule may write, and asks for the state the rules need', () => {
    const settle: PostingIntent = {
      kind: 'SETTLE_HOLD',
      hold: { id: 'h1', userId: ALICE, assetCode: 'GOLD', amount: 9n },
      action: 'CAPTURE',
      amount: null,
      toUserId: null,
    };
    const limited: RuleSettings = { transferDailyLimit: (asset) => (asset === 'GOLD' ? 100n : null) };
    const plan = planBatch(
      [
        ready(command(topup(1n), 'a'), ['1', '2']),
        ready(command(settle, 'b'), ['3', '4', '2']),
        ready(command(transfer, 'c'), ['1', '5']),
      ],
      limited,
    );
    expect(plan.journalCount).toBe(1 + 2 + 1);
    expect(plan.state).toEqual([
      { kind: 'hold', holdId: 'h1' },
      { kind: 'outflow', userId: ALICE, assetCode: 'GOLD' },
    ]);
    expect(planBatch([ready(command(transfer, 'c'), ['1', '5'])], noLimits).state).toEqual([]);
  });
});

describe('readyCommands', () => {
  it('keeps the commands whose accounts all resolved and names the user of the first that did not', () => {
    const ids = new Map<string, string | null>([
      [`S|TREASURY|GOLD`, '2'],
      [`U|${ALICE}|GOLD`, '10'],
      [`U|${BOB}|GOLD`, null],
    ]);
    const { ready: found, missing } = readyCommands([command(topup(1n), 'a'), command(transfer, 'b')], ids);
    expect(found.map((r) => [r.index, r.accountIds])).toEqual([[0, ['2', '10']]]);
    expect(missing).toEqual([{ index: 1, userId: BOB }]);
  });
});
