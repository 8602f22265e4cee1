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
      'CHECKPOINT_DIVERGED',
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

/** Inline rather than a $ref: OpenAPI 3.0 has no nullable reference (`allOf` with `nullable` refuses null). */
const CHECKPOINT_REF_SCHEMA = {
  type: 'object' as const,
  nullable: true,
  required: ['journalId', 'entryId', 'verifiedAt'],
  properties: {
    journalId: {
      type: 'string' as const,
      description: 'Journals of the asset up to this id were verified by an earlier run.',
      example: '5',
    },
    entryId: {
      type: 'string' as const,
      description: "Entries of the asset's accounts up to this id were verified by an earlier run.",
      example: '10',
    },
    verifiedAt: { type: 'string' as const, format: 'date-time' },
  },
};

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

  /** The checkpoint this run started from (what is behind it was verified earlier); null when the asset was recomputed from its first entry. */
  @ApiProperty(CHECKPOINT_REF_SCHEMA)
  checkpoint!: { journalId: string; entryId: string; verifiedAt: string } | null;

  @ApiProperty({ type: [MismatchDto] })
  mismatches!: MismatchDto[];
}

export class LedgerVerificationDto {
  @ApiProperty()
  ok!: boolean;

  /** True when every asset was recomputed from its first entry (`full=true`, or no checkpoint yet). */
  @ApiProperty()
  full!: boolean;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: [AssetVerificationDto] })
  assets!: AssetVerificationDto[];
}
