import { scopedKey } from '@app/idempotency';
import { AccountRef, accountRefKey, PostingCommand } from '../domain/posting';
import { lockOrder } from '../domain/posting-engine';
import { StateRequest } from './ledger-state';
import { postingRules } from '../rules/posting-rules';
import type { RuleSettings } from '../rules/posting-rule';

/** A command whose accounts are all known (resolved to ids before the transaction). */
export interface ReadyCommand {
  readonly command: PostingCommand;
  /** The ids of the accounts its rule may move money between. */
  readonly accountIds: readonly string[];
}

/**
 * How a batch runs, decided before any I/O: which commands run (the first of each idempotency key;
 * a command without a claim always runs), which answer from another's outcome (the same key again
 * in the batch), which accounts to lock, which state to load and how many journal ids to draw.
 */
export interface BatchPlan {
  readonly primaries: readonly number[];
  readonly followers: ReadonlyArray<{ readonly index: number; readonly primary: number }>;
  readonly lockIds: readonly string[];
  readonly state: readonly StateRequest[];
  readonly journalCount: number;
}

export function planBatch(batch: readonly ReadyCommand[], settings: RuleSettings): BatchPlan {
  const firstByKey = new Map<string, number>();
  const primaries: number[] = [];
  const followers: Array<{ index: number; primary: number }> = [];
  batch.forEach(({ command }, index) => {
    if (!command.idempotency) {
      primaries.push(index);
      return;
    }
    const id = scopedKey(command.idempotency.userId, command.idempotency.key);
    const primary = firstByKey.get(id);
    if (primary === undefined) {
      firstByKey.set(id, index);
      primaries.push(index);
    } else followers.push({ index, primary });
  });
  return {
    primaries,
    followers,
    lockIds: lockOrder(primaries.flatMap((i) => batch[i].accountIds)),
    state: primaries.flatMap((i) => postingRules.state(batch[i].command.intent, settings)),
    journalCount: primaries.reduce((n, i) => n + postingRules.maxJournals(batch[i].command.intent), 0),
  };
}

/** Every account a command's rule may touch, as resolver requests. */
export function accountRequests(
  command: PostingCommand,
): ReadonlyArray<{ readonly assetCode: string; readonly ref: AccountRef }> {
  return postingRules.accounts(command.intent);
}

/**
 * Splits commands into those whose accounts all resolved and those naming an unknown user.
 * @param ids account id per {@link accountRefKey} (null: the user does not exist)
 */
export function readyCommands(
  commands: readonly PostingCommand[],
  ids: ReadonlyMap<string, string | null>,
): { ready: Array<{ index: number } & ReadyCommand>; missing: Array<{ index: number; userId: string }> } {
  const ready: Array<{ index: number } & ReadyCommand> = [];
  const missing: Array<{ index: number; userId: string }> = [];
  commands.forEach((command, index) => {
    const refs = accountRequests(command);
    const accountIds: string[] = [];
    for (const { assetCode, ref } of refs) {
      const id = ids.get(accountRefKey(assetCode, ref));
      if (!id) {
        missing.push({ index, userId: ref.kind === 'SYSTEM' ? ref.name : ref.userId });
        return;
      }
      accountIds.push(id);
    }
    ready.push({ index, command, accountIds });
  });
  return { ready, missing };
}
