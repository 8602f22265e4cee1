import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SystemAccountName } from './domain/posting';

/** A user's account (wallet or held funds) per asset that a batch needs. */
export interface UserAccountRequest {
  readonly userId: string;
  readonly assetCode: string;
  readonly kind: 'USER' | 'HELD';
}

/** What the database answered for one request: the account's id, or null with whether the user exists. */
export interface UserAccountRow extends UserAccountRequest {
  readonly id: string | null;
  readonly userExists: boolean;
}

/**
 * SQL that maps owners to account rows, creating them on first use. It runs before a batch's
 * transaction (on TypeORM's pool, each statement on its own), so creating an account never
 * lengthens the time a batch holds its locks. Creation is race-free: INSERT … ON CONFLICT DO
 * NOTHING on the unique (user, asset) index of each user kind and (system name, asset) of SYSTEM.
 */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates the missing accounts of users that exist, and answers every request (duplicates
   * collapsed): its id, or null when the user does not exist — or, rarely, when another session
   * created the account after this statement's snapshot (the caller asks again).
   */
  async findOrCreateUserAccounts(requests: readonly UserAccountRequest[]): Promise<UserAccountRow[]> {
    const rows: Array<{ user_id: string; asset_code: string; kind: 'USER' | 'HELD'; id: string | null; user_exists: boolean }> =
      await this.dataSource.query(
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
        [requests.map((r) => r.userId), requests.map((r) => r.assetCode), requests.map((r) => r.kind)],
      );
    return rows.map((r) => ({ userId: r.user_id, assetCode: r.asset_code, kind: r.kind, id: r.id, userExists: r.user_exists }));
  }

  /** The id of a system account (TREASURY, BONUS) of an asset, if it exists. */
  async findSystemAccount(name: SystemAccountName, assetCode: string): Promise<string | undefined> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id::text AS id FROM accounts WHERE kind = 'SYSTEM' AND system_name = $1 AND asset_code = $2`,
      [name, assetCode],
    );
    return rows[0]?.id;
  }

  /** Creates a system account unless it exists (an asset added after the seed gets them on first use). */
  async createSystemAccount(name: SystemAccountName, assetCode: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO accounts (asset_code, kind, system_name) VALUES ($2, 'SYSTEM', $1) ON CONFLICT DO NOTHING`,
      [name, assetCode],
    );
  }
}
