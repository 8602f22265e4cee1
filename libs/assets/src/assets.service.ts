import { AssetNotFoundException } from '@app/common';
import { Injectable } from '@nestjs/common';
import { AssetsRepository } from './assets.repository';
import { AssetEntity } from './entities/asset.entity';

/** Minimum pause between reloads triggered by an unknown code, so bad input cannot hammer the database. */
const RELOAD_INTERVAL_MS = 1000;

/**
 * The assets catalogue. Assets change rarely (a migration or an operator adds one), so the list is
 * cached in memory and reloaded when a code is not found, at most once a second.
 */
@Injectable()
export class AssetsService {
  private cache: ReadonlyMap<string, AssetEntity> | undefined;
  private loadedAt = 0;
  private loading: Promise<ReadonlyMap<string, AssetEntity>> | undefined;

  constructor(private readonly assets: AssetsRepository) {}

  async list(): Promise<AssetEntity[]> {
    return [...(await this.load(false)).values()];
  }

  /** The asset with this code if the cached catalogue has it, without waiting: the write path's usual case. */
  cached(code: string): AssetEntity | undefined {
    return this.cache?.get(code);
  }

  /** The asset with this code, or ASSET_NOT_FOUND. */
  async require(code: string): Promise<AssetEntity> {
    const cached = (await this.load(false)).get(code);
    if (cached) return cached;
    const fresh = Date.now() - this.loadedAt >= RELOAD_INTERVAL_MS ? (await this.load(true)).get(code) : undefined;
    if (!fresh) throw new AssetNotFoundException(code);
    return fresh;
  }

  private load(force: boolean): Promise<ReadonlyMap<string, AssetEntity>> {
    if (this.cache && !force) return Promise.resolve(this.cache);
    this.loading ??= this.assets
      .list()
      .then((rows) => {
        this.cache = new Map(rows.map((a) => [a.code, a]));
        this.loadedAt = Date.now();
        return this.cache;
      })
      .finally(() => {
        this.loading = undefined;
      });
    return this.loading;
  }
}
