import { ApiProperty } from '@nestjs/swagger';
import type { AssetEntity } from '../entities/asset.entity';

export class AssetResponseDto {
  @ApiProperty({ example: 'GOLD', pattern: '^[A-Z][A-Z0-9_]{1,15}$' })
  code!: string;

  @ApiProperty({ example: 'Gold' })
  name!: string;

  static toResponse(asset: AssetEntity): AssetResponseDto {
    return { code: asset.code, name: asset.name };
  }
}

export class AssetListResponseDto {
  @ApiProperty({ type: [AssetResponseDto] })
  data!: AssetResponseDto[];
}
