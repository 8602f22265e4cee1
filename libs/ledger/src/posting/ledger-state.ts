import type { HoldStatus, HoldView } from '../domain/posting';

/**
 * State beyond balances that a posting rule may need, declared by the rule before the batch runs
 * and loaded in the batch's first flight right after the account locks (so what it reads was
 * written, if at all, by transactions that released those locks: every writer of this state
 * holds the same accounts). Rules read and change it in memory; the changes are written in the
 * second flight with the journals.
 */
export type StateRequest =
  /** What was already refunded of a transaction. */
  | { readonly kind: 'refunded'; readonly transactionId: string }
  /** A hold's row. */
  | { readonly kind: 'hold'; readonly holdId: string }
  /** What a user already sent today (UTC) in an asset, against TRANSFER_DAILY_LIMIT. */
  | { readonly kind: 'outflow'; readonly userId: string; readonly assetCode: string };

export interface HoldSettlement {
  readonly id: string;
  readonly status: Exclude<HoldStatus, 'HELD'>;
  readonly capturedAmount: bigint;
  readonly captureToUserId: string | null;
  readonly finishedAt: Date;
  readonly releaseJournalId: string;
  readonly captureJournalId: string | null;
}

/**
 * The loaded state of one batch and what its postings changed. A rule changes it only once it can
 * no longer reject its posting (after its last move); `changes` lets the batch check that.
 */
export class LedgerState {
  /** How many changes the batch's postings made so far. */
  changes = 0;
  readonly newHolds: HoldView[] = [];
  readonly settlements: HoldSettlement[] = [];
  /** Added to each user's daily outflow by this batch, by outflow key. */
  readonly outflowDeltas = new Map<string, { userId: string; assetCode: string; amount: bigint }>();

  constructor(
    private readonly refundedSums: Map<string, bigint>,
    private readonly holds: Map<string, HoldView>,
    private readonly outflows: Map<string, bigint>,
  ) {}

  static empty(): LedgerState {
    return new LedgerState(new Map(), new Map(), new Map());
  }

  refunded(transactionId: string): bigint {
    return this.refundedSums.get(transactionId) ?? 0n;
  }

  addRefund(transactionId: string, amount: bigint): void {
    this.changes++;
    this.refundedSums.set(transactionId, this.refunded(transactionId) + amount);
  }

  hold(holdId: string): HoldView | undefined {
    return this.holds.get(holdId);
  }

  createHold(hold: HoldView): void {
    this.changes++;
    this.holds.set(hold.id, hold);
    this.newHolds.push(hold);
  }

  settleHold(settlement: HoldSettlement): HoldView {
    const hold = this.holds.get(settlement.id);
    if (!hold) throw new Error(`hold ${settlement.id} was not loaded`);
    this.changes++;
    const settled: HoldView = {
      ...hold,
      status: settlement.status,
      capturedAmount: settlement.capturedAmount,
      captureToUserId: settlement.captureToUserId,
      finishedAt: settlement.finishedAt,
      releaseTransactionId: settlement.releaseJournalId,
      captureTransactionId: settlement.captureJournalId,
    };
    this.holds.set(hold.id, settled);
    const created = this.newHolds.findIndex((h) => h.id === hold.id);
    if (created >= 0) this.newHolds[created] = settled;
    else this.settlements.push(settlement);
    return settled;
  }

  outflow(userId: string, assetCode: string): bigint {
    return (
      (this.outflows.get(outflowKey(userId, assetCode)) ?? 0n) +
      (this.outflowDeltas.get(outflowKey(userId, assetCode))?.amount ?? 0n)
    );
  }

  addOutflow(userId: string, assetCode: string, amount: bigint): void {
    this.changes++;
    const key = outflowKey(userId, assetCode);
    const delta = this.outflowDeltas.get(key);
    this.outflowDeltas.set(key, { userId, assetCode, amount: (delta?.amount ?? 0n) + amount });
  }
}

export function outflowKey(userId: string, assetCode: string): string {
  return `${userId}|${assetCode}`;
}
