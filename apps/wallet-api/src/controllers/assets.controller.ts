import { RequiresScope } from '@app/api-keys';
import { AssetListResponseDto, AssetResponseDto, AssetsService } from '@app/assets';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, COMMON_PROBLEMS } from '../http/api-problems.decorator';

@ApiTags('assets')
@Controller('v1/assets')
export class AssetsController {
  constructor(private readonly assets: AssetsService) {}

  @Get()
  @RequiresScope('users:read')
  @ApiOperation({
    operationId: 'listAssets',
    summary: 'The assets wallets can hold',
    description: 'Every asset, oldest first. A fresh database is seeded with GOLD, DIAMOND and POINT.',
  })
  @ApiOkResponse({
    type: AssetListResponseDto,
    description: 'All assets.',
    example: {
      data: [
        { code: 'GOLD', name: 'Gold' },
        { code: 'DIAMOND', name: 'Diamond' },
        { code: 'POINT', name: 'Point' },
      ],
    },
  })
  @ApiProblems(...COMMON_PROBLEMS)
  async list(): Promise<AssetListResponseDto> {
    return { data: (await this.assets.list()).map((a) => AssetResponseDto.toResponse(a)) };
  }
}
