import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class MismatchDto {
  @ApiProperty({
    enum: [
      'ASSET_SUM_NOT_ZERO',
      'BALANCE_NOT_SUM_OF_ENTRIES',
      'BALANCE_NOT_LAST_BALANCE_AFTER',
      'RUNNING_BALANCE_BROKEN',
      'JOURNAL_NOT_BALANCED',
      'NEGATIVE_USER_BALANCE',
    ],
  })
  kind!: string;

  @ApiProperty()
  detail!: string;

  @ApiPropertyOptional()
  accountId?: string;

  @ApiPropertyOptional()
  journalId?: string;

  @ApiPropertyOptional()
  entryId?: string;

  @ApiPropertyOptional({ pattern: '^-?[0-9]+$' })
  expected?: string;

  @ApiPropertyOptional({ pattern: '^-?[0-9]+$' })
  actual?: string;
}

export class AssetVerificationDto {
  @ApiProperty({ example: 'GOLD' })
  assetCode!: string;

  /** Sum of every balance of the asset; "0" in a sound ledger. */
  @ApiProperty({ type: 'string', pattern: '^-?[0-9]+$', example: '0' })
  sum!: string;

  @ApiProperty({ type: 'integer' })
  accounts!: number;

  @ApiProperty({ type: 'integer' })
  entries!: number;

  @ApiProperty({ type: 'integer' })
  journals!: number;

  @ApiProperty({ type: [MismatchDto] })
  mismatches!: MismatchDto[];
}

export class LedgerVerificationDto {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: [AssetVerificationDto] })
  assets!: AssetVerificationDto[];
}
