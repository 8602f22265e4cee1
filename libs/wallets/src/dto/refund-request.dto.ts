import { IsAmount, type AmountInput } from '@app/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AMOUNT_SCHEMA, IdempotencyKeyField, MetadataField } from './posting-request.dto';

/** `POST /v1/transactions/{transactionId}/refunds`: every field optional (an empty body refunds all that is left). */
export class RefundRequestDto {
  /** What to refund; default: all that is left to refund. */
  @ApiPropertyOptional(AMOUNT_SCHEMA)
  @IsOptional()
  @IsAmount()
  amount?: AmountInput;

  /** Why, for the players' history (the refund's `description`), at most 500 characters. */
  @ApiPropertyOptional({ type: 'string', maxLength: 500, nullable: true, example: 'Bought by mistake' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;

  @MetadataField()
  metadata?: Record<string, string> | null;

  @IdempotencyKeyField()
  idempotencyKey?: string;
}
