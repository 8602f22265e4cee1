import type { PostingIntent } from '../domain/posting';
import type { RuleContext } from '../posting/posting-scratch';
import type { StateRequest } from '../posting/ledger-state';
import { holdRule } from './hold.rule';
import { moveRule } from './move.rule';
import type { PostingRule, RuleResult, RuleSettings } from './posting-rule';
import { refundRule } from './refund.rule';
import { settleHoldRule } from './settle-hold.rule';

/** The rule of each kind of posting (a new kind adds its rule file and one line here). */
const RULES: { readonly [K in PostingIntent['kind']]: PostingRule<Extract<PostingIntent, { kind: K }>> } = {
  MOVE: moveRule,
  REFUND: refundRule,
  HOLD: holdRule,
  SETTLE_HOLD: settleHoldRule,
};

function ruleOf<I extends PostingIntent>(intent: I): PostingRule<I> {
  return RULES[intent.kind] as unknown as PostingRule<I>;
}

export const postingRules = {
  maxJournals: (intent: PostingIntent): number => ruleOf(intent).maxJournals,
  accounts: (intent: PostingIntent) => ruleOf(intent).accounts(intent),
  state: (intent: PostingIntent, settings: RuleSettings): readonly StateRequest[] => ruleOf(intent).state(intent, settings),
  apply: (intent: PostingIntent, ctx: RuleContext, settings: RuleSettings): RuleResult =>
    ruleOf(intent).apply(intent, ctx, settings),
};
