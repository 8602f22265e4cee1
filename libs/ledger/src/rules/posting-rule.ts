import type { AccountRef, HoldView, PostedTransaction, PostingIntent, Rejection } from '../domain/posting';
import type { StateRequest } from '../posting/ledger-state';
import type { RuleContext } from '../posting/posting-scratch';

/** What a rule decided for one posting. */
export type RuleResult =
  { readonly posted: readonly PostedTransaction[]; readonly hold: HoldView | null } | { readonly rejected: Rejection };

/** Settings the rules read (from the service's configuration). */
export interface RuleSettings {
  /** TRANSFER_DAILY_LIMIT of an asset: the most a user may send in it per UTC day (null: unlimited). */
  transferDailyLimit(assetCode: string): bigint | null;
}

/**
 * The business rule of one kind of posting. The batch calls `accounts` and `state` before its
 * transaction (the ids are resolved, then locked in the one lock order and the state loaded after
 * the locks), draws `maxJournals` journal ids, and calls `apply` in memory with the locked
 * balances: it checks, then moves money with `ctx.move` (one journal each), or rejects. It changes
 * `ctx.state` only after its last move, when it can no longer reject (a refused move is undone by
 * the batch; a state change is not, and the batch refuses a rule that breaks this).
 */
export interface PostingRule<I extends PostingIntent> {
  readonly maxJournals: number;
  accounts(intent: I): ReadonlyArray<{ readonly assetCode: string; readonly ref: AccountRef }>;
  state(intent: I, settings: RuleSettings): readonly StateRequest[];
  apply(intent: I, ctx: RuleContext, settings: RuleSettings): RuleResult;
}
