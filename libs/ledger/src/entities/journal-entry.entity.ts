import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TransactionType } from '../domain/posting';
import { bigintTransformer } from './bigint.transformer';

/**
 * One line of a journal transaction on one account: append-only. Ids are drawn while the account
 * is locked, so an account's entries in id order are its history in the order it was applied.
 */
@Entity({ name: 'journal_entries' })
export class JournalEntryEntity {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'journal_id', type: 'bigint' })
  journalId!: string;

  @Column({ name: 'account_id', type: 'bigint' })
  accountId!: string;

  /** The journal's type, copied so that filtered history is one index scan. */
  @Column({ name: 'type', type: 'text' })
  type!: TransactionType;

  /** Signed: credits positive, debits negative. */
  @Column({ name: 'amount', type: 'bigint', transformer: bigintTransformer })
  amount!: bigint;

  @Column({ name: 'balance_after', type: 'bigint', transformer: bigintTransformer })
  balanceAfter!: bigint;
}
