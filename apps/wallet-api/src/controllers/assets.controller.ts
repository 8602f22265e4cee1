import { AssetListResponseDto, AssetResponseDto, AssetsService } from '@app/assets';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, COMMON_PROBLEMS } from '../http/api-problems.decorator';

@ApiTags('assets')
@Controller('v1/assets')
export class AssetsController {
  constructor(private readonly assets: AssetsService) {}

  @Get()
  @ApiOperation({ operationId: 'listAssets', summary: 'The assets wallets can hold' })
  @ApiProblems(...COMMON_PROBLEMS)
  async list(): Promise<AssetListResponseDto> {
    return { data: (await this.assets.list()).map((a) => AssetResponseDto.toResponse(a)) };
  }
}
