import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An API key: its scopes and limits, and a keyed hash of its secret (never the secret). */
@Entity({ name: 'api_keys' })
export class ApiKeyEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'scopes', type: 'text', array: true })
  scopes!: string[];

  /** HMAC-SHA256 of the secret (see api-key-secret.ts). */
  @Column({ name: 'secret_hash', type: 'bytea' })
  secretHash!: Buffer;

  /** `dw_…` and the secret's last four characters. */
  @Column({ name: 'secret_hint', type: 'text' })
  secretHint!: string;

  @Column({ name: 'rate_limit_per_second', type: 'integer', nullable: true })
  rateLimitPerSecond!: number | null;

  /** The credential that made it (`master`, another key's id, or `cli`). */
  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
