import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountRef, accountRefKey, SystemAccountName } from './domain/posting';

export interface AccountRequest {
  readonly assetCode: string;
  readonly ref: AccountRef;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_CACHED = 500_000;

/**
 * Maps (owner, asset) to account ids, creating a user's account on first use. Creation is
 * race-free (INSERT … ON CONFLICT DO NOTHING on the unique (user, asset) index) and happens
 * before a batch's transaction, so it never lengthens the time a batch holds its locks. Account
 * ids never change and accounts are never deleted, so found ids are cached.
 */
@Injectable()
export class AccountResolver {
  private readonly cache = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** @returns account id per {@link accountRefKey}; a user that does not exist maps to null. */
  async resolve(requests: readonly AccountRequest[]): Promise<Map<string, string | null>> {
    const result = new Map<string, string | null>();
    const users = new Map<string, { userId: string; assetCode: string; kind: 'USER' | 'HELD' }>();
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
  private async resolveUserAccounts(
    wanted: Map<string, { userId: string; assetCode: string; kind: 'USER' | 'HELD' }>,
    result: Map<string, string | null>,
  ): Promise<void> {
    for (let attempt = 0; attempt < 2 && wanted.size > 0; attempt++) {
      const entries = [...wanted.entries()];
      const rows: Array<{ user_id: string; asset_code: string; kind: string; id: string | null; user_exists: boolean }> = await this.dataSource.query(
        `WITH req AS (SELECT DISTINCT user_id, asset_code, kind FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(user_id, asset_code, kind)),
         created AS (
           INSERT INTO accounts (asset_code, kind, user_id)
           SELECT r.asset_code, r.kind, r.user_id FROM req r
            WHERE EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id)
              AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.kind = r.kind AND a.user_id = r.user_id AND a.asset_code = r.asset_code)
            ORDER BY r.user_id, r.asset_code, r.kind
           ON CONFLICT DO NOTHING
           RETURNING id, user_id, asset_code, kind)
         SELECT r.user_id, r.asset_code, r.kind, coalesce(c.id, a.id)::text AS id,
                EXISTS (SELECT 1 FROM users u WHERE u.id = r.user_id) AS user_exists
           FROM req r
           LEFT JOIN created c ON c.user_id = r.user_id AND c.asset_code = r.asset_code AND c.kind = r.kind
           LEFT JOIN accounts a ON a.kind = r.kind AND a.user_id = r.user_id AND a.asset_code = r.asset_code`,
        [entries.map(([, w]) => w.userId), entries.map(([, w]) => w.assetCode), entries.map(([, w]) => w.kind)],
      );
      const byOwner = new Map(rows.map((r) => [`${r.user_id}|${r.asset_code}|${r.kind}`, r]));
      for (const [key, w] of entries) {
        const row = byOwner.get(`${w.userId}|${w.assetCode}|${w.kind}`);
        if (row?.id) {
          result.set(key, row.id);
          wanted.delete(key);
        } else if (!row?.user_exists) {
          result.set(key, null);
          wanted.delete(key);
        }
        // else: another session created the account after this statement's snapshot; look again.
      }
    }
    if (wanted.size > 0) throw new Error('could not resolve user accounts after a concurrent creation');
  }

  private async resolveSystemAccount(name: SystemAccountName, assetCode: string): Promise<string> {
    const find = async () =>
      (await this.dataSource.query(
        `SELECT id::text AS id FROM accounts WHERE kind = 'SYSTEM' AND system_name = $1 AND asset_code = $2`,
        [name, assetCode],
      )) as Array<{ id: string }>;
    let rows = await find();
    if (rows.length === 0) {
      // An asset added after the seed gets its system accounts on first use.
      await this.dataSource.query(
        `INSERT INTO accounts (asset_code, kind, system_name) VALUES ($2, 'SYSTEM', $1) ON CONFLICT DO NOTHING`,
        [name, assetCode],
      );
      rows = await find();
    }
    return rows[0].id;
  }

  private remember(key: string, id: string): void {
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(key, id);
  }
}
