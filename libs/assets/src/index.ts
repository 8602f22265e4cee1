export * from './assets.module';
export * from './assets.service';
export * from './dto/asset-response.dto';
export * from './entities/asset.entity';
