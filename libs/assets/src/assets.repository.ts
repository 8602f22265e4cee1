import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AssetEntity } from './entities/asset.entity';

/** SQL for the asset catalogue. */
@Injectable()
export class AssetsRepository {
  constructor(@InjectRepository(AssetEntity) private readonly assets: Repository<AssetEntity>) {}

  /** Every asset, oldest first. */
  list(): Promise<AssetEntity[]> {
    return this.assets.find({ order: { createdAt: 'ASC', code: 'ASC' } });
  }
}
