import { IsAmount, type AmountInput } from '@app/common';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsMetadata, METADATA_MAX_KEY_LENGTH } from '../validation/is-metadata.decorator';
import { ASSET_CODE_PATTERN } from '../validation/patterns';

/**
 * The amount schema shared by every write: a JSON integer or a digit string (no sign, no leading
 * zero), 1 to 10^15 either way; the string pattern spells out exactly that range.
 */
export const AMOUNT_SCHEMA: ApiPropertyOptions = {
  description:
    'Whole units of the asset (no fractions): a positive JSON integer or a string of digits, at most 10^15 ' +
    '(`1000000000000000`). Send a string when your language cannot hold the number exactly.',
  oneOf: [
    { type: 'integer', minimum: 1, maximum: 1000000000000000, example: 100 },
    { type: 'string', pattern: '^([1-9][0-9]{0,14}|1000000000000000)$', example: '100' },
  ],
  example: 100,
};

export const METADATA_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description: 'A flat map of up to 20 string keys (at most 64 characters) to string values (at most 500 characters).',
  additionalProperties: { type: 'string', maxLength: 500 },
  maxProperties: 20,
  // OpenAPI 3.0 has no propertyNames: the key limit the service enforces, for tools that read extensions.
  ...{ 'x-propertyNames': { type: 'string', minLength: 1, maxLength: METADATA_MAX_KEY_LENGTH } },
  nullable: true,
  example: { orderId: 'A-1001' },
};

/** The body field `idempotencyKey` of every write. */
export const IDEMPOTENCY_KEY_BODY_SCHEMA: ApiPropertyOptions = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  pattern: '^[\\x21-\\x7E]{1,255}$',
  example: 'order-7781',
  description: 'The idempotency key, when the `Idempotency-Key` header is not used (both must agree when both are sent).',
};

/** The optional body field `idempotencyKey` (the header's alternative), as every write declares it. */
export function IdempotencyKeyField(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional(IDEMPOTENCY_KEY_BODY_SCHEMA), IsOptional(), IsString());
}

/** The optional `metadata` of a write: a flat map of strings within the limits the service enforces. */
export function MetadataField(): PropertyDecorator {
  return applyDecorators(ApiPropertyOptional(METADATA_SCHEMA), IsOptional(), IsMetadata());
}

/** Fields every write carries besides the users it names. */
export abstract class WriteRequestBase {
  /** The asset's code, upper case (see GET /v1/assets). */
  @ApiProperty({ example: 'GOLD', pattern: ASSET_CODE_PATTERN.source })
  @IsString()
  @Matches(ASSET_CODE_PATTERN, { message: 'must be an upper-case asset code such as GOLD' })
  assetCode!: string;

  @ApiProperty(AMOUNT_SCHEMA)
  @IsAmount()
  amount!: AmountInput;

  /** Free text for the player's history, at most 500 characters. */
  @ApiPropertyOptional({ type: 'string', maxLength: 500, nullable: true, example: 'Starter pack' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @MetadataField()
  metadata?: Record<string, string> | null;

  /** The idempotency key, when the `Idempotency-Key` header is not used (both must agree when both are sent). */
  @IdempotencyKeyField()
  idempotencyKey?: string;
}

/** Top-up, spend and bonus: one user and the system account of the operation. */
export class PostingRequestDto extends WriteRequestBase {
  /** The user the write acts for; the idempotency key is scoped to this user. */
  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  @IsString()
  userId!: string;
}

export class TransferRequestDto extends WriteRequestBase {
  /** The sender; the idempotency key is scoped to this user. */
  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  @IsString()
  fromUserId!: string;

  /** The receiver; a different user than the sender. */
  @ApiProperty({ example: '9a7c2e4b-1d3f-4a6b-8c5e-0f2d4b6a8c1e' })
  @IsString()
  toUserId!: string;
}
