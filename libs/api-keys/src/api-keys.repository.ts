import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** An API key as the service reads it (the secret's hash stays in the database layer but for look-ups). */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly secretHint: string;
  readonly rateLimitPerSecond: number | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

export interface NewApiKey {
  readonly name: string;
  readonly scopes: readonly string[];
  readonly secretHash: Buffer;
  readonly secretHint: string;
  readonly rateLimitPerSecond: number | null;
  readonly createdBy: string;
  readonly expiresAt: Date | null;
}

const COLUMNS = `id, name, scopes, secret_hint, rate_limit_per_second, created_by, created_at, expires_at, revoked_at, last_used_at`;

interface ApiKeyRow {
  id: string;
  name: string;
  scopes: string[];
  secret_hint: string;
  rate_limit_per_second: number | null;
  created_by: string;
  created_at: Date;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

/** SQL for API keys. None of it runs inside a ledger transaction. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(key: NewApiKey): Promise<ApiKeyRecord> {
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `INSERT INTO api_keys (name, scopes, secret_hash, secret_hint, rate_limit_per_second, created_by, expires_at)
       VALUES ($1, $2::text[], $3, $4, $5, $6, $7)
       RETURNING ${COLUMNS}`,
      [key.name, key.scopes, key.secretHash, key.secretHint, key.rateLimitPerSecond, key.createdBy, key.expiresAt],
    );
    return toRecord(rows[0]);
  }

  /** The key whose secret has this digest, revoked and expired ones included (the caller decides), with its digest. */
  async findByHash(secretHash: Buffer): Promise<(ApiKeyRecord & { readonly secretHash: Buffer }) | undefined> {
    const rows: Array<ApiKeyRow & { secret_hash: Buffer }> = await this.dataSource.query(
      `SELECT ${COLUMNS}, secret_hash FROM api_keys WHERE secret_hash = $1`,
      [secretHash],
    );
    return rows[0] && { ...toRecord(rows[0]), secretHash: rows[0].secret_hash };
  }

  /** A key that is not revoked (expired ones included, so their owner can see why they fail). */
  async findActive(id: string): Promise<ApiKeyRecord | undefined> {
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_keys WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    return rows[0] && toRecord(rows[0]);
  }

  async listActive(): Promise<ApiKeyRecord[]> {
    const rows: ApiKeyRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM api_keys WHERE revoked_at IS NULL ORDER BY created_at, id`,
    );
    return rows.map(toRecord);
  }

  /** @returns whether a key that was active is now revoked. */
  async revoke(id: string): Promise<boolean> {
    const [, affected]: [unknown[], number] = await this.dataSource.query(
      `UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
      [id],
    );
    return affected > 0;
  }

  /**
   * Records that these keys were used now, at most once a minute per key whatever the number of
   * replicas (the condition skips keys another process touched less than a minute ago).
   */
  async touchLastUsed(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = ANY ($1::uuid[]) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [ids],
    );
  }
}

function toRecord(r: ApiKeyRow): ApiKeyRecord {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    secretHint: r.secret_hint,
    rateLimitPerSecond: r.rate_limit_per_second,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
  };
}
