import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The stored outcome of one write, scoped to the acting user. */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'endpoint', type: 'text' })
  endpoint!: string;

  /** SHA-256 of the endpoint and the canonicalised request, key excluded. */
  @Column({ name: 'fingerprint', type: 'text' })
  fingerprint!: string;

  @Column({ name: 'status_code', type: 'smallint', nullable: true })
  statusCode!: number | null;

  /** The response body exactly as it was first sent, replayed byte for byte. */
  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ name: 'journal_id', type: 'bigint', nullable: true })
  journalId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
