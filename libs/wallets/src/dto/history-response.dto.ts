import { HistoryItem, TRANSACTION_TYPES, type TransactionType } from '@app/ledger';
import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import {
  ACCOUNT_REF_SCHEMA,
  type AccountRefResponse,
  HeldAccountRefDto,
  sortedMetadata,
  SystemAccountRefDto,
  toAccountRefResponse,
  UserAccountRefDto,
} from './account-ref.dto';

@ApiExtraModels(UserAccountRefDto, SystemAccountRefDto, HeldAccountRefDto)
export class HistoryItemDto {
  /** The transaction id (see GET /v1/transactions/{transactionId}). */
  @ApiProperty({ example: '1042' })
  id!: string;

  @ApiProperty({ enum: TRANSACTION_TYPES, enumName: 'TransactionType' })
  type!: TransactionType;

  @ApiProperty({ example: 'GOLD', pattern: '^[A-Z][A-Z0-9_]{1,15}$' })
  assetCode!: string;

  /** Unsigned; `direction` says which way it went. */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '100' })
  amount!: string;

  /** `CREDIT` when the transaction added to this user's balance, `DEBIT` when it took from it. */
  @ApiProperty({ enum: ['CREDIT', 'DEBIT'] })
  direction!: 'CREDIT' | 'DEBIT';

  /** This user's balance right after the transaction. */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '350' })
  balanceAfter!: string;

  /**
   * The other side: the system account, the other user (a transfer, its refund, a hold captured to a
   * user), or the user's own held funds (`HELD`) for a hold and its release.
   */
  @ApiProperty(ACCOUNT_REF_SCHEMA)
  counterparty!: AccountRefResponse;

  @ApiProperty({ type: 'string', nullable: true, example: null })
  description!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: {} })
  metadata!: Record<string, string>;

  @ApiProperty({ example: 'order-7781' })
  idempotencyKey!: string;

  /**
   * The credential that made it: the id of the API key, `master` (the master key), `system` (a write
   * the service started itself) or `anonymous` (made before access control existed).
   */
  @ApiProperty({ example: '3f1c9a2e-5b7d-4e8f-a1c3-9d2e4f6a8b0c' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T21:15:00.123Z' })
  createdAt!: string;

  static toResponse(item: HistoryItem): HistoryItemDto {
    return {
      id: item.transactionId,
      type: item.type,
      assetCode: item.assetCode,
      amount: (item.amount < 0n ? -item.amount : item.amount).toString(),
      direction: item.amount < 0n ? 'DEBIT' : 'CREDIT',
      balanceAfter: item.balanceAfter.toString(),
      counterparty: toAccountRefResponse(item.counterparty),
      description: item.description,
      metadata: sortedMetadata(item.metadata),
      idempotencyKey: item.idempotencyKey,
      createdBy: item.createdBy,
      createdAt: item.createdAt.toISOString(),
    };
  }
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryItemDto] })
  data!: HistoryItemDto[];

  /** Pass as `cursor` for the next (older) page; null on the last page. */
  @ApiProperty({ type: 'string', nullable: true, example: null })
  nextCursor!: string | null;
}
