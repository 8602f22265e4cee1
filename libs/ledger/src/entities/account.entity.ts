import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintTransformer } from './bigint.transformer';

/**
 * A balance-carrying account: a user's wallet for one asset, or a system pool (TREASURY, BONUS).
 * The row is the ledger's lock unit; its balance always equals the sum of its entries.
 */
@Entity({ name: 'accounts' })
export class AccountEntity {
  /** Ids order the locks: every transaction locks its accounts in ascending id order. */
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'asset_code', type: 'text' })
  assetCode!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: 'USER' | 'SYSTEM';

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ name: 'system_name', type: 'text', nullable: true })
  systemName!: 'TREASURY' | 'BONUS' | null;

  @Column({ name: 'balance', type: 'bigint', transformer: bigintTransformer })
  balance!: bigint;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
