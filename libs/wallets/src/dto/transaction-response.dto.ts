import { actingBalanceAfter, PostedTransaction, TRANSACTION_TYPES, transactionType, type TransactionType } from '@app/ledger';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
export class EntryResponseDto {
  @ApiProperty(ACCOUNT_REF_SCHEMA)
  account!: AccountRefResponse;

  /** Signed digit string: credits positive, debits negative. */
  @ApiProperty({ type: 'string', pattern: '^-?[0-9]+$', example: '-100' })
  amount!: string;

  /** The account's balance right after this entry (system accounts go negative). */
  @ApiProperty({ type: 'string', pattern: '^-?[0-9]+$', example: '-9100' })
  balanceAfter!: string;
}

export class TransactionResponseDto {
  /** Opaque; use it with GET /v1/transactions/{transactionId}. */
  @ApiProperty({ example: '1042' })
  id!: string;

  @ApiProperty({ enum: TRANSACTION_TYPES, enumName: 'TransactionType' })
  type!: TransactionType;

  @ApiProperty({ enum: ['POSTED'] })
  status!: 'POSTED';

  /** The acting user (the sender of a transfer). */
  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  userId!: string;

  /**
   * The other user: the receiver of a transfer or of a hold captured to a user, the receiver of the
   * refunded transfer on its refund (who pays it back). Absent otherwise.
   */
  @ApiPropertyOptional({ example: '9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e' })
  toUserId?: string;

  /** On a refund: the refunded transaction's id. */
  @ApiPropertyOptional({ example: '1041' })
  refundOf?: string;

  /** On a refundable transaction (TOPUP, SPEND, BONUS, TRANSFER): the sum of its refunds so far. */
  @ApiPropertyOptional({ type: 'string', pattern: '^[0-9]+$', example: '0' })
  refundedAmount?: string;

  /** On a refundable transaction: its refunds' ids, oldest first. */
  @ApiPropertyOptional({ type: [String], example: [] })
  refunds?: string[];

  @ApiProperty({ example: 'GOLD', pattern: '^[A-Z][A-Z0-9_]{1,15}$' })
  assetCode!: string;

  /** The amount moved, unsigned. */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '100' })
  amount!: string;

  /** The acting user's balance right after this transaction. */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '350' })
  balanceAfter!: string;

  @ApiProperty({ type: 'string', nullable: true, example: null })
  description!: string | null;

  /** The request's metadata, keys sorted; `{}` when none was sent. */
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

  /** The two entries of the double-entry posting, debit first; their amounts sum to zero. */
  @ApiProperty({ type: [EntryResponseDto] })
  entries!: EntryResponseDto[];

  /**
   * @param refunds what was refunded of it (a transaction just posted has no refunds yet)
   *
   * Built property by property in the contract's order (the optional ones only when present)
   * rather than with conditional spreads: every write renders one, and an object literal with
   * spreads after its first property is built key by key at run time by V8.
   */
  static toResponse(
    tx: PostedTransaction,
    refunds: { readonly refundedAmount: bigint; readonly refunds: readonly string[] } = NO_REFUNDS,
  ): TransactionResponseDto {
    const response = { id: tx.id, type: tx.type, status: 'POSTED' } as TransactionResponseDto;
    response.userId = tx.userId;
    if (tx.toUserId !== null) response.toUserId = tx.toUserId;
    if (tx.refundOf !== null) response.refundOf = tx.refundOf;
    if (transactionType(tx.type).refundable) {
      response.refundedAmount = refunds.refundedAmount.toString();
      response.refunds = [...refunds.refunds];
    }
    response.assetCode = tx.assetCode;
    response.amount = tx.amount.toString();
    response.balanceAfter = actingBalanceAfter(tx).toString();
    response.description = tx.description;
    response.metadata = sortedMetadata(tx.metadata);
    response.idempotencyKey = tx.idempotencyKey;
    response.createdBy = tx.createdBy;
    response.createdAt = tx.createdAt.toISOString();
    response.entries = tx.entries.map((e) => ({
      account: toAccountRefResponse(e.account),
      amount: e.amount.toString(),
      balanceAfter: e.balanceAfter.toString(),
    }));
    return response;
  }
}

const NO_REFUNDS = { refundedAmount: 0n, refunds: [] as readonly string[] };
