import type { AssetBalance } from '@app/ledger';
import { ApiProperty } from '@nestjs/swagger';

export class AssetBalanceDto {
  @ApiProperty({ example: 'GOLD' })
  assetCode!: string;

  @ApiProperty({ type: 'string', pattern: '^[0-9]+$', example: '350' })
  balance!: string;
}

export class BalancesResponseDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  /** One row per asset, "0" where the user never held it. */
  @ApiProperty({ type: [AssetBalanceDto] })
  balances!: AssetBalanceDto[];

  static toResponse(userId: string, balances: readonly AssetBalance[]): BalancesResponseDto {
    return { userId, balances: balances.map((b) => ({ assetCode: b.assetCode, balance: b.balance.toString() })) };
  }
}
