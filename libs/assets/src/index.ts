// The assets lib's public surface: its module, service and DTOs. The repository and the entity
// stay inside.
export * from './assets.module';
export * from './assets.service';
export * from './dto/asset-response.dto';
