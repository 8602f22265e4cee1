import { AppConfig, executorOf, SqlExecutor } from '@app/common';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LedgerService } from '../ledger.service';
import { HoldsRepository } from './holds.repository';

const DUE_PER_ROUND = 200;
const MAX_ROUNDS_PER_RUN = 50;

/**
 * Expires holds still HELD at their `expiresAt`: every HOLD_EXPIRY_INTERVAL_MS each process reads
 * the due holds and posts their release through the ledger like any write (a system posting: no
 * idempotency claim, no response). Exactly once across replicas without a lock of its own: the
 * settle rule reads the hold behind the user's account locks and releases it only if it is still
 * HELD, so of two replicas expiring one hold (or an expiry racing a capture or a void) exactly one
 * moves the money; the others are rejected with HOLD_NOT_ACTIVE and ignored here.
 */
@Injectable()
export class HoldExpiryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HoldExpiryService.name);
  private readonly pool: SqlExecutor;
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly ledger: LedgerService,
    private readonly holds: HoldsRepository,
    @InjectDataSource() dataSource: DataSource,
    config: ConfigService<AppConfig, true>,
  ) {
    this.pool = executorOf(dataSource);
    this.intervalMs = config.get('ledger', { infer: true }).holdExpiryIntervalMs;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.expireDue().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Releases every hold past its expiry; returns how many this process released. */
  expireDue(): Promise<number> {
    this.running ??= this.expire().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async expire(): Promise<number> {
    let released = 0;
    try {
      for (let round = 0; round < MAX_ROUNDS_PER_RUN; round++) {
        const due = await this.holds.due(this.pool, DUE_PER_ROUND);
        const outcomes = await Promise.all(
          due.map((hold) =>
            this.ledger.postSystem({
              intent: { kind: 'SETTLE_HOLD', hold, action: 'EXPIRE', amount: null, toUserId: null },
              actingUserId: hold.userId,
              key: `hold-expiry:${hold.id}`,
              description: null,
              metadata: {},
              createdBy: 'system',
            }),
          ),
        );
        released += outcomes.filter((o) => o.kind === 'POSTED').length;
        if (due.length < DUE_PER_ROUND || outcomes.every((o) => o.kind !== 'POSTED')) break;
      }
    } catch (error) {
      this.logger.warn(`hold expiry stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (released > 0) this.logger.log(`released ${released} expired holds`);
    return released;
  }
}
