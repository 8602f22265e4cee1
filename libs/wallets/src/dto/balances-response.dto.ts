import type { AssetBalance } from '@app/ledger';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AssetBalanceDto {
  @ApiProperty({ example: 'GOLD', pattern: '^[A-Z][A-Z0-9_]{1,15}$' })
  assetCode!: string;

  /** A digit string; never negative for a user. */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '350' })
  balance!: string;

  /** What the user's active holds reserve in the asset (not part of `balance`, which is what the user can spend). */
  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '0' })
  held!: string;
}

export class BalancesResponseDto {
  @ApiProperty({ example: '5b1d3f0e-8c1a-4f5e-9d7b-2f6a1c3e4b5d' })
  userId!: string;

  /** One row per asset, "0" where the user never held it (at `asOf`, when asked). */
  @ApiProperty({ type: [AssetBalanceDto] })
  balances!: AssetBalanceDto[];

  /**
   * Only with `?asOf=`: the instant the balances are at, as the service read it (UTC, to the
   * millisecond: `2026-11-30T01:00:00+01:00` reads as `2026-11-30T00:00:00.000Z`).
   */
  @ApiPropertyOptional({ type: 'string', format: 'date-time', example: '2026-11-30T00:00:00.000Z' })
  asOf?: string;

  static toResponse(userId: string, balances: readonly AssetBalance[], asOf?: Date): BalancesResponseDto {
    const rows = balances.map((b) => ({ assetCode: b.assetCode, balance: b.balance.toString(), held: b.held.toString() }));
    return asOf === undefined ? { userId, balances: rows } : { userId, balances: rows, asOf: asOf.toISOString() };
  }
}
