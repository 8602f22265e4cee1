import { Injectable } from '@nestjs/common';
import { AccountsRepository, UserAccountRequest } from './accounts.repository';
import { AccountRef, accountRefKey, SystemAccountName } from './domain/posting';

export interface AccountRequest {
  readonly assetCode: string;
  readonly ref: AccountRef;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CACHED = 500_000;

/**
 * Maps (owner, asset) to account ids, creating a user's account on first use. Creation is
 * race-free (INSERT … ON CONFLICT DO NOTHING on the unique (user, asset) index, see
 * {@link AccountsRepository}) and happens before a batch's transaction, so it never lengthens the
 * time a batch holds its locks. Account ids never change and accounts are never deleted, so found
 * ids are cached.
 */
@Injectable()
export class AccountResolver {
  private readonly cache = new Map<string, string>();

  constructor(private readonly accounts: AccountsRepository) {}

  /** @returns account id per {@link accountRefKey}; a user that does not exist maps to null. */
  async resolve(requests: readonly AccountRequest[]): Promise<Map<string, string | null>> {
    const result = new Map<string, string | null>();
    const users = new Map<string, UserAccountRequest>();
    const systems = new Map<string, { name: SystemAccountName; assetCode: string }>();
    for (const { assetCode, ref } of requests) {
      const key = accountRefKey(assetCode, ref);
      const cached = this.cache.get(key);
      if (cached !== undefined) result.set(key, cached);
      else if (ref.kind === 'SYSTEM') systems.set(key, { name: ref.name, assetCode });
      else if (!UUID.test(ref.userId)) result.set(key, null);
      else users.set(key, { userId: ref.userId.toLowerCase(), assetCode, kind: ref.kind });
    }
    if (users.size > 0) await this.resolveUserAccounts(users, result);
    for (const [key, { name, assetCode }] of systems) result.set(key, await this.resolveSystemAccount(name, assetCode));
    for (const [key, id] of result) if (id !== null) this.remember(key, id);
    return result;
  }

  /** A user's wallet (USER) and held funds (HELD) per asset, created on first use. */
  private async resolveUserAccounts(wanted: Map<string, UserAccountRequest>, result: Map<string, string | null>): Promise<void> {
    for (let attempt = 0; attempt < 2 && wanted.size > 0; attempt++) {
      const entries = [...wanted.entries()];
      const rows = await this.accounts.findOrCreateUserAccounts(entries.map(([, w]) => w));
      const byOwner = new Map(rows.map((r) => [`${r.userId}|${r.assetCode}|${r.kind}`, r]));
      for (const [key, w] of entries) {
        const row = byOwner.get(`${w.userId}|${w.assetCode}|${w.kind}`);
        if (row?.id) {
          result.set(key, row.id);
          wanted.delete(key);
        } else if (!row?.userExists) {
          result.set(key, null);
          wanted.delete(key);
        }
        // else: another session created the account after this statement's snapshot; look again.
      }
    }
    if (wanted.size > 0) throw new Error('could not resolve user accounts after a concurrent creation');
  }

  private async resolveSystemAccount(name: SystemAccountName, assetCode: string): Promise<string> {
    const found = await this.accounts.findSystemAccount(name, assetCode);
    if (found !== undefined) return found;
    // An asset added after the seed gets its system accounts on first use.
    await this.accounts.createSystemAccount(name, assetCode);
    const created = await this.accounts.findSystemAccount(name, assetCode);
    if (created === undefined) throw new Error(`the ${name} account of ${assetCode} is missing after its creation`);
    return created;
  }

  private remember(key: string, id: string): void {
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, id);
  }
}
