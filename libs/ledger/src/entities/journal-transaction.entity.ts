import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TransactionType } from '../domain/posting';
import { bigintTransformer } from './bigint.transformer';

/** One business event (a top-up, a spend...): append-only, balanced by its entries. */
@Entity({ name: 'journal_transactions' })
export class JournalTransactionEntity {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'BY DEFAULT' })
  id!: string;

  @Column({ name: 'type', type: 'text' })
  type!: TransactionType;

  @Column({ name: 'asset_code', type: 'text' })
  assetCode!: string;

  /** The acting user (the sender of a transfer). */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'to_user_id', type: 'uuid', nullable: true })
  toUserId!: string | null;

  @Column({ name: 'amount', type: 'bigint', transformer: bigintTransformer })
  amount!: bigint;

  @Column({ name: 'description', type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'metadata', type: 'jsonb' })
  metadata!: Record<string, string>;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  /** The credential that posted it: an API key's id, `master`, `system`, or `anonymous` (before access control). */
  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
