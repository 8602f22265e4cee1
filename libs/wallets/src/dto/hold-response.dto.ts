import type { HoldView } from '@app/ledger';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { sortedMetadata } from './account-ref.dto';

/** One journal transaction of a hold (see GET /v1/transactions/{transactionId} for the whole of it). */
export class HoldTransactionDto {
  @ApiProperty({ example: '1042' })
  id!: string;

  @ApiProperty({ enum: ['HOLD', 'HOLD_RELEASE', 'HOLD_CAPTURE'] })
  type!: 'HOLD' | 'HOLD_RELEASE' | 'HOLD_CAPTURE';

  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '100' })
  amount!: string;
}

export class HoldResponseDto {
  /** Opaque; use it with /v1/holds/{holdId}. */
  @ApiProperty({ example: '0b6e7d8c-3a2f-4c1e-9b5d-7f8e9a0b1c2d' })
  id!: string;

  /** `HELD` until captured, voided or expired (each final). */
  @ApiProperty({ enum: ['HELD', 'CAPTURED', 'VOIDED', 'EXPIRED'] })
  status!: 'HELD' | 'CAPTURED' | 'VOIDED' | 'EXPIRED';

  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  userId!: string;

  @ApiProperty({ example: 'GOLD', pattern: '^[A-Z][A-Z0-9_]{1,15}$' })
  assetCode!: string;

  /** What the hold reserved. */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '100' })
  amount!: string;

  /** What a capture took ("0" unless CAPTURED); the rest returned to the user. */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '0' })
  capturedAmount!: string;

  /** The user a capture paid (absent: the treasury, or not captured). */
  @ApiPropertyOptional({ example: '9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e' })
  capturedToUserId?: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'Tournament entry' })
  description!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: {} })
  metadata!: Record<string, string>;

  /** The key of the request that created it. */
  @ApiProperty({ example: 'entry-2291' })
  idempotencyKey!: string;

  /** The credential that created it. */
  @ApiProperty({ example: 'master' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T21:15:00.123Z' })
  createdAt!: string;

  /** A HELD hold expires then (its amount returns within HOLD_EXPIRY_INTERVAL_MS). */
  @ApiProperty({ format: 'date-time', example: '2026-11-23T22:15:00.123Z' })
  expiresAt!: string;

  /** When it was captured, voided or expired; null while HELD. */
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, example: null })
  finishedAt!: string | null;

  /**
   * Its journal transactions, in order: the HOLD; then on settlement the HOLD_RELEASE of the whole
   * amount back to the user and, for a capture, the HOLD_CAPTURE of the captured part.
   */
  @ApiProperty({ type: [HoldTransactionDto] })
  transactions!: HoldTransactionDto[];

  static toResponse(hold: HoldView): HoldResponseDto {
    const transactions: HoldTransactionDto[] = [{ id: hold.holdTransactionId, type: 'HOLD', amount: hold.amount.toString() }];
    if (hold.releaseTransactionId)
      transactions.push({ id: hold.releaseTransactionId, type: 'HOLD_RELEASE', amount: hold.amount.toString() });
    if (hold.captureTransactionId) {
      transactions.push({ id: hold.captureTransactionId, type: 'HOLD_CAPTURE', amount: hold.capturedAmount.toString() });
    }
    return {
      id: hold.id,
      status: hold.status,
      userId: hold.userId,
      assetCode: hold.assetCode,
      amount: hold.amount.toString(),
      capturedAmount: hold.capturedAmount.toString(),
      ...(hold.captureToUserId ? { capturedToUserId: hold.captureToUserId } : {}),
      description: hold.description,
      metadata: sortedMetadata(hold.metadata),
      idempotencyKey: hold.idempotencyKey,
      createdBy: hold.createdBy,
      createdAt: hold.createdAt.toISOString(),
      expiresAt: hold.expiresAt.toISOString(),
      finishedAt: hold.finishedAt ? hold.finishedAt.toISOString() : null,
      transactions,
    };
  }
}

export class HoldListDto {
  /** Newest first (at most 200). */
  @ApiProperty({ type: [HoldResponseDto] })
  data!: HoldResponseDto[];
}
