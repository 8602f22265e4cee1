import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssetsRepository } from './assets.repository';
import { AssetsService } from './assets.service';
import { AssetEntity } from './entities/asset.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AssetEntity])],
  providers: [AssetsRepository, AssetsService],
  exports: [AssetsService],
})
export class AssetsModule {}
