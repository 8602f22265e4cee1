import { actingBalanceAfter, PostedTransaction, TRANSACTION_TYPES, type TransactionType } from '@app/ledger';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ACCOUNT_REF_SCHEMA,
  sortedMetadata,
  SystemAccountRefDto,
  toAccountRefResponse,
  UserAccountRefDto,
} from './account-ref.dto';

@ApiExtraModels(UserAccountRefDto, SystemAccountRefDto)
export class EntryResponseDto {
  @ApiProperty(ACCOUNT_REF_SCHEMA)
  account!: SystemAccountRefDto | UserAccountRefDto;

  /** Signed digit string: credits positive, debits negative. */
  @ApiProperty({ type: 'string', pattern: '^-?[0-9]+$', example: '-100' })
  amount!: string;

  @ApiProperty({ type: 'string', pattern: '^-?[0-9]+$', example: '-9100' })
  balanceAfter!: string;
}

export class TransactionResponseDto {
  @ApiProperty({ example: '1042' })
  id!: string;

  @ApiProperty({ enum: TRANSACTION_TYPES, enumName: 'TransactionType' })
  type!: TransactionType;

  @ApiProperty({ enum: ['POSTED'] })
  status!: 'POSTED';

  /** The acting user (the sender of a transfer). */
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  /** The receiver; present on transfers only. */
  @ApiPropertyOptional({ format: 'uuid' })
  toUserId?: string;

  @ApiProperty({ example: 'GOLD' })
  assetCode!: string;

  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '100' })
  amount!: string;

  /** The acting user's balance right after this transaction. */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '350' })
  balanceAfter!: string;

  @ApiProperty({ type: 'string', nullable: true, example: null })
  description!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: {} })
  metadata!: Record<string, string>;

  @ApiProperty({ example: 'order-7781' })
  idempotencyKey!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T21:15:00.123Z' })
  createdAt!: string;

  @ApiProperty({ type: [EntryResponseDto] })
  entries!: EntryResponseDto[];

  static toResponse(tx: PostedTransaction): TransactionResponseDto {
    return {
      id: tx.id,
      type: tx.type,
      status: 'POSTED',
      userId: tx.userId,
      ...(tx.toUserId === null ? {} : { toUserId: tx.toUserId }),
      assetCode: tx.assetCode,
      amount: tx.amount.toString(),
      balanceAfter: actingBalanceAfter(tx).toString(),
      description: tx.description,
      metadata: sortedMetadata(tx.metadata),
      idempotencyKey: tx.idempotencyKey,
      createdAt: tx.createdAt.toISOString(),
      entries: tx.entries.map((e) => ({
        account: toAccountRefResponse(e.account),
        amount: e.amount.toString(),
        balanceAfter: e.balanceAfter.toString(),
      })),
    };
  }
}
