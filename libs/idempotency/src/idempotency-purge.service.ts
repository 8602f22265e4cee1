import { AppConfig } from '@app/common';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { IdempotencyRepository } from './idempotency.repository';

const MAX_ROUNDS_PER_RUN = 100;

/**
 * Deletes idempotency records older than the retention (at least 24 hours) on a timer, in small
 * batches so that no statement holds many rows or runs long. Every replica may run it: the
 * deletes skip rows another session holds.
 */
@Injectable()
export class IdempotencyPurgeService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyPurgeService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly settings: AppConfig['idempotency'];

  constructor(
    private readonly repository: IdempotencyRepository,
    config: ConfigService<AppConfig, true>,
  ) {
    this.settings = config.get('idempotency', { infer: true });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purgeExpired().catch(() => undefined), this.settings.purgeIntervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Purges every expired record, batch by batch. Returns how many were deleted. */
  purgeExpired(now: Date = new Date()): Promise<number> {
    this.running ??= this.purge(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async purge(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.settings.retentionHours * 3_600_000);
    let total = 0;
    try {
      for (let round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
        const deleted = await this.repository.purgeBefore(cutoff, this.settings.purgeBatchSize);
        total += deleted;
        if (deleted < this.settings.purgeBatchSize) break;
      }
    } catch (error) {
      this.logger.warn(`idempotency purge stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (total > 0) this.logger.log(`purged ${total} idempotency records created before ${cutoff.toISOString()}`);
    return total;
  }
}
