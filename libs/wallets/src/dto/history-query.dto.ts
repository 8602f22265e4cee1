import { TRANSACTION_TYPES, type TransactionType } from '@app/ledger';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageLimit } from '../validation/page-limit.decorator';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ASSET_CODE_PATTERN } from '../validation/patterns';

export class HistoryQueryDto {
  /** Items per page. */
  @PageLimit(50, 20)
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
