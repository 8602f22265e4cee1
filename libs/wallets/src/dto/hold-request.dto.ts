import { IsAmount, type AmountInput } from '@app/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { AMOUNT_SCHEMA, IdempotencyKeyField, WriteRequestBase } from './posting-request.dto';

export const MAX_HOLD_SECONDS = 604800;
export const DEFAULT_HOLD_SECONDS = 3600;

/** `POST /v1/holds`: reserve `amount` of the user's balance. */
export class CreateHoldRequestDto extends WriteRequestBase {
  /** The user whose funds are held; the idempotency key is scoped to this user. */
  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  @IsString()
  userId!: string;

  /** Seconds until the hold expires and its amount returns: 1 to 604800 (a week), default 3600. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_HOLD_SECONDS, default: DEFAULT_HOLD_SECONDS, example: 3600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HOLD_SECONDS)
  expiresInSeconds?: number;
}

/** `POST /v1/holds/{holdId}/capture`: every field optional (an empty body captures all to the treasury). */
export class CaptureHoldRequestDto {
  /** How much to capture, at most the hold's amount; default: all of it. The rest returns to the user. */
  @ApiPropertyOptional(AMOUNT_SCHEMA)
  @IsOptional()
  @IsAmount()
  amount?: AmountInput;

  /** Pay the captured amount to this user (escrow between players) instead of the treasury. */
  @ApiPropertyOptional({ type: 'string', example: '9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e' })
  @IsOptional()
  @IsString()
  toUserId?: string;

  @IdempotencyKeyField()
  idempotencyKey?: string;
}

/** `POST /v1/holds/{holdId}/void`: no fields but the optional idempotency key (the body may be absent). */
export class VoidHoldRequestDto {
  @IdempotencyKeyField()
  idempotencyKey?: string;
}
