import { Injectable } from '@nestjs/common';
import type { LockedAccount } from '../domain/posting-engine';

const MAX_ACCOUNTS = 200_000;
const MAX_PAUSE = 1024;

/**
 * The balances this process's batches left, as committed: what a single-flight batch is decided
 * from. Never trusted blindly — the batch's balance update compares every account it moves with the
 * balance it was decided from, under the lock, and rolls the transaction back on any difference
 * (another process wrote it) — so the book only decides how often the fast way pays.
 *
 * A batch takes its accounts out of the book when it starts (a batch running beside it then reads
 * them the two-flight way instead of guessing at an outcome not yet committed) and puts them back
 * once it has committed. After a single flight found a balance another process had moved, the next
 * batches go the two-flight way for a while (8, 16, … 1,024 batches; halved by each single flight
 * that succeeds), so processes that share hot accounts do not pay a wasted round trip per batch.
 */
@Injectable()
export class AccountBook {
  private readonly balances = new Map<string, { kind: LockedAccount['kind']; balance: bigint }>();
  private pause = 0;
  private skip = 0;

  /**
   * Takes these accounts out of the book for a batch that may go in a single flight.
   * @returns copies to decide it from, when the book had them all and single flights are not paused
   */
  take(ids: readonly string[]): Map<string, LockedAccount> | undefined {
    let all = this.skip === 0;
    if (this.skip > 0) this.skip--;
    const accounts = new Map<string, LockedAccount>();
    for (const id of ids) {
      const known = this.balances.get(id);
      if (known === undefined) all = false;
      else {
        this.balances.delete(id);
        if (all) accounts.set(id, { id, kind: known.kind, balance: known.balance });
      }
    }
    return all ? accounts : undefined;
  }

  /** Takes these accounts out of the book for a batch that reads them under its locks. */
  forget(ids: readonly string[]): void {
    for (const id of ids) this.balances.delete(id);
  }

  /** A batch committed: these are the accounts' balances now. */
  committed(accounts: Iterable<LockedAccount>, singleFlight: boolean): void {
    if (singleFlight) this.pause >>= 1;
    if (this.balances.size >= MAX_ACCOUNTS) this.balances.clear();
    for (const { id, kind, balance } of accounts) this.balances.set(id, { kind, balance });
  }

  /** A single flight found a balance moved by another process (its accounts are out of the book already). */
  failed(): void {
    this.pause = Math.min(MAX_PAUSE, Math.max(8, this.pause * 2));
    this.skip = this.pause;
  }
}
