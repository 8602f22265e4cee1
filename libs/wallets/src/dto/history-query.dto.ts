import { TRANSACTION_TYPES, type TransactionType } from '@app/ledger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ASSET_CODE_PATTERN } from '../validation/patterns';

const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

export class HistoryQueryDto {
  /** Items per page. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, example: 20 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: 'must be a whole number from 1 to 200' })
  @Min(1)
  @Max(200)
  limit?: number;

  /** `nextCursor` of the previous page, sent with the same filters; anything else is a 400. */
  @ApiPropertyOptional({ type: 'string', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /** Only this asset's transactions. */
  @ApiPropertyOptional({ example: 'GOLD', pattern: ASSET_CODE_PATTERN.source })
  @IsOptional()
  @IsString()
  @Matches(ASSET_CODE_PATTERN, { message: 'must be an upper-case asset code such as GOLD' })
  assetCode?: string;

  /** Only transactions of this type. */
  @ApiPropertyOptional({ enum: TRANSACTION_TYPES, enumName: 'TransactionType' })
  @IsOptional()
  @IsIn(TRANSACTION_TYPES)
  type?: TransactionType;
}
